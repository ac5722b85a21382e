//! Range tombstones: one marker for a slice of a partition, and how a read
//! counts it. Sources: Apache Cassandra `db/ReadCommand.java`,
//! `withMetricsRecording` (`applyToMarker` calls `countTombstone` for every
//! `RangeTombstoneMarker`; `applyToRow` counts non-live cells), and
//! `withoutPurgeableTombstones` (purgeable markers are dropped first);
//! `db/rows/RangeTombstoneBoundMarker` (a slice reads as an open and a
//! close bound) and `RangeTombstoneBoundaryMarker` (where two slices meet).

use super::super::action::Action;
use super::super::cell::Deletion;
use super::super::playground::{Outcome, Playground, DEFAULT_NOW_MS};
use super::super::snapshot::Snapshot;
use super::super::store::{QueryOutcome, QuerySpec, Store, DEFAULT_GC_GRACE_SECONDS};
use super::playground_tests::ch;
use super::store_tests::{delete, ids, insert, read_all, store, CH, NOW};
use proptest::prelude::*;

const NOW_S: u32 = (NOW / 1000) as u32;

fn deletion(ts: i64) -> Deletion {
    Deletion { ts, ldt: NOW_S }
}

/// `n` messages with IDs `1..=n`, written at timestamp 10, by the append path.
fn history(n: u64) -> Store {
    let mut s = store();
    for id in 1..=n {
        s.insert_message(CH, id, 42, "x", 10, 0, false).unwrap();
    }
    s
}

fn read(s: &mut Store, limit: u32, before: Option<u64>) -> QueryOutcome {
    let spec = QuerySpec {
        channel: CH,
        limit,
        before,
    };
    s.query(&spec, limit.min(5000), None, NOW, 1).unwrap()
}

#[test]
fn a_range_delete_of_a_million_rows_reads_as_two_markers() {
    // One slice `message_id < X` reads as its open and close bound markers
    // (RangeTombstoneBoundMarker), each counted by `applyToMarker`.
    let mut s = history(1_000_000);
    s.delete_range(CH, 0, 1_000_000, deletion(20)).unwrap();
    assert_eq!(s.row_count(), 1, "the shadowed rows are merged away");
    let p = read_all(&mut s, NOW);
    assert_eq!(ids(&p), vec![1_000_000]);
    assert_eq!(p.stats.tombstones, 2);
    assert_eq!(p.stats.rows_examined, 1);
    assert_eq!(s.counters().range_deletes, 1);
}

#[test]
fn the_same_history_deleted_row_by_row_fails_the_read() {
    // Each row tombstone is counted (`applyToRow`), so the read passes the
    // failure threshold (100 000) and is aborted.
    let mut s = history(150_000);
    for id in 1..150_000 {
        delete(&mut s, id, 20, NOW_S);
    }
    let QueryOutcome::Failed(f) = read(&mut s, 50, None) else {
        panic!("a read over 149 999 row tombstones must fail")
    };
    assert_eq!(f.stats.tombstones, 100_001);
}

#[test]
fn a_read_that_stops_at_its_limit_above_the_range_counts_no_marker() {
    // Counting happens as the iterator is consumed; the LIMIT stops it
    // (`DataLimits.filter` wraps the metrics-recording iterator).
    let mut s = history(200);
    s.delete_range(CH, 0, 100, deletion(20)).unwrap();
    let QueryOutcome::Page(p) = read(&mut s, 50, None) else {
        panic!()
    };
    assert_eq!(p.rows.len(), 50);
    assert_eq!(p.stats.tombstones, 0);
}

#[test]
fn a_read_that_stops_inside_the_range_counts_only_the_open_bound() {
    let mut s = history(10);
    s.delete_range(CH, 0, 8, deletion(20)).unwrap();
    // Written after the delete, so it outlives it inside the slice.
    insert(&mut s, 5, "later", 30);
    let QueryOutcome::Page(p) = read(&mut s, 4, None) else {
        panic!()
    };
    assert_eq!(ids(&p), vec![10, 9, 8, 5]);
    assert_eq!(p.stats.tombstones, 1);
    let all = read_all(&mut s, NOW);
    assert_eq!(all.stats.tombstones, 2);
}

