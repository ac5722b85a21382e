//! The panel state: refusals land at their field, small states copy (so
//! undo works), big ones share without ever touching the start state.

use super::*;
use model::cluster::Consistency;
use model::tours::{channel_at, JUN_1_2016};
use techshack_core::state::history::{Change, History};

fn act(a: Action) -> PanelAction {
    PanelAction::Model(a, Undo::Keep)
}

fn ch() -> u64 {
    channel_at(JUN_1_2016, 21)
}

fn write(text: &str) -> PanelAction {
    act(Action::WriteMessage {
        channel: ch(),
        author: DEFAULT_AUTHOR,
        content: text.into(),
        at: model::playground::DEFAULT_NOW_MS,
    })
}

/// Runs a generation in slices as the view does.
fn generate(m: &mut MessageStorePanel, messages: u64) {
    m.apply(&PanelAction::BeginWorkload {
        seed: 7,
        messages,
        channels: 500,
    });
    assert_eq!(m.refusal, None);
    let mut slices = 0;
    while m.generating() {
        m.apply(&PanelAction::WorkloadStep(20_000));
        slices += 1;
        assert!(slices < 1000);
    }
}

/// Applies each action, checking it is refused at `field` with a message
/// that starts with the given text.
fn refuse_each(m: &mut MessageStorePanel, cases: Vec<(PanelAction, Field, &str)>) {
    for (action, field, text) in cases {
        m.apply(&action);
        let r = m
            .refusal
            .clone()
            .unwrap_or_else(|| panic!("{action:?} was accepted"));
        assert_eq!(r.field, field, "{action:?}");
        assert!(r.message.starts_with(text), "{action:?}: {}", r.message);
        assert_eq!(m.refused(&field), Some(r.message.as_str()));
    }
}

#[test]
fn refusals_are_kept_with_the_field_that_caused_them() {
    let mut m = MessageStorePanel::initial();
    let cases = vec![
        (
            act(Action::SetPageSize(0)),
            Field::PageSize,
            "Page size must be between 1 and 5000 (got 0)",
        ),
        (
            act(Action::Query {
                channel: ch(),
                limit: 0,
                before: None,
            }),
            Field::Limit,
            "Limit must be between 1 and 1000000 (got 0)",
        ),
        (
            act(Action::SetBucketDays(0)),
            Field::BucketDays,
            "Bucket size must be at least 1 (got 0)",
        ),
        (
            act(Action::SetRf(7)),
            Field::Rf,
            "Replication factor 7 needs at least 7 nodes, but the cluster has 6",
        ),
        (
            act(Action::NextPage),
            Field::NextPage,
            "There is no next page",
        ),
        (
            act(Action::WriteMessage {
                channel: ch(),
                author: u64::MAX,
                content: "x".into(),
                at: model::playground::DEFAULT_NOW_MS,
            }),
            Field::Author,
            "author: Snowflake ID",
        ),
        (
            act(Action::EditMessage {
                channel: ch(),
                message: u64::MAX,
                content: "x".into(),
            }),
            Field::MessageId,
            "message: Snowflake ID",
        ),
        (
            PanelAction::BeginWorkload {
                seed: 1,
                messages: 0,
                channels: 10,
            },
            Field::Messages,
            "Messages must be between 1 and 5000000 (got 0)",
        ),
    ];
    refuse_each(&mut m, cases);
    m.apply(&write("fine"));
    assert_eq!(m.refusal, None, "a success clears the refusal");
    assert_eq!(
        m.focus.channel,
        ch(),
        "the panel looks where the change was"
    );
}

/// Placement follows the typed input an error names, including inputs whose
/// label is shared with CQL (the content column) or used by several forms.
#[test]
fn typed_inputs_place_refusals_next_to_their_input() {
    let mut m = MessageStorePanel::initial();
    let cases = vec![
        (
            write(&"x".repeat(4001)),
            Field::Content,
            "content: is 4001 characters",
        ),
        (
            act(Action::Query {
                channel: u64::MAX,
                limit: 10,
                before: None,
            }),
            Field::QueryChannel,
            "channel: 18446744073709551615 does not fit a signed bigint",
        ),
        (
            PanelAction::BeginWorkload {
                seed: 1,
                messages: 10,
                channels: 0,
            },
            Field::Channels,
            "Channels must be between 1 and",
        ),
    ];
    refuse_each(&mut m, cases);
}

