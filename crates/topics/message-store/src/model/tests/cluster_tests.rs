//! Replication: ring placement, consistency levels, hints, read repair,
//! zombies, and 2023's request coalescing.

use super::super::cell::{CellVersion, Deletion};
use super::super::cluster::{
    is_strong, Cluster, ClusterMutation, Consistency, Ring, MAX_HINT_WINDOW_MS,
};
use super::super::coalesce::DataServices;
use super::super::schema::{Column, Value};
use super::super::store::{message_write, RowWrite, StoreConfig};
use super::store_tests::NOW;

const HOUR: u64 = 3_600_000;
const CH: u64 = 1;

fn cluster(nodes: usize, rf: usize) -> Cluster {
    Cluster::new(nodes, rf, 7, StoreConfig::default()).unwrap()
}

fn insert(id: u64, ts: i64) -> ClusterMutation {
    ClusterMutation::Row(message_write(CH, id, 9, "hello", ts, 0, false))
}

fn delete(id: u64, ts: i64, ldt: u32) -> ClusterMutation {
    ClusterMutation::Row(RowWrite {
        channel: CH,
        message_id: id,
        marker: None,
        deletion: Some(Deletion { ts, ldt }),
        cells: vec![],
    })
}

#[test]
fn replicas_walk_clockwise_over_distinct_nodes() {
    let ring = Ring::new(5, 1);
    assert_eq!(ring.tokens().len(), 5 * 16);
    for t in [i64::MIN + 1, -5, 0, 12345, i64::MAX] {
        let r = ring.replicas(t, 3);
        assert_eq!(r.len(), 3);
        let mut d = r.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), 3);
        // The primary owns the first token at or after t (wrapping).
        let owner = ring
            .tokens()
            .iter()
            .find(|(tok, _)| *tok >= t)
            .unwrap_or(&ring.tokens()[0])
            .1;
        assert_eq!(r[0], owner);
    }
    let own: f64 = ring.ownership().iter().sum();
    assert!((own - 1.0).abs() < 1e-9);
}

#[test]
fn replication_factor_above_node_count_is_an_error() {
    let e = Cluster::new(2, 3, 1, StoreConfig::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Replication factor 3 needs at least 3 nodes, but the cluster has 2"
    );
    assert!(Cluster::new(0, 1, 1, StoreConfig::default()).is_err());
}

#[test]
fn consistency_levels_and_strong_reads() {
    assert_eq!(Consistency::Quorum.required(3), 2);
    assert_eq!(Consistency::Quorum.required(4), 3);
    assert_eq!(Consistency::Quorum.required(5), 3);
    assert_eq!(Consistency::One.required(3), 1);
    assert_eq!(Consistency::All.required(3), 3);
    assert!(is_strong(Consistency::Quorum, Consistency::Quorum, 3));
    assert!(!is_strong(Consistency::One, Consistency::Quorum, 3));
    assert!(is_strong(Consistency::One, Consistency::All, 3));
    assert!(!is_strong(Consistency::One, Consistency::One, 2));
    assert!(is_strong(Consistency::All, Consistency::One, 1));
}

#[test]
fn writes_reach_every_live_replica_and_hint_the_down_one() {
    let mut c = cluster(6, 3);
    let reps = c.replicas(CH, 0);
    c.node_down(reps[2], NOW).unwrap();
    let out = c.write(&insert(5, 10), NOW + HOUR).unwrap();
    assert_eq!(out.required, 2);
    assert_eq!(out.acked, reps[..2].to_vec());
    assert_eq!(out.hinted, vec![reps[2]]);
    assert_eq!(c.node(reps[2]).unwrap().store().row_count(), 0);
    let replay = c.node_up(reps[2], NOW + 2 * HOUR).unwrap();
    assert_eq!(replay.delivered, 1);
    assert_eq!(c.node(reps[2]).unwrap().store().row_count(), 1);
    assert!(c.hints().is_empty());
    let others: u64 = (0..6)
        .filter(|n| !reps.contains(n))
        .map(|n| c.node(n).unwrap().store().row_count() as u64)
        .sum();
    assert_eq!(others, 0);
}

#[test]
fn no_hints_after_the_hint_window() {
    let mut c = cluster(3, 3);
    c.node_down(2, NOW).unwrap();
    let out = c.write(&insert(5, 10), NOW + MAX_HINT_WINDOW_MS).unwrap();
    assert_eq!(
        out.hinted,
        vec![2],
        "exactly 3 h is still inside the window"
    );
    let out = c
        .write(&insert(6, 11), NOW + MAX_HINT_WINDOW_MS + 1)
        .unwrap();
    assert!(out.hinted.is_empty());
    assert_eq!(out.missed, vec![2]);
}

#[test]
fn unavailable_when_too_few_replicas_are_up() {
    let mut c = cluster(3, 3);
    c.node_down(0, NOW).unwrap();
    c.node_down(1, NOW).unwrap();
    let e = c.write(&insert(5, 10), NOW).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Cannot achieve consistency level QUORUM: 2 replicas required, 1 alive"
    );
    assert_eq!(c.node(2).unwrap().store().row_count(), 0, "nothing written");
    assert!(c.hints().is_empty());
    c.write_cl = Consistency::One;
    assert!(c.write(&insert(5, 10), NOW).is_ok());
}

