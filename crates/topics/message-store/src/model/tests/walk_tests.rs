//! The bucket walk: newest to oldest, down to the channel's creation bucket,
//! and the empty-bucket cache.

use super::super::bucket::{BucketSize, BUCKET_SIZE_MS};
use super::super::cell::Deletion;
use super::super::snowflake::{Snowflake, DISCORD_EPOCH_MS};
use super::super::store::{BucketVisit, Page, QueryOutcome, QuerySpec, Store, StoreConfig};
use super::store_tests::NOW;

const DAY: u64 = 86_400_000;

fn at(ms: u64) -> u64 {
    Snowflake::smallest_at(ms).unwrap().0
}

/// Channel created on day 400 after the epoch (bucket 40).
fn channel() -> u64 {
    at(DISCORD_EPOCH_MS + 400 * DAY) + 9
}

fn put(s: &mut Store, channel: u64, day: u64) -> u64 {
    let id = at(DISCORD_EPOCH_MS + day * DAY) + 77;
    s.insert_message(channel, id, 1, "hi", 10, 0, false)
        .unwrap();
    id
}

fn latest(s: &mut Store, channel: u64, limit: u32) -> Page {
    walk(s, channel, limit, None)
}

fn walk(s: &mut Store, channel: u64, limit: u32, before: Option<u64>) -> Page {
    let spec = QuerySpec {
        channel,
        limit,
        before,
    };
    match s.query(&spec, 5000, None, NOW, 1).unwrap() {
        QueryOutcome::Page(p) => p,
        QueryOutcome::Failed(f) => panic!("{}", f.message),
    }
}

fn now_bucket() -> u64 {
    (NOW - DISCORD_EPOCH_MS) / BUCKET_SIZE_MS
}

#[test]
fn sparse_channel_walks_every_bucket_down_to_its_creation() {
    let mut s = Store::new(StoreConfig::default());
    let c = channel();
    put(&mut s, c, 405);
    put(&mut s, c, 500);
    let p = latest(&mut s, c, 50);
    assert_eq!(p.rows.len(), 2);
    let buckets = now_bucket() - 40 + 1;
    assert_eq!(p.stats.buckets_queried, buckets);
    assert_eq!(p.stats.partitions_touched, 2);
    assert_eq!(p.stats.empty_buckets_visited, buckets - 2);
    assert_eq!(p.stats.empty_buckets_skipped, 0);
    assert_eq!(p.statements.len() as u64 + p.statements_omitted, buckets);
    assert!(
        p.statements[0].contains(&format!("bucket = {} LIMIT 50", now_bucket())),
        "{}",
        p.statements[0]
    );
    assert!(
        matches!(p.visits[0], BucketVisit::Missing { from, to } if from == now_bucket() && to == 51)
    );
    assert!(p.visits.contains(&BucketVisit::Read {
        bucket: 40,
        live: 1,
        tombstones: 0
    }));
}

#[test]
fn a_busy_channel_stops_after_enough_rows() {
    let mut s = Store::new(StoreConfig::default());
    let c = channel();
    let first = at(NOW - DAY);
    for k in 0..200 {
        s.insert_message(c, first + k, 1, "hi", 10, 0, false)
            .unwrap();
    }
    let p = latest(&mut s, c, 50);
    assert_eq!(p.rows.len(), 50);
    assert_eq!(p.rows[0].message_id, first + 199);
    assert_eq!(p.stats.buckets_queried, 1);
    assert_eq!(p.stats.rows_examined, 50);
}

#[test]
fn empty_bucket_cache_skips_known_empty_buckets_until_a_write() {
    let mut s = Store::new(StoreConfig::default());
    s.set_empty_bucket_cache(true);
    let c = channel();
    put(&mut s, c, 405);
    let first = latest(&mut s, c, 50);
    let total = now_bucket() - 40 + 1;
    assert_eq!(
        first.stats.empty_buckets_visited,
        total - 1,
        "{:?}",
        first.stats
    );
    let second = latest(&mut s, c, 50);
    assert_eq!(second.rows.len(), 1);
    assert_eq!(second.stats.empty_buckets_skipped, total - 1);
    assert_eq!(second.stats.empty_buckets_visited, 0);
    assert_eq!(second.stats.buckets_queried, 1);
    // A message into bucket 60 makes that one bucket visible again.
    put(&mut s, c, 605);
    let third = latest(&mut s, c, 50);
    assert_eq!(third.rows.len(), 2);
    assert_eq!(third.stats.buckets_queried, 2);
    assert_eq!(third.stats.empty_buckets_skipped, total - 2);
    assert_eq!(
        s.empty_cache().intervals(c),
        vec![(41, 59), (61, now_bucket())]
    );
}