#[test]
fn a_small_state_copies_so_undo_keeps_each_step() {
    let mut h = History::new(MessageStorePanel::initial(), MessageStorePanel::initial());
    // The opening scenario's messages.
    let base = h.present().rows();
    h.change(Change::Do(write("one")));
    h.change(Change::Do(write("two")));
    assert_eq!(h.present().rows(), base + 2);
    h.change(Change::Undo);
    assert_eq!(
        h.present().rows(),
        base + 1,
        "the undone state kept its own copy"
    );
    h.change(Change::Redo);
    assert_eq!(h.present().rows(), base + 2);
    h.change(Change::Reset);
    assert_eq!(h.present().rows(), base);
}

#[test]
fn a_big_store_is_shared_not_copied_and_never_leaks_into_the_start() {
    let start = MessageStorePanel::initial();
    let base = start.rows();
    let mut h = History::new(MessageStorePanel::initial(), MessageStorePanel::initial());
    // Generate as the view does: a barrier, then transient slices.
    h.change(Change::Do(PanelAction::BeginWorkload {
        seed: 7,
        messages: 60_000,
        channels: 500,
    }));
    while h.present().generating() {
        h.change(Change::Do(PanelAction::WorkloadStep(10_000)));
    }
    assert_eq!(h.present().rows(), base + 60_000);
    assert!(h.present().is_big());
    assert!(!h.can_undo(), "generation is a barrier");
    assert_eq!(h.present().undo_for(), Undo::Off);

    // A clone of a big state shares the playground...
    let big = h.present().clone();
    assert!(Rc::ptr_eq(&big.pg, &h.present().pg));
    // ...and a change to it (as a barrier, the view's choice) is seen by
    // the present, while the version tells them apart.
    let before = h.present_rc();
    h.change(Change::Do(PanelAction::Model(
        Action::Query {
            channel: big.focus.channel,
            limit: 10,
            before: None,
        },
        Undo::Off,
    )));
    assert!(h.present().last_read.is_some());
    assert_ne!(*before, *h.present(), "versions differ, so views re-render");

    // The start state was never touched: Reset and tours begin clean.
    h.change(Change::Reset);
    assert_eq!(h.present().rows(), base);
    assert_eq!(start.rows(), base);
    h.change(Change::Replay(vec![write("tour")]));
    assert_eq!(h.present().rows(), base + 1);
    h.change(Change::Reset);
    assert_eq!(
        h.present().rows(),
        base,
        "the replay did not write into the start"
    );
    assert_eq!(MessageStorePanel::initial().rows(), base);
}

#[test]
fn a_deep_copy_is_independent_while_small() {
    let mut a = MessageStorePanel::initial();
    let base = a.rows();
    a.apply(&write("one"));
    let mut b = a.clone();
    assert!(!Rc::ptr_eq(&a.pg, &b.pg));
    b.apply(&write("two"));
    assert_eq!((a.rows(), b.rows()), (base + 1, base + 2));
}

#[test]
fn generation_focuses_the_busiest_channel_and_can_be_cancelled() {
    let mut m = MessageStorePanel::initial();
    let base = m.rows();
    generate(&mut m, 30_000);
    let end = m.workload_end.unwrap();
    assert!(!end.cancelled && end.progress.done == 30_000);
    let busiest = m.pg().store().busiest_channels(1)[0].0;
    assert_eq!(m.focus.channel, busiest);
    // The finished generation is in the link.
    let mut back = MessageStorePanel::restore(m.snapshot()).unwrap();
    while back.generating() {
        back.apply(&PanelAction::WorkloadStep(50_000));
    }
    assert_eq!(back.rows(), base + 30_000);
    assert_eq!(back.focus.channel, busiest);

    let mut m = MessageStorePanel::initial();
    m.apply(&PanelAction::BeginWorkload {
        seed: 1,
        messages: 50_000,
        channels: 100,
    });
    m.apply(&PanelAction::WorkloadStep(5_000));
    m.apply(&write("blocked"));
    assert!(m.refused(&Field::Channel).is_none());
    assert!(m
        .refusal
        .as_ref()
        .is_some_and(|r| r.message.contains("still being generated")));
    m.apply(&PanelAction::CancelWorkload);
    assert!(!m.generating());
    assert!(m.workload_end.unwrap().cancelled);
    assert_eq!(m.rows(), base + 5_000);
}