#[test]
fn quorum_read_repairs_a_stale_replica() {
    let mut c = cluster(3, 3);
    c.write(&insert(5, 10), NOW).unwrap();
    c.node_down(2, NOW).unwrap();
    let edit = RowWrite {
        channel: CH,
        message_id: 5,
        marker: None,
        deletion: None,
        cells: vec![(
            Column::Content,
            CellVersion::live(20, Value::Text("edited".into())),
        )],
    };
    c.write(&ClusterMutation::Row(edit), NOW + 4 * HOUR)
        .unwrap();
    c.node_up(2, NOW + 5 * HOUR).unwrap();
    c.read_cl = Consistency::All;
    let r = c.read_latest(CH, 10, NOW + 5 * HOUR).unwrap();
    assert_eq!(r.rows[0].content.as_deref(), Some("edited"));
    assert!(r.partitions[0].digest_mismatch);
    assert_eq!(r.partitions[0].repaired, vec![2]);
    let again = c.read_latest(CH, 10, NOW + 5 * HOUR).unwrap();
    assert!(!again.partitions[0].digest_mismatch);
}

fn zombie_setup() -> (Cluster, u64) {
    let mut c = cluster(3, 3);
    c.write(&insert(5, 10), NOW).unwrap();
    c.node_down(2, NOW).unwrap();
    let t = NOW + 4 * HOUR;
    let out = c.write(&delete(5, 20, (t / 1000) as u32), t).unwrap();
    assert_eq!(out.missed, vec![2]);
    (c, t)
}

#[test]
fn a_replica_that_missed_a_delete_resurrects_it_after_grace() {
    let (mut c, t) = zombie_setup();
    let after_grace = t + (864_000 + 60) * 1000;
    assert_eq!(
        c.compact(after_grace),
        2,
        "the two live replicas drop the tombstone"
    );
    c.node_up(2, after_grace).unwrap();
    c.read_cl = Consistency::All;
    let r = c.read_latest(CH, 10, after_grace).unwrap();
    assert_eq!(r.rows.len(), 1, "zombie");
    assert_eq!(r.partitions[0].repaired.len(), 2);
    assert_eq!(c.node(0).unwrap().store().row_count(), 1);
}

#[test]
fn repair_within_grace_prevents_the_zombie() {
    let (mut c, t) = zombie_setup();
    c.node_up(2, t + HOUR).unwrap();
    let rep = c.repair().unwrap();
    assert_eq!(rep.replicas_updated, 1);
    let after_grace = t + (864_000 + 60) * 1000;
    c.compact(after_grace);
    c.read_cl = Consistency::All;
    assert!(c.read_latest(CH, 10, after_grace).unwrap().rows.is_empty());
}

#[test]
fn hot_partition_loads_only_its_replicas() {
    let mut c = cluster(6, 3);
    let r = c.hot_reads(CH, 0, 3000).unwrap();
    assert_eq!(r.required, 2);
    for n in 0..6u32 {
        let want = if r.replicas.contains(&n) { 2000 } else { 0 };
        assert_eq!(r.per_node[n as usize], want, "node {n}");
    }
    c.read_cl = Consistency::One;
    let r = c.hot_reads(CH, 0, 3000).unwrap();
    assert_eq!(r.per_node.iter().filter(|n| **n == 1000).count(), 3);
}

#[test]
fn reshape_keeps_the_data() {
    let mut c = cluster(3, 3);
    c.write(&insert(5, 10), NOW).unwrap();
    c.reshape(5, 2).unwrap();
    let total: usize = (0..5).map(|n| c.node(n).unwrap().store().row_count()).sum();
    assert_eq!(total, 2);
    assert!(c.reshape(2, 3).is_err());
    c.read_cl = Consistency::One;
    assert_eq!(c.read_latest(CH, 10, NOW).unwrap().rows.len(), 1);
}

#[test]
fn coalescing_turns_n_concurrent_reads_into_one_query() {
    let mut ds = DataServices::new(4, false).unwrap();
    let inst = ds.route(42);
    assert_eq!(ds.route(42), inst, "consistent");
    let r = ds.serve(&[42; 100]);
    assert_eq!((r.requests, r.db_queries), (100, 100));
    assert_eq!(r.per_instance[inst as usize], 100);
    ds.coalescing = true;
    let r = ds.serve(&[42; 100]);
    assert_eq!(r.db_queries, 1);
    let r = ds.serve(&[1, 2, 1, 3, 2]);
    assert_eq!(r.db_queries, 3);
    let spread: std::collections::HashSet<u32> = (0..200u64).map(|c| ds.route(c)).collect();
    assert_eq!(spread.len(), 4, "channels spread over instances");
    assert!(DataServices::new(0, true).is_err());
}

#[test]
fn hints_older_than_gc_grace_are_dropped_unsent() {
    let mut c = cluster(3, 3);
    c.node_down(2, NOW).unwrap();
    c.write(&insert(5, 10), NOW + HOUR).unwrap();
    assert_eq!(c.hints().len(), 1);
    let late = NOW + HOUR + 864_000 * 1000;
    let r = c.node_up(2, late).unwrap();
    assert_eq!((r.delivered, r.expired), (0, 1));
    assert_eq!(c.node(2).unwrap().store().row_count(), 0);
}
