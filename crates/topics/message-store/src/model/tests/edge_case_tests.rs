//! Edge cases of the facts in domain-facts.md §1 and Cassandra's
//! documented semantics that the other test files do not pin down.

use super::super::bucket::{BucketSize, BUCKET_SIZE_MS};
use super::super::cell::Deletion;
use super::super::schema::{Column, Value};
use super::super::snowflake::{Snowflake, SnowflakeError, DISCORD_EPOCH_MS, MAX_ID};
use super::super::store::{Page, QueryOutcome, QuerySpec, Store};
use super::store_tests::{delete, ids, insert, read_all, store, update, CH, NOW};

fn q(s: &mut Store, spec: &QuerySpec, size: u32, state: Option<&str>, now: u64) -> QueryOutcome {
    s.query(spec, size, state, now, 1).unwrap()
}

fn page(s: &mut Store, spec: &QuerySpec, size: u32, state: Option<&str>, now: u64) -> Page {
    match q(s, spec, size, state, now) {
        QueryOutcome::Page(p) => p,
        QueryOutcome::Failed(f) => panic!("{}", f.message),
    }
}

// ---------- Snowflakes ----------

#[test]
fn snowflake_field_masks_decode_every_bit() {
    // All worker, process and increment bits set; time = 1 ms after epoch.
    let id = (1u64 << 22) | 0x3E_0000 | 0x1_F000 | 0xFFF;
    let s = Snowflake::new(id).unwrap();
    assert_eq!(s.unix_ms(), DISCORD_EPOCH_MS + 1);
    assert_eq!((s.worker(), s.process(), s.increment()), (31, 31, 4095));
    // The largest ID decodes without overflow.
    let m = Snowflake::new(MAX_ID).unwrap();
    assert_eq!(m.unix_ms(), (MAX_ID >> 22) + DISCORD_EPOCH_MS);
    assert_eq!((m.worker(), m.process(), m.increment()), (31, 31, 4095));
}

#[test]
fn times_before_the_epoch_are_errors_not_panics() {
    for t in [0, 1, DISCORD_EPOCH_MS - 1] {
        assert_eq!(
            Snowflake::smallest_at(t),
            Err(SnowflakeError::BeforeEpoch(t))
        );
        assert!(Snowflake::largest_at(t).is_err());
    }
    // The last representable millisecond is fine; one later is an error.
    let last = (MAX_ID >> 22) + DISCORD_EPOCH_MS;
    assert_eq!(
        Snowflake::largest_at(last).unwrap().0,
        MAX_ID,
        "largest ID of the last millisecond is i64::MAX"
    );
    assert!(matches!(
        Snowflake::smallest_at(last + 1),
        Err(SnowflakeError::AfterLastTime(_))
    ));
}

// ---------- Buckets ----------

#[test]
fn bucket_bounds_cover_exactly_ten_days_of_ids() {
    let size = BucketSize::default();
    for b in [0u64, 1, 48, 170] {
        let first = size.first_id(b);
        let last = size.last_id(b);
        assert_eq!(first, (b * BUCKET_SIZE_MS) << 22);
        assert_eq!(size.bucket(first), b);
        assert_eq!(size.bucket(last), b);
        assert_eq!(size.bucket(last + 1), b + 1);
    }
    // Inclusive both ends even when start and end are a bucket's edges.
    let a = Snowflake(size.first_id(3));
    let z = Snowflake(size.last_id(5));
    assert_eq!(size.make_buckets(a, z).collect::<Vec<_>>(), vec![3, 4, 5]);
}

// ---------- Last write wins ----------

#[test]
fn partition_delete_with_the_same_timestamp_beats_an_insert_in_either_order() {
    let mut s = store();
    insert(&mut s, 5, "x", 1000);
    s.delete_partition(CH, 0, Deletion { ts: 1000, ldt: 0 })
        .unwrap();
    assert!(read_all(&mut s, NOW).rows.is_empty());
    let mut s = store();
    s.delete_partition(CH, 0, Deletion { ts: 1000, ldt: 0 })
        .unwrap();
    insert(&mut s, 5, "x", 1000);
    assert!(read_all(&mut s, NOW).rows.is_empty());
    insert(&mut s, 5, "y", 1001);
    assert_eq!(read_all(&mut s, NOW).rows[0].content.as_deref(), Some("y"));
}

#[test]
fn an_older_partition_delete_keeps_newer_rows() {
    let mut s = store();
    insert(&mut s, 5, "old", 10);
    insert(&mut s, 6, "new", 30);
    s.delete_partition(CH, 0, Deletion { ts: 20, ldt: 0 })
        .unwrap();
    assert_eq!(ids(&read_all(&mut s, NOW)), vec![6]);
}

#[test]
fn a_row_whose_cells_are_all_nulled_is_still_returned_by_its_marker() {
    // INSERT writes primary-key liveness, so the row survives as key-only.
    let ldt = (NOW / 1000) as u32;
    let mut s = store();
    insert(&mut s, 5, "x", 10);
    update(&mut s, 5, Column::AuthorId, None, 11, ldt);
    update(&mut s, 5, Column::Content, None, 11, ldt);
    let p = read_all(&mut s, NOW);
    assert_eq!(ids(&p), vec![5]);
    assert_eq!(
        (p.rows[0].author_id, p.rows[0].content.as_ref()),
        (None, None)
    );
    assert_eq!(p.stats.tombstones, 2);
    // An UPDATE-only row has no marker: nulling its only cell removes it.
    let mut s = store();
    update(
        &mut s,
        7,
        Column::Content,
        Some(Value::Text("u".into())),
        10,
        0,
    );
    assert_eq!(ids(&read_all(&mut s, NOW)), vec![7]);
    update(&mut s, 7, Column::Content, None, 11, ldt);
    let p = read_all(&mut s, NOW);
    assert!(p.rows.is_empty());
    assert_eq!(p.stats.tombstones, 1);
}