#[test]
fn a_restored_link_looks_at_the_last_channel_it_touched() {
    let mut m = MessageStorePanel::initial();
    m.apply(&write("hello"));
    m.apply(&act(Action::SetReadCl(Consistency::One)));
    m.apply(&act(Action::Query {
        channel: ch(),
        limit: 5,
        before: None,
    }));
    let back = MessageStorePanel::restore(m.snapshot()).unwrap();
    assert_eq!(back.focus.channel, ch());
    assert!(back.last_read.is_some(), "the last page is shown again");
    assert_eq!(back.pg().cluster().read_cl, Consistency::One);
}

#[test]
fn the_newest_rows_of_a_partition_come_first_with_tombstones() {
    let mut m = MessageStorePanel::initial();
    m.apply(&write("old"));
    m.apply(&write("new"));
    let id = match m.pg().outcome() {
        model::Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        o => panic!("{o:?}"),
    };
    m.apply(&act(Action::DeleteMessage {
        channel: ch(),
        message: id,
    }));
    let b = m.pg().store().config().bucket.bucket(id);
    let (img, total) = m.pg().store().partition_newest(ch(), b, 1);
    assert_eq!(total, 2);
    assert_eq!(img.rows.len(), 1);
    assert_eq!(img.rows[0].id, id);
    assert!(img.rows[0].deletion.is_some());
}

#[test]
fn a_link_with_generated_messages_restores_in_slices() {
    let mut m = MessageStorePanel::initial();
    m.apply(&write("before"));
    generate(&mut m, 25_000);
    m.apply(&PanelAction::Model(
        Action::Query {
            channel: ch(),
            limit: 5,
            before: None,
        },
        Undo::Off,
    ));
    let link = m.snapshot();

    let mut back = MessageStorePanel::restore(link.clone()).unwrap();
    assert!(
        back.restoring.is_some() && back.generating(),
        "the generation waits for the view"
    );
    assert_eq!(
        back.snapshot(),
        link,
        "mid-restore, the link is still the link"
    );
    let mut slices = 0;
    while back.generating() {
        back.apply(&PanelAction::WorkloadStep(4_000));
        slices += 1;
    }
    assert!(slices >= 6);
    assert!(back.restoring.is_none());
    assert_eq!(back.snapshot(), link);
    assert_eq!(back.rows(), m.rows());
    assert_eq!(back.focus.channel, ch());
    assert!(back.last_read.is_some());

    // Cancelling stops the restore and says so.
    let mut cut = MessageStorePanel::restore(link).unwrap();
    cut.apply(&PanelAction::WorkloadStep(1_000));
    cut.apply(&PanelAction::CancelWorkload);
    assert!(cut.restoring.is_none());
    assert!(cut
        .refused(&Field::Workload)
        .is_some_and(|m| m.contains("Restoring the link stopped")));
}

#[test]
fn a_link_with_bursts_replays_in_parts_and_refuses_edits_meanwhile() {
    let mut m = MessageStorePanel::initial();
    for _ in 0..3 {
        m.apply(&act(Action::Burst {
            channel: ch(),
            author: 1,
            count: 5_000,
            spacing_ms: 1,
        }));
    }
    let link = m.snapshot();
    let mut back = MessageStorePanel::restore(link.clone()).unwrap();
    assert!(back.restoring.is_some() && !back.generating());
    back.apply(&write("too early"));
    assert!(back.refusal.is_some(), "edits wait for the replay");
    let mut parts = 0;
    while back.restoring.is_some() {
        back.apply(&PanelAction::ResumeLink);
        parts += 1;
        assert!(parts < 10);
    }
    assert_eq!(parts, 2);
    assert_eq!(back.snapshot(), link);
    assert_eq!(back.rows(), m.rows());
    back.apply(&write("now"));
    assert_eq!(back.rows(), m.rows() + 1);
}
