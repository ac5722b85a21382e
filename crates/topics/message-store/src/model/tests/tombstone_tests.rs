//! Tombstone thresholds and their cleanup: Cassandra's warning and failure
//! messages, read-time purging past gc_grace_seconds, and compaction.

use super::super::store::{QueryOutcome, QuerySpec};
use super::store_tests::{delete, insert, store, CH, NOW};

#[test]
fn warn_threshold_message_has_cassandras_shape() {
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    for id in 1..=1001u64 {
        insert(&mut s, id, "x", 10);
        delete(&mut s, id, 20, ldt);
    }
    insert(&mut s, 2000, "alive", 30);
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(3000),
    };
    let QueryOutcome::Page(p) = s.query(&spec, 50, None, NOW, 1).unwrap() else {
        panic!()
    };
    assert_eq!(p.stats.tombstones, 1001);
    let w = &p.warnings[0];
    assert!(w.starts_with("Read 1 live rows and 1001 tombstone cells for query SELECT * FROM discord.messages WHERE channel_id = 1 AND bucket = 0"), "{w}");
    assert!(w.ends_with("(see tombstone_warn_threshold)"), "{w}");
    assert!(w.contains("; token "), "{w}");
}

#[test]
fn exactly_the_warn_threshold_does_not_warn() {
    let mut s = store();
    for id in 1..=1000u64 {
        delete(&mut s, id, 20, (NOW / 1000) as u32);
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(3000),
    };
    let QueryOutcome::Page(p) = s.query(&spec, 50, None, NOW, 1).unwrap() else {
        panic!()
    };
    assert_eq!(p.stats.tombstones, 1000);
    assert!(p.warnings.is_empty());
}

#[test]
fn failure_threshold_aborts_at_100001_tombstones() {
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    for id in 1..=150_000u64 {
        delete(&mut s, id, 20, ldt);
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(200_000),
    };
    let QueryOutcome::Failed(f) = s.query(&spec, 50, None, NOW, 1).unwrap() else {
        panic!("should fail")
    };
    assert_eq!(f.stats.tombstones, 100_001);
    assert_eq!(
        f.stats.rows_examined, 100_001,
        "stops scanning at the threshold"
    );
    let token = super::super::murmur3::partition_token(1, 0);
    let want = format!(
        "Scanned over 100001 tombstones during query 'SELECT * FROM discord.messages WHERE channel_id = 1 AND bucket = 0 AND message_id < 200000 LIMIT 50' (last scanned row token was {token} and partion key was ((1, 0), 50000)); query aborted"
    );
    assert_eq!(f.message, want);
}

#[test]
fn purgeable_tombstones_are_dropped_before_counting_and_compaction_removes_them() {
    let mut s = store();
    s.set_thresholds(1000, 100);
    let ldt = (NOW / 1000) as u32;
    for id in 1..=500u64 {
        delete(&mut s, id, 20, ldt);
    }
    insert(&mut s, 1000, "alive", 30);
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(3000),
    };
    assert!(matches!(
        s.query(&spec, 50, None, NOW, 1).unwrap(),
        QueryOutcome::Failed(_)
    ));
    // One second short of grace: still counted.
    let grace = s.config().gc_grace_seconds as u64;
    let almost = NOW + grace * 1000;
    assert!(matches!(
        s.query(&spec, 50, None, almost, 1).unwrap(),
        QueryOutcome::Failed(_)
    ));
    let later = NOW + (grace + 1) * 1000;
    let QueryOutcome::Page(p) = s.query(&spec, 50, None, later, 1).unwrap() else {
        panic!()
    };
    assert_eq!((p.stats.tombstones, p.stats.purgeable_skipped), (0, 500));
    // Compaction before grace keeps them; after grace drops them for good.
    assert_eq!(s.compact(almost).tombstones_purged, 0);
    let rep = s.compact(later);
    assert_eq!(rep.tombstones_purged, 500);
    assert_eq!(rep.rows_dropped, 500);
    assert_eq!(s.row_count(), 1);
    let QueryOutcome::Page(p) = s.query(&spec, 50, None, later, 1).unwrap() else {
        panic!()
    };
    assert_eq!((p.stats.rows_examined, p.stats.purgeable_skipped), (1, 0));
}
