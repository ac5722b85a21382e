//! Node recovery and upkeep: hint replay, compaction, nodetool repair, and
//! re-replicating when the ring changes shape.

use super::super::error::Error;
use super::super::store::{merge_images, PartitionImage, Store};
use super::{check_shape, Cluster, Node, Ring};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HintReplay {
    pub delivered: u64,
    /// Hints live only for gc_grace_seconds; older ones are dropped unsent.
    pub expired: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairReport {
    pub partitions: u64,
    pub replicas_updated: u64,
}

impl Cluster {
    pub fn node_up(&mut self, node: u32, now_ms: u64) -> Result<HintReplay, Error> {
        let i = self.check_node(node)?;
        let mut rep = HintReplay::default();
        if self.nodes[i].up {
            return Ok(rep);
        }
        self.nodes[i].up = true;
        self.nodes[i].down_since_ms = None;
        let ttl_ms = self.config.gc_grace_seconds as u64 * 1000;
        let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.hints)
            .into_iter()
            .partition(|h| h.target == node);
        self.hints = rest;
        for h in mine {
            if now_ms.saturating_sub(h.created_ms) < ttl_ms {
                h.mutation.apply(&mut self.nodes[i].store)?;
                rep.delivered += 1;
            } else {
                rep.expired += 1;
            }
        }
        Ok(rep)
    }

    /// Every live node compacts; a down node cannot.
    pub fn compact(&mut self, now_ms: u64) -> u64 {
        self.nodes
            .iter_mut()
            .filter(|n| n.up)
            .map(|n| n.store.compact(now_ms).tombstones_purged)
            .sum()
    }

    fn all_partitions(&self, live_only: bool) -> Vec<(u64, u64)> {
        let mut keys: Vec<(u64, u64)> = self
            .nodes
            .iter()
            .filter(|n| n.up || !live_only)
            .flat_map(|n| n.store.partition_keys())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// `nodetool repair`: live replicas of every partition exchange data,
    /// tombstones included, until they agree.
    pub fn repair(&mut self) -> Result<RepairReport, Error> {
        let mut rep = RepairReport::default();
        for (channel, bucket) in self.all_partitions(true) {
            let replicas: Vec<u32> = self
                .replicas(channel, bucket)
                .into_iter()
                .filter(|r| self.nodes.get(*r as usize).is_some_and(|n| n.up))
                .collect();
            let images: Vec<PartitionImage> = replicas
                .iter()
                .filter_map(|r| self.nodes.get(*r as usize))
                .map(|n| n.store.partition_image(channel, bucket, None))
                .collect();
            let merged = merge_images(&images, channel, bucket, self.config);
            rep.partitions += 1;
            for (r, img) in replicas.iter().zip(&images) {
                if *img != merged {
                    if let Some(n) = self.nodes.get_mut(*r as usize) {
                        n.store.merge_image(&merged)?;
                        rep.replicas_updated += 1;
                    }
                }
            }
        }
        Ok(rep)
    }

    /// Changes node count and RF: the data (merged over all nodes) is
    /// streamed to the new replicas; every node starts up, with no hints.
    pub fn reshape(&mut self, nodes: usize, rf: usize) -> Result<(), Error> {
        check_shape(nodes, rf)?;
        if nodes == self.nodes.len() && rf == self.rf {
            return Ok(());
        }
        let images: Vec<PartitionImage> = self
            .all_partitions(false)
            .into_iter()
            .map(|(c, b)| {
                let parts: Vec<PartitionImage> = self
                    .nodes
                    .iter()
                    .map(|n| n.store.partition_image(c, b, None))
                    .collect();
                merge_images(&parts, c, b, self.config)
            })
            .collect();
        self.ring = Ring::new(nodes, self.seed);
        self.rf = rf;
        self.hints.clear();
        self.nodes = (0..nodes)
            .map(|i| Node {
                id: i as u32,
                up: true,
                down_since_ms: None,
                requests: 0,
                store: Store::new(self.config),
            })
            .collect();
        for img in images {
            for r in self.replicas(img.channel, img.bucket) {
                if let Some(n) = self.nodes.get_mut(r as usize) {
                    n.store.merge_image(&img)?;
                }
            }
        }
        Ok(())
    }
}
