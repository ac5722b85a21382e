//! The synthetic workload: seeded, skewed, chunkable.

use super::super::playground::DEFAULT_NOW_MS;
use super::super::snowflake::Snowflake;
use super::super::store::{Store, StoreConfig};
use super::super::workload::{WorkloadConfig, WorkloadGen, YEAR_MS};

fn run(seed: u64, n: u64, chunk: u64) -> (Store, WorkloadGen) {
    let mut s = Store::new(StoreConfig::default());
    let mut g = WorkloadGen::new(WorkloadConfig::new(seed, n, 100, DEFAULT_NOW_MS)).unwrap();
    while !g.next_chunk(&mut s, chunk).unwrap().finished {}
    (s, g)
}

#[test]
fn same_seed_same_data_in_any_chunking() {
    let (a, ga) = run(1, 20_000, 20_000);
    let (b, gb) = run(1, 20_000, 333);
    assert_eq!(a.totals(), b.totals());
    assert_eq!(ga.progress(), gb.progress());
    let c0 = ga.channel_ids()[0];
    assert_eq!(
        a.partition_image(c0, 70, None),
        b.partition_image(c0, 70, None)
    );
    let (c, _) = run(2, 20_000, 20_000);
    assert_ne!(a.partitions(c0), c.partitions(c0));
}

#[test]
fn traffic_is_skewed_and_spread_over_the_year() {
    let (s, g) = run(3, 50_000, 10_000);
    let p = g.progress();
    assert_eq!(p.done, 50_000);
    assert!(p.edits > 500 && p.deletes > 200, "{p:?}");
    let ids = g.channel_ids();
    let busiest = s.busiest_channels(1)[0];
    assert_eq!(busiest.0, ids[0]);
    // P(channel 0) = (1/100)^(1/3) = 21.5% before bursts.
    let share = busiest.1 as f64 / 50_000.0;
    assert!((0.15..0.30).contains(&share), "{share}");
    let mut first = u64::MAX;
    let mut last = 0;
    for c in ids {
        let ch = s.channel(*c).map(|ch| ch.row_count()).unwrap_or(0);
        if ch == 0 {
            continue;
        }
        for part in s.partitions(*c) {
            first = first.min(part.bucket);
            last = last.max(part.bucket);
        }
        // Channels are created before their first message.
        assert!(Snowflake(*c).unix_ms() < DEFAULT_NOW_MS - YEAR_MS);
    }
    assert!(
        last - first >= 35,
        "a year is about 36 buckets: {first}..{last}"
    );
    let total_rows: u64 = s.partitions(ids[0]).iter().map(|x| x.rows).sum();
    assert_eq!(total_rows, s.channel(ids[0]).unwrap().row_count() as u64);
    assert!(s.partitions(ids[0]).iter().all(|x| x.bytes > 0));
}

#[test]
fn config_is_validated() {
    let ok = WorkloadConfig::new(1, 10, 10, DEFAULT_NOW_MS);
    assert!(ok.validate().is_ok());
    let mut c = ok.clone();
    c.messages = 0;
    assert_eq!(
        c.validate().unwrap_err().to_string(),
        "Messages must be between 1 and 5000000 (got 0)"
    );
    let mut c = ok.clone();
    c.channels = 0;
    assert!(c.validate().is_err());
    let mut c = ok.clone();
    c.end_ms = 1_430_000_000_000;
    assert!(c.validate().unwrap_err().to_string().contains("clock"));
    let mut c = ok;
    c.edits_per_mille = 900;
    assert!(c.validate().is_err());
}

#[test]
fn null_columns_flow_through_the_generator() {
    let mut s = Store::new(StoreConfig::default());
    let mut cfg = WorkloadConfig::new(4, 1000, 5, DEFAULT_NOW_MS);
    cfg.write_nulls = true;
    let mut g = WorkloadGen::new(cfg).unwrap();
    g.next_chunk(&mut s, 1000).unwrap();
    assert_eq!(s.counters().cell_tombstones_written, 12 * 1000);
}
