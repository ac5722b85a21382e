//! Channel names and the read on screen, through the panel and its links.

use super::*;
use model::playground::DEFAULT_NOW_MS;
use model::tours::{channel_at, DEC_1_2016, HOUR_MS};
use techshack_core::state::history::{Change, History};
use techshack_core::state::url_codec::{decode, encode};

fn act(a: Action) -> PanelAction {
    PanelAction::Model(a, Undo::Keep)
}

/// #general, the busy channel of the busy-vs-quiet tour.
fn general() -> u64 {
    channel_at(DEC_1_2016, 2)
}

fn wrote(m: &MessageStorePanel) -> u64 {
    match m.pg().outcome() {
        model::Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        o => panic!("not a write: {o:?}"),
    }
}

/// Three messages in #general, a read of them, then a delete of the middle
/// one: the session the links below were made from.
fn session() -> MessageStorePanel {
    // Made on the empty playground the panel opened on then.
    let mut m = MessageStorePanel::new(Playground::new());
    let mut ids = Vec::new();
    for (k, text) in ["one", "two", "three"].iter().enumerate() {
        m.apply(&act(Action::WriteMessage {
            channel: general(),
            author: DEFAULT_AUTHOR,
            content: (*text).into(),
            at: DEFAULT_NOW_MS - (3 - k as u64) * HOUR_MS,
        }));
        ids.push(wrote(&m));
    }
    m.apply(&act(Action::Query {
        channel: general(),
        limit: 50,
        before: None,
    }));
    m.apply(&act(Action::DeleteMessage {
        channel: general(),
        message: ids[1],
    }));
    assert_eq!(m.refusal, None);
    m
}

/// `session()`'s link as the panel wrote it before channels had names and
/// before reads were kept current (state v2): it showed the three rows of
/// the read, not the two left after the delete.
const OLD_LINK: &str = "2.AQAFAIKAgIDAnM7CA4CggLKL3d2OAQNvbmWAsdHImisAgoCAgMCczsIDgKCAsovd3Y4BA3R3b4COrcqaKwCCgICAwJzOwgOAoICyi93djgEFdGhyZWWA64jMmisIgoCAgMCczsIDMgACgoCAgMCczsIDgoCAgdyE6OADAAqA3jQyAAAABgMBAQAEgMjkzZor";

fn restored(link: &str) -> MessageStorePanel {
    let snap = decode::<model::Snapshot>(MessageStorePanel::STATE_VERSION, link)
        .unwrap_or_else(|e| panic!("{e}"));
    MessageStorePanel::restore(snap).unwrap_or_else(|e| panic!("{e}"))
}

fn page_of(m: &MessageStorePanel) -> model::store::Page {
    match m.last_read.as_ref().map(|(o, _)| o.as_ref()) {
        Some(model::Outcome::Page(p)) => p.clone(),
        o => panic!("no page on screen: {o:?}"),
    }
}

#[test]
fn an_old_link_still_opens_with_names_and_a_current_read() {
    let m = restored(OLD_LINK);
    assert_eq!(m.rows(), 3, "the deleted row is stored, as a tombstone");
    assert_eq!(m.focus.channel, general());
    assert_eq!(
        model::channels::label(m.focus.channel),
        format!("#general ({})", general())
    );
    let page = page_of(&m);
    let contents: Vec<_> = page.rows.iter().filter_map(|r| r.content.clone()).collect();
    assert_eq!(
        contents,
        ["three", "one"],
        "the read is the store as it is now"
    );
    assert_eq!(page.stats.tombstones, 1);
    assert_eq!(
        m.pg().shown_read().and_then(|r| r.updated_after),
        Some("your delete")
    );
    // The format did not change: the link the panel writes now is the same.
    assert_eq!(
        encode(MessageStorePanel::STATE_VERSION, &m.snapshot()),
        OLD_LINK
    );
    assert_eq!(
        encode(MessageStorePanel::STATE_VERSION, &session().snapshot()),
        OLD_LINK
    );
}

#[test]
fn names_and_the_read_survive_a_link() {
    let m = session();
    let link = encode(MessageStorePanel::STATE_VERSION, &m.snapshot());
    let back = restored(&link);
    let shown = |m: &MessageStorePanel| {
        m.pg()
            .store()
            .channel_ids()
            .into_iter()
            .map(model::channels::label)
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(&back), shown(&m));
    assert_eq!(shown(&back), [format!("#general ({})", general())]);
    assert_eq!(page_of(&back), page_of(&m));
    assert_eq!(back.pg().shown_read(), m.pg().shown_read());
}

#[test]
fn after_a_delete_the_panel_shows_a_fresh_read_without_replaying_its_walk() {
    let mut m = MessageStorePanel::initial();
    for (k, text) in ["a", "b"].iter().enumerate() {
        m.apply(&act(Action::WriteMessage {
            channel: general(),
            author: DEFAULT_AUTHOR,
            content: (*text).into(),
            at: DEFAULT_NOW_MS - (2 - k as u64) * HOUR_MS,
        }));
    }
    let newest = wrote(&m);
    let read = Action::Query {
        channel: general(),
        limit: 50,
        before: None,
    };
    m.apply(&act(read.clone()));
    let run = m.last_read.as_ref().map(|(_, v)| *v);
    m.apply(&act(Action::DeleteMessage {
        channel: general(),
        message: newest,
    }));
    let mut fresh = m.fork();
    fresh.apply(&act(read.clone()));
    assert_eq!(page_of(&m), page_of(&fresh));
    assert_eq!(page_of(&m).rows.len(), 1);
    assert_eq!(
        m.last_read.as_ref().map(|(_, v)| *v),
        run,
        "a re-read keeps the stamp the walk animation is keyed on"
    );
    assert_ne!(
        fresh.last_read.as_ref().map(|(_, v)| *v),
        run,
        "a read run again gets a new one"
    );
}

#[test]
fn undo_brings_back_the_read_as_it_was_before_the_change() {
    let mut h = History::new(MessageStorePanel::initial(), session());
    let before = page_of(h.present());
    h.change(Change::Do(act(Action::Compact)));
    h.change(Change::Do(act(Action::DeleteBucket {
        channel: general(),
        bucket: before.rows[0].bucket,
    })));
    assert!(
        page_of(h.present()).rows.is_empty(),
        "the partition delete hides all"
    );
    h.change(Change::Undo);
    h.change(Change::Undo);
    assert_eq!(page_of(h.present()), before);
}
