//! The read on screen is read again after every change that can alter it,
//! and is then what a fresh read would return; the re-read has none of a
//! read's side effects and costs one page.

use super::super::action::Action;
use super::super::bucket::BucketSize;
use super::super::cluster::Consistency;
use super::super::playground::{Outcome, Playground, DEFAULT_NOW_MS};
use super::super::store::{Page, QuerySpec};
use super::super::tours::{channel_at, AUTHOR, HOUR_MS, JUN_1_2016};
use std::rc::Rc;

fn ch() -> u64 {
    channel_at(JUN_1_2016, 31)
}

fn write(p: &mut Playground, text: &str, at: u64) -> u64 {
    p.apply(&Action::WriteMessage {
        channel: ch(),
        author: AUTHOR,
        content: text.into(),
        at,
    })
    .unwrap();
    match p.outcome() {
        Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        o => panic!("{o:?}"),
    }
}

fn query(limit: u32) -> Action {
    Action::Query {
        channel: ch(),
        limit,
        before: None,
    }
}

fn shown(p: &Playground) -> Rc<Outcome> {
    p.shown_read().expect("a read is on screen").outcome.clone()
}

fn page(o: &Outcome) -> &Page {
    match o {
        Outcome::Page(pg) => pg,
        o => panic!("not a page: {o:?}"),
    }
}

/// What running `read` now returns, on a copy so `p` is left as it is.
fn fresh(p: &Playground, read: &Action) -> Outcome {
    let mut q = p.clone();
    q.apply(read).unwrap();
    q.outcome().clone()
}

/// Five messages an hour apart, and a read of them on screen.
fn five() -> (Playground, Vec<u64>) {
    let mut p = Playground::new();
    let ids = (0..5u64)
        .map(|k| write(&mut p, &format!("m{k}"), DEFAULT_NOW_MS - (5 - k) * HOUR_MS))
        .collect();
    p.apply(&query(50)).unwrap();
    (p, ids)
}

#[test]
fn after_a_delete_the_read_on_screen_equals_a_fresh_read() {
    let (mut p, ids) = five();
    assert_eq!(page(&shown(&p)).rows.len(), 5);
    assert_eq!(p.shown_read().unwrap().updated_after, None);
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: ids[2],
    })
    .unwrap();
    let now = shown(&p);
    assert_eq!(*now, fresh(&p, &query(50)));
    let pg = page(&now);
    assert_eq!(
        pg.rows.len(),
        4,
        "the deleted message is gone from the page"
    );
    assert!(pg.rows.iter().all(|r| r.message_id != ids[2]));
    assert_eq!(pg.stats.tombstones, 1, "and its tombstone is counted");
    assert_eq!(
        p.shown_read().unwrap().updated_after,
        Some("your delete"),
        "the note names the change"
    );
    assert!(
        matches!(p.outcome(), Outcome::Wrote { .. }),
        "the delete's own outcome stays for the compose card"
    );
}

/// The contents of the page on screen.
fn contents(p: &Playground) -> Vec<String> {
    page(&shown(p))
        .rows
        .iter()
        .filter_map(|r| r.content.clone())
        .collect()
}

#[test]
fn every_change_to_what_the_read_sees_reads_it_again() {
    let (mut p, ids) = five();
    let day = BucketSize::from_days(1).unwrap();
    let changes = [
        Action::WriteMessage {
            channel: ch(),
            author: AUTHOR,
            content: "m5".into(),
            at: DEFAULT_NOW_MS,
        },
        Action::EditMessage {
            channel: ch(),
            message: ids[4],
            content: "m4 edited".into(),
        },
        Action::DeleteMessage {
            channel: ch(),
            message: ids[3],
        },
        Action::Burst {
            channel: ch(),
            author: AUTHOR,
            count: 30,
            spacing_ms: 1000,
        },
        Action::DeleteNewest {
            channel: ch(),
            count: 10,
        },
        Action::SetBucketDays(1),
        Action::SetGrace(3600),
        Action::AdvanceClock { seconds: 7200 },
        Action::Compact,
        Action::EnableEmptyBucketCache(true),
        Action::RepairNullAuthors(true),
        // The day the first five were written in (the rest came a day on).
        Action::DeleteBucket {
            channel: ch(),
            bucket: day.bucket(ids[0]),
        },
    ];
    for (k, change) in changes.iter().enumerate() {
        assert!(change.rereads_after().is_some(), "{change:?}");
        p.apply(change).unwrap();
        assert_eq!(*shown(&p), fresh(&p, &query(50)), "after {change:?}");
        if k == 2 {
            let c = contents(&p);
            assert!(
                c.contains(&"m4 edited".into()) && !c.contains(&"m3".into()),
                "{c:?}"
            );
        }
    }
    let c = contents(&p);
    assert!(c.contains(&"m5".into()), "{c:?}");
    assert!(!c.iter().any(|t| t.starts_with("m4") || t == "m0"), "{c:?}");
}

#[test]
fn actions_that_leave_the_store_alone_keep_the_read_as_it_is() {
    let (mut p, _) = five();
    let before = shown(&p);
    for a in [
        Action::WriteNullColumns(true),
        Action::SetPageSize(2),
        Action::SetReadCl(Consistency::One),
        Action::NodeDown(1),
        Action::HotReads {
            channel: ch(),
            reads: 10,
        },
    ] {
        p.apply(&a).unwrap();
        assert!(Rc::ptr_eq(&before, &shown(&p)), "{a:?}");
        assert_eq!(a.rereads_after(), None, "{a:?}");
    }
    // A change that does not alter the page leaves its note as it was.
    let mut q = Playground::new();
    q.apply(&query(50)).unwrap();
    q.apply(&Action::AdvanceClock { seconds: 60 }).unwrap();
    assert_eq!(q.shown_read().unwrap().updated_after, None);
}