#[test]
fn buckets_holding_only_tombstones_are_cached_as_empty() {
    let mut s = Store::new(StoreConfig::default());
    s.set_empty_bucket_cache(true);
    let c = channel();
    put(&mut s, c, 405);
    let dead = put(&mut s, c, 700);
    s.apply_row(&super::super::store::RowWrite {
        channel: c,
        message_id: dead,
        marker: None,
        deletion: Some(super::super::cell::Deletion {
            ts: 20,
            ldt: (NOW / 1000) as u32,
        }),
        cells: vec![],
    })
    .unwrap();
    let p = latest(&mut s, c, 50);
    assert_eq!(p.stats.tombstones, 1);
    let p = latest(&mut s, c, 50);
    assert_eq!(
        p.stats.tombstones, 0,
        "the tombstone-only bucket is skipped"
    );
    assert!(s.empty_cache().contains(c, 70));
}

#[test]
fn a_before_bound_inside_a_bucket_does_not_mark_it_empty() {
    let mut s = Store::new(StoreConfig::default());
    s.set_empty_bucket_cache(true);
    let c = channel();
    let id = put(&mut s, c, 405);
    let spec = QuerySpec {
        channel: c,
        limit: 10,
        before: Some(id),
    };
    let QueryOutcome::Page(p) = s.query(&spec, 10, None, NOW, 1).unwrap() else {
        panic!()
    };
    assert!(p.rows.is_empty());
    assert!(!s.empty_cache().contains(c, 40));
    assert_eq!(latest(&mut s, c, 10).rows.len(), 1);
}

#[test]
fn unknown_channel_reads_empty_buckets_only() {
    let mut s = Store::new(StoreConfig::default());
    let p = latest(&mut s, channel(), 50);
    assert!(p.rows.is_empty());
    assert_eq!(p.stats.partitions_touched, 0);
    assert_eq!(p.stats.empty_buckets_visited, now_bucket() - 40 + 1);
}

#[test]
fn a_channel_from_the_future_reads_nothing() {
    let mut s = Store::new(StoreConfig::default());
    let p = latest(&mut s, at(NOW + DAY), 50);
    assert_eq!(p.stats.buckets_queried, 0);
}

#[test]
fn millisecond_buckets_do_not_hang_the_walk() {
    let mut s = Store::new(StoreConfig::default());
    s.set_bucket_size(BucketSize::from_ms(1).unwrap());
    s.set_empty_bucket_cache(true);
    let c = channel();
    put(&mut s, c, 405);
    let p = latest(&mut s, c, 50);
    assert_eq!(p.rows.len(), 1);
    let span = (NOW - DISCORD_EPOCH_MS) - 400 * DAY + 1;
    assert_eq!(p.stats.buckets_queried, span);
    assert!(p.statements.len() <= 64);
    let again = latest(&mut s, c, 50);
    assert_eq!(again.stats.buckets_queried, 1);
    assert_eq!(again.stats.empty_buckets_skipped, span - 1);
}

#[test]
fn changing_bucket_size_keeps_rows_and_regroups_partitions() {
    let mut s = Store::new(StoreConfig::default());
    let c = channel();
    for d in [405, 406, 420, 500] {
        put(&mut s, c, d);
    }
    assert_eq!(s.partitions(c).len(), 3);
    s.set_bucket_size(BucketSize::from_days(365).unwrap());
    assert_eq!(s.partitions(c).len(), 1);
    assert_eq!(latest(&mut s, c, 50).rows.len(), 4);
}

#[test]
fn a_bucket_deleted_while_empty_is_a_partition_the_walk_touches() {
    let mut s = Store::new(StoreConfig::default());
    let c = channel();
    put(&mut s, c, 405);
    s.delete_partition(c, 45, Deletion { ts: 20, ldt: 0 })
        .unwrap();
    let p = latest(&mut s, c, 50);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(
        p.stats.partitions_touched, 2,
        "bucket 40's row and bucket 45's tombstone"
    );
    assert_eq!(
        p.stats.tombstones, 0,
        "a partition deletion is not a scanned tombstone"
    );
    assert_eq!(p.stats.empty_buckets_visited, now_bucket() - 40);
}

#[test]
fn a_read_before_x_starts_at_the_bucket_holding_x_even_at_its_first_id() {
    let mut s = Store::new(StoreConfig::default());
    let c = channel();
    put(&mut s, c, 405);
    put(&mut s, c, 415);
    let before = |s: &mut Store, day: u64| walk(s, c, 50, Some(at(DISCORD_EPOCH_MS + day * DAY)));
    // The first ID of bucket 42: make_buckets(channel, X) is 40..=42.
    let p = before(&mut s, 420);
    assert_eq!(p.rows.len(), 2);
    assert_eq!(p.stats.buckets_queried, 3);
    assert_eq!(p.stats.empty_buckets_visited, 1);
    assert!(
        p.statements[0].contains("bucket = 42 AND message_id < "),
        "{}",
        p.statements[0]
    );
    let p = before(&mut s, 410);
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.stats.buckets_queried, 2);
}
