//! Writes: the coordinator sends the mutation to every live replica and
//! waits for as many acknowledgements as the consistency level asks. For a
//! down replica it keeps a hint, unless the node has been down longer than
//! `max_hint_window`; then no new hints are made until it comes back.

use super::super::cell::Deletion;
use super::super::error::Error;
use super::super::store::{RowWrite, Store};
use super::{Cluster, MAX_HINT_WINDOW_MS};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClusterMutation {
    Row(RowWrite),
    Partition {
        channel: u64,
        bucket: u64,
        deletion: Deletion,
    },
}

impl ClusterMutation {
    pub fn apply(&self, store: &mut Store) -> Result<(), Error> {
        match self {
            ClusterMutation::Row(w) => store.apply_row(w),
            ClusterMutation::Partition {
                channel,
                bucket,
                deletion,
            } => store.delete_partition(*channel, *bucket, *deletion),
        }
    }

    pub fn partition(&self, store_bucket: impl Fn(u64) -> u64) -> (u64, u64) {
        match self {
            ClusterMutation::Row(w) => (w.channel, store_bucket(w.message_id)),
            ClusterMutation::Partition {
                channel, bucket, ..
            } => (*channel, *bucket),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hint {
    pub target: u32,
    pub created_ms: u64,
    pub mutation: ClusterMutation,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WriteOutcome {
    pub replicas: Vec<u32>,
    pub required: usize,
    /// Live replicas that applied the write (all of them, not just `required`).
    pub acked: Vec<u32>,
    pub hinted: Vec<u32>,
    /// Down past the hint window: they will miss this write until repaired.
    pub missed: Vec<u32>,
}

impl Cluster {
    pub fn write(&mut self, m: &ClusterMutation, now_ms: u64) -> Result<WriteOutcome, Error> {
        let size = self.config.bucket;
        let (channel, bucket) = m.partition(|id| size.bucket(id));
        let replicas = self.replicas(channel, bucket);
        let required = self.write_cl.required(self.rf);
        let alive: Vec<u32> = replicas
            .iter()
            .copied()
            .filter(|r| self.nodes.get(*r as usize).is_some_and(|n| n.up))
            .collect();
        if alive.len() < required {
            return Err(Error::Unavailable {
                consistency: self.write_cl.name(),
                required,
                alive: alive.len(),
            });
        }
        // Validate once on a scratch store so no replica applies half a write.
        m.apply(&mut Store::new(self.config))?;
        let mut out = WriteOutcome {
            replicas: replicas.clone(),
            required,
            ..WriteOutcome::default()
        };
        for r in replicas {
            let Some(node) = self.nodes.get_mut(r as usize) else {
                continue;
            };
            if node.up {
                m.apply(&mut node.store)?;
                out.acked.push(r);
            } else if node
                .down_since_ms
                .is_some_and(|d| now_ms.saturating_sub(d) <= MAX_HINT_WINDOW_MS)
            {
                self.hints.push(Hint {
                    target: r,
                    created_ms: now_ms,
                    mutation: m.clone(),
                });
                out.hinted.push(r);
            } else {
                out.missed.push(r);
            }
        }
        Ok(out)
    }
}