#[test]
fn the_range_shadows_older_writes_and_not_newer_ones() {
    // A deletion shadows data written at or before its timestamp
    // (`DeletionTime.deletes`), whenever that data arrives.
    let mut s = history(10);
    s.delete_range(CH, 0, 6, deletion(20)).unwrap();
    insert(&mut s, 3, "late but old", 19);
    insert(&mut s, 4, "same timestamp", 20);
    insert(&mut s, 2, "newer", 21);
    insert(&mut s, 6, "at the bound, outside", 5);
    assert_eq!(ids(&read_all(&mut s, NOW)), vec![10, 9, 8, 7, 6, 2]);
}

#[test]
fn nested_ranges_share_the_close_bound() {
    // A newer narrow slice inside an older wide one: the read meets the
    // wide one's open bound, a boundary marker where they meet, and the
    // shared close bound (RangeTombstoneBoundaryMarker): three markers.
    let mut s = history(10);
    s.delete_range(CH, 0, 8, deletion(20)).unwrap();
    s.delete_range(CH, 0, 4, deletion(30)).unwrap();
    assert_eq!(read_all(&mut s, NOW).stats.tombstones, 3);
    // A newer, wider slice hides both: two markers again.
    s.delete_range(CH, 0, 9, deletion(40)).unwrap();
    assert_eq!(s.channel(CH).unwrap().range_tombstones().len(), 1);
    assert_eq!(read_all(&mut s, NOW).stats.tombstones, 2);
    // An older, narrower one changes nothing.
    s.delete_range(CH, 0, 5, deletion(35)).unwrap();
    assert_eq!(read_all(&mut s, NOW).stats.tombstones, 2);
}

#[test]
fn a_partition_emptied_by_a_range_delete_still_shows_its_markers() {
    let mut s = history(10);
    s.delete_range(CH, 0, 11, deletion(20)).unwrap();
    assert_eq!(s.row_count(), 0);
    let p = read_all(&mut s, NOW);
    assert!(p.rows.is_empty());
    assert_eq!(p.stats.tombstones, 2);
}

#[test]
fn past_grace_the_read_skips_the_markers_and_compaction_drops_them() {
    // `withoutPurgeableTombstones` drops tombstones older than gc_grace
    // before `withMetricsRecording` counts; compaction then removes them.
    let mut s = history(10);
    s.delete_range(CH, 0, 6, deletion(20)).unwrap();
    let later = NOW + (DEFAULT_GC_GRACE_SECONDS as u64 + 1) * 1000;
    let before = s.compact(NOW);
    assert_eq!(before.range_tombstones_purged, 0);
    let p = read_all(&mut s, later);
    assert_eq!((p.stats.tombstones, p.stats.purgeable_skipped), (0, 2));
    let rep = s.compact(later);
    assert_eq!(rep.range_tombstones_purged, 1);
    assert!(s.channel(CH).unwrap().range_tombstones().is_empty());
    let p = read_all(&mut s, later);
    assert_eq!((p.stats.tombstones, p.stats.purgeable_skipped), (0, 0));
    // With the tombstone gone a late old write is no longer shadowed: why
    // gc_grace must outlast repair.
    insert(&mut s, 2, "zombie", 15);
    assert!(ids(&read_all(&mut s, later)).contains(&2));
}

#[test]
fn a_paged_read_below_the_bound_still_meets_both_bounds() {
    // The read's own slice `message_id < cursor` clips the range, which
    // still opens and closes inside the slice.
    let mut s = history(10);
    s.delete_range(CH, 0, 8, deletion(20)).unwrap();
    insert(&mut s, 5, "later", 30);
    let QueryOutcome::Page(p) = read(&mut s, 50, Some(6)) else {
        panic!()
    };
    assert_eq!(ids(&p), vec![5]);
    assert_eq!(p.stats.tombstones, 2);
}