#[test]
fn a_later_page_is_read_again_from_where_it_started() {
    let (mut p, ids) = five();
    p.apply(&Action::SetPageSize(2)).unwrap();
    p.apply(&query(5)).unwrap();
    let from = p.paging_state().unwrap().to_string();
    p.apply(&Action::NextPage).unwrap();
    assert_eq!(page(&shown(&p)).rows.len(), 2);
    // Deleting a row of page 2 re-reads page 2 from the same cursor, and the
    // next page follows on from it as it is now.
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: ids[2],
    })
    .unwrap();
    let resume = Action::ResumePage { paging_state: from };
    assert_eq!(*shown(&p), fresh(&p, &resume));
    assert_eq!(
        p.paging_state(),
        page(&shown(&p)).paging_state.as_deref(),
        "Next page continues from the page on screen"
    );
}

#[test]
fn a_reread_fills_no_cache_and_deletes_no_row() {
    // Empty buckets: a read remembers them, a re-read does not.
    let mut p = Playground::new();
    p.apply(&Action::EnableEmptyBucketCache(true)).unwrap();
    write(&mut p, "old", DEFAULT_NOW_MS - 40 * 86_400_000);
    p.apply(&query(50)).unwrap();
    let remembered = p.store().empty_cache().len();
    assert!(remembered > 0, "the read remembers its empty buckets");
    // A month on, three newer buckets are empty too.
    let later = Action::AdvanceClock {
        seconds: 30 * 86_400,
    };
    p.apply(&later).unwrap();
    assert_eq!(
        p.store().empty_cache().len(),
        remembered,
        "the re-read remembers none of them"
    );
    let mut q = p.clone();
    q.apply(&query(50)).unwrap();
    assert!(q.store().empty_cache().len() > remembered, "a read would");
    assert_eq!(*shown(&p), *shown(&q), "yet both return the same");

    // The edit race's corrupt row: left out, named, not deleted.
    let mut p = Playground::new();
    let id = write(&mut p, "x", DEFAULT_NOW_MS - HOUR_MS);
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: id,
    })
    .unwrap();
    p.apply(&Action::EditMessage {
        channel: ch(),
        message: id,
        content: "y".into(),
    })
    .unwrap();
    p.apply(&query(50)).unwrap();
    let rows = p.store().row_count();
    p.apply(&Action::RepairNullAuthors(true)).unwrap();
    let pg_now = shown(&p);
    let pg = page(&pg_now);
    assert!(pg.rows.is_empty());
    assert_eq!(pg.corrupt_hidden, vec![id]);
    assert!(pg.corrupt_deleted.is_empty());
    assert_eq!(p.store().row_count(), rows);
    let deletes = p.store().counters().row_deletes;
    p.apply(&query(50)).unwrap();
    assert_eq!(
        p.store().counters().row_deletes,
        deletes + 1,
        "a read deletes it"
    );
}

#[test]
fn a_failed_read_reads_again_as_a_page_once_compaction_clears_it() {
    let mut p = Playground::new();
    p.store.set_thresholds(10, 20);
    write(&mut p, "keep", DEFAULT_NOW_MS - 2 * HOUR_MS);
    p.apply(&Action::Burst {
        channel: ch(),
        author: AUTHOR,
        count: 30,
        spacing_ms: 1,
    })
    .unwrap();
    p.apply(&Action::DeleteNewest {
        channel: ch(),
        count: 30,
    })
    .unwrap();
    p.apply(&query(50)).unwrap();
    assert!(matches!(*shown(&p), Outcome::ReadFailed(_)));
    p.apply(&Action::SetGrace(60)).unwrap();
    p.apply(&Action::AdvanceClock { seconds: 120 }).unwrap();
    p.apply(&Action::Compact).unwrap();
    assert_eq!(*shown(&p), fresh(&p, &query(50)));
    assert_eq!(page(&shown(&p)).rows.len(), 1);
    assert_eq!(page(&shown(&p)).stats.tombstones, 0);
}

#[test]
fn a_reread_of_a_big_channel_costs_one_page() {
    let mut p = Playground::new();
    p.apply(&Action::Burst {
        channel: ch(),
        author: AUTHOR,
        count: 20_000,
        spacing_ms: 1,
    })
    .unwrap();
    p.apply(&query(50)).unwrap();
    p.apply(&Action::DeleteNewest {
        channel: ch(),
        count: 1,
    })
    .unwrap();
    let pg_now = shown(&p);
    let s = page(&pg_now).stats;
    assert_eq!(page(&pg_now).rows.len(), 50);
    assert_eq!(s.tombstones, 1);
    assert!(s.rows_examined <= 51, "{} rows examined", s.rows_examined);
}

#[test]
fn a_link_restores_the_read_on_screen_as_it_was() {
    let (mut p, ids) = five();
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: ids[0],
    })
    .unwrap();
    p.apply(&Action::SetReadCl(Consistency::One)).unwrap();
    let q = Playground::from_snapshot(p.snapshot()).unwrap();
    assert_eq!(q.shown_read(), p.shown_read());
    assert_eq!(q.paging_state(), p.paging_state());
    let spec = QuerySpec {
        channel: ch(),
        limit: 50,
        before: None,
    };
    assert_eq!(q.last_query(), Some(&spec));
}
