//! A small cluster: nodes on a Murmur3 token ring, each holding its own
//! `Store`, with replication, consistency levels, hinted handoff, read repair
//! and anti-entropy repair. Kept apart from the single-node store's fast
//! path; it runs on the handful of rows the panel writes by hand.

mod consistency;
mod maintenance;
mod read;
mod ring;
mod write;

pub use consistency::{is_strong, Consistency};
pub use maintenance::{HintReplay, RepairReport};
pub use read::{ClusterRead, HotReadReport, PartitionRead};
pub use ring::{Ring, NUM_TOKENS};
pub use write::{ClusterMutation, Hint, WriteOutcome};

use super::error::{check_range, Error};
use super::input::Input;
use super::murmur3::partition_token;
use super::store::{Store, StoreConfig};
use serde::{Deserialize, Serialize};

pub const MAX_NODES: usize = 24;
/// `max_hint_window`: 3 hours.
pub const MAX_HINT_WINDOW_MS: u64 = 3 * 3600 * 1000;

#[derive(Clone, Debug)]
pub struct Node {
    pub id: u32,
    pub up: bool,
    pub down_since_ms: Option<u64>,
    /// Read requests served, for the hot-partition view.
    pub requests: u64,
    store: Store,
}

impl Node {
    pub fn store(&self) -> &Store {
        &self.store
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct NodeView {
    pub id: u32,
    pub up: bool,
    pub down_since_ms: Option<u64>,
    pub requests: u64,
    pub rows: u64,
    pub hints_for_it: u64,
    /// Share of the token ring this node is primary for.
    pub ownership: f64,
}

#[derive(Clone, Debug)]
pub struct Cluster {
    nodes: Vec<Node>,
    ring: Ring,
    rf: usize,
    pub read_cl: Consistency,
    pub write_cl: Consistency,
    hints: Vec<Hint>,
    config: StoreConfig,
    seed: u64,
    /// Spreads reads over replicas as a dynamic snitch would.
    rotation: u64,
}

fn check_shape(nodes: usize, rf: usize) -> Result<(), Error> {
    check_range(Input::Nodes, nodes as u64, 1, MAX_NODES as u64)?;
    check_range(Input::ReplicationFactor, rf as u64, 1, MAX_NODES as u64)?;
    if rf > nodes {
        return Err(Error::ReplicationTooHigh { rf, nodes });
    }
    Ok(())
}

impl Cluster {
    pub fn new(nodes: usize, rf: usize, seed: u64, config: StoreConfig) -> Result<Cluster, Error> {
        check_shape(nodes, rf)?;
        Ok(Cluster::build(nodes, rf, seed, config))
    }

    /// Discord's 2017 shape scaled down: 6 nodes, RF 3, QUORUM both ways.
    pub fn standard(seed: u64, config: StoreConfig) -> Cluster {
        Cluster::build(6, 3, seed, config)
    }

    fn build(nodes: usize, rf: usize, seed: u64, config: StoreConfig) -> Cluster {
        Cluster {
            nodes: (0..nodes)
                .map(|i| Node {
                    id: i as u32,
                    up: true,
                    down_since_ms: None,
                    requests: 0,
                    store: Store::new(config),
                })
                .collect(),
            ring: Ring::new(nodes, seed),
            rf,
            read_cl: Consistency::Quorum,
            write_cl: Consistency::Quorum,
            hints: Vec::new(),
            config,
            seed,
            rotation: 0,
        }
    }

    pub fn rf(&self) -> usize {
        self.rf
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn ring(&self) -> &Ring {
        &self.ring
    }

    pub fn hints(&self) -> &[Hint] {
        &self.hints
    }

    pub fn node(&self, n: u32) -> Option<&Node> {
        self.nodes.get(n as usize)
    }

    pub fn is_strong(&self) -> bool {
        is_strong(self.read_cl, self.write_cl, self.rf)
    }

    pub fn nodes(&self) -> Vec<NodeView> {
        let own = self.ring.ownership();
        self.nodes
            .iter()
            .map(|n| NodeView {
                id: n.id,
                up: n.up,
                down_since_ms: n.down_since_ms,
                requests: n.requests,
                rows: n.store.row_count() as u64,
                hints_for_it: self.hints.iter().filter(|h| h.target == n.id).count() as u64,
                ownership: own.get(n.id as usize).copied().unwrap_or(0.0),
            })
            .collect()
    }

    /// Replicas of partition `(channel, bucket)`, primary first.
    pub fn replicas(&self, channel: u64, bucket: u64) -> Vec<u32> {
        self.ring
            .replicas(partition_token(channel, bucket), self.rf)
    }

    pub fn set_config(&mut self, config: StoreConfig) {
        self.config = config;
        for n in &mut self.nodes {
            n.store.set_bucket_size(config.bucket);
            n.store.set_grace(config.gc_grace_seconds);
        }
    }

    fn check_node(&self, node: u32) -> Result<usize, Error> {
        let i = node as usize;
        if i >= self.nodes.len() {
            return Err(Error::UnknownNode {
                node,
                nodes: self.nodes.len(),
            });
        }
        Ok(i)
    }

    pub fn node_down(&mut self, node: u32, now_ms: u64) -> Result<(), Error> {
        let i = self.check_node(node)?;
        let n = &mut self.nodes[i];
        if n.up {
            n.up = false;
            n.down_since_ms = Some(now_ms);
        }
        Ok(())
    }

    pub fn reset_load(&mut self) {
        for n in &mut self.nodes {
            n.requests = 0;
        }
    }
}