fn written(p: &Playground) -> u64 {
    match p.outcome() {
        Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        o => panic!("{o:?}"),
    }
}

#[test]
fn a_link_with_range_deletes_and_ttls_round_trips_and_hostile_ones_are_refused() {
    let mut p = Playground::new();
    let mut last = 0;
    for (i, ttl) in [None, Some(30), None].into_iter().enumerate() {
        let (channel, author, content, at) = (ch(), 7, format!("m{i}"), DEFAULT_NOW_MS + i as u64);
        let a = match ttl {
            None => Action::WriteMessage {
                channel,
                author,
                content,
                at,
            },
            Some(ttl) => Action::WriteExpiring {
                channel,
                author,
                content,
                at,
                ttl,
            },
        };
        p.apply(&a).unwrap();
        last = written(&p);
    }
    let bucket = p.store().config().bucket.bucket(last);
    p.apply(&Action::DeleteHistory {
        channel: ch(),
        bucket,
        before: last,
    })
    .unwrap();
    p.apply(&Action::AdvanceClock { seconds: 60 }).unwrap();
    assert!(p
        .export_cql()
        .contains(&format!("AND message_id < {last};")));
    let link = techshack_core::state::encode(2, &p.snapshot());
    let back: Snapshot = techshack_core::state::decode(2, &link).unwrap();
    let q = Playground::from_snapshot(back).unwrap();
    assert_eq!(q.snapshot(), p.snapshot());
    assert_eq!(q.store().totals(), p.store().totals());
    assert_eq!(q.export_cql(), p.export_cql());
    // A crafted link: the bound before its bucket, a bucket past the last
    // one, a TTL over 20 years. Each is refused, none panics.
    for bad in [
        Action::DeleteHistory {
            channel: ch(),
            bucket,
            before: 0,
        },
        Action::DeleteHistory {
            channel: ch(),
            bucket: u64::MAX,
            before: last,
        },
        Action::DeleteHistory {
            channel: 0,
            bucket,
            before: u64::MAX,
        },
        Action::WriteExpiring {
            channel: ch(),
            author: 7,
            content: "x".into(),
            at: DEFAULT_NOW_MS,
            ttl: u32::MAX,
        },
    ] {
        let mut s = p.snapshot();
        s.actions.push(bad.clone());
        assert!(Playground::from_snapshot(s).is_err(), "{bad:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever is written before or after, no row below the bound that
    /// was written at or before the range delete is ever read, every other
    /// row is, and the store's row count matches what a read returns.
    #[test]
    fn a_range_delete_hides_exactly_the_older_rows_below_it(
        before in proptest::collection::vec((1u64..200, 1i64..100), 0..60),
        after in proptest::collection::vec((1u64..200, 1i64..200), 0..60),
        bound in 1u64..220,
        at in 1i64..150,
    ) {
        let mut s = store();
        let mut newest = std::collections::BTreeMap::new();
        for (id, ts) in &before {
            insert(&mut s, *id, "b", *ts);
            let e = newest.entry(*id).or_insert(*ts);
            *e = (*e).max(*ts);
        }
        s.delete_range(CH, 0, bound, deletion(at)).unwrap();
        newest.retain(|id, ts| !(*id < bound && *ts <= at));
        for (id, ts) in &after {
            insert(&mut s, *id, "a", *ts);
            if !(*id < bound && *ts <= at) {
                let e = newest.entry(*id).or_insert(*ts);
                *e = (*e).max(*ts);
            }
        }
        let p = read_all(&mut s, NOW);
        let mut want: Vec<u64> = newest.keys().copied().collect();
        want.reverse();
        prop_assert_eq!(ids(&p), want);
        prop_assert_eq!(s.row_count(), p.rows.len());
        prop_assert_eq!(p.stats.tombstones, 2);
    }
}