#[test]
fn a_row_delete_does_not_shadow_a_later_update() {
    let mut s = store();
    insert(&mut s, 5, "x", 10);
    delete(&mut s, 5, 20, 0);
    // Older than the delete: stays shadowed even though it arrives later.
    update(
        &mut s,
        5,
        Column::Content,
        Some(Value::Text("late".into())),
        19,
        0,
    );
    assert!(read_all(&mut s, NOW).rows.is_empty());
    // Newer: visible, but without the author the delete removed.
    update(
        &mut s,
        5,
        Column::Content,
        Some(Value::Text("new".into())),
        21,
        0,
    );
    let p = read_all(&mut s, NOW);
    assert_eq!(p.rows[0].content.as_deref(), Some("new"));
    assert_eq!(p.rows[0].author_id, None);
}

// ---------- Reads ----------

#[test]
fn thresholds_apply_per_statement_not_per_walk() {
    // Two buckets of 60 000 tombstones each: each SELECT scans 60 000, so
    // neither fails, though the walk as a whole scans 120 000.
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    let size = BucketSize::default();
    for b in [0u64, 1] {
        let base = size.first_id(b).max(CH);
        for k in 0..60_000u64 {
            delete(&mut s, base + k, 20, ldt);
        }
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(size.last_id(1)),
    };
    let p = page(&mut s, &spec, 50, None, NOW);
    assert_eq!(p.stats.tombstones, 120_000);
    assert_eq!(p.warnings.len(), 2, "one warning per statement");
}

#[test]
fn exactly_the_failure_threshold_does_not_fail() {
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    for id in 1..=100_000u64 {
        delete(&mut s, id, 20, ldt);
    }
    insert(&mut s, 200_000, "alive", 30);
    let spec = QuerySpec {
        channel: CH,
        limit: 50,
        before: Some(300_000),
    };
    let p = page(&mut s, &spec, 50, None, NOW);
    assert_eq!(p.stats.tombstones, 100_000);
    assert_eq!(ids(&p), vec![200_000]);
    assert_eq!(p.warnings.len(), 1);
    // One more tombstone and the read fails.
    delete(&mut s, 100_001, 20, ldt);
    let QueryOutcome::Failed(f) = q(&mut s, &spec, 50, None, NOW) else {
        panic!("100 001 tombstones must fail")
    };
    assert!(f.message.starts_with("Scanned over 100001 tombstones"));
}

#[test]
fn null_cell_tombstones_in_live_rows_count_toward_failure() {
    // 12 null columns per message: 8 334 messages hold 100 008 tombstones.
    let mut s = store();
    let ldt = (NOW / 1000) as u32;
    let ts = ldt as i64 * 1_000_000;
    for id in 1..=8_334u64 {
        s.insert_message(CH, id, 42, "hi", ts, ldt, true).unwrap();
    }
    let spec = QuerySpec {
        channel: CH,
        limit: 1_000_000,
        before: None,
    };
    // A page of 5000 rows reads 60 000 tombstones: fine.
    let p = page(&mut s, &spec, 5000, None, NOW);
    assert_eq!(p.rows.len(), 5000);
    assert_eq!(p.stats.tombstones, 60_000);
    // Lowering the threshold below one page's worth makes it fail mid-row.
    s.set_thresholds(1000, 50_000);
    let QueryOutcome::Failed(f) = q(&mut s, &spec, 5000, None, NOW) else {
        panic!("should fail")
    };
    assert_eq!(f.stats.tombstones, 50_001);
    // Row 4167 (from the top) holds tombstones 49 993..50 004.
    assert!(
        f.message.contains("), 4168)); query aborted"),
        "{}",
        f.message
    );
}

// ---------- gc_grace_seconds and compaction ----------

#[test]
fn default_grace_is_ten_days() {
    assert_eq!(store().config().gc_grace_seconds, 864_000);
}

#[test]
fn partition_and_null_tombstones_purge_strictly_after_grace() {
    let ldt = (NOW / 1000) as u32;
    let grace = 864_000u64;
    let mut s = store();
    s.insert_message(CH, 5, 42, "x", ldt as i64 * 1_000_000, ldt, true)
        .unwrap();
    s.delete_partition(CH, 1, Deletion { ts: 5, ldt }).unwrap();
    // local_deletion_time + grace == now: not yet purgeable.
    let at = NOW + grace * 1000;
    let rep = s.compact(at);
    assert_eq!(
        (rep.tombstones_purged, rep.partition_tombstones_purged),
        (0, 0)
    );
    let rep = s.compact(at + 1000);
    assert_eq!(
        (rep.tombstones_purged, rep.partition_tombstones_purged),
        (12, 1)
    );
    let p = read_all(&mut s, at + 1000);
    assert_eq!(ids(&p), vec![5]);
    assert_eq!(p.stats.tombstones + p.stats.purgeable_skipped, 0);
}
