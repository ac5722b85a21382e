//! Reads at a consistency level: the coordinator asks enough live replicas,
//! compares their answers, returns the merged (newest) data and writes it
//! back to any replica that answered with something stale (read repair).

use super::super::error::Error;
use super::super::murmur3::partition_token;
use super::super::schema::{Column, Value};
use super::super::store::{merge_images, MessageRow, PartitionImage};
use super::Cluster;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartitionRead {
    pub bucket: u64,
    pub token: i64,
    pub replicas: Vec<u32>,
    pub contacted: Vec<u32>,
    pub digest_mismatch: bool,
    pub repaired: Vec<u32>,
    pub live_rows: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ClusterRead {
    pub rows: Vec<MessageRow>,
    pub partitions: Vec<PartitionRead>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HotReadReport {
    pub replicas: Vec<u32>,
    pub required: usize,
    /// Requests each node served in this burst, by node id.
    pub per_node: Vec<u64>,
}

/// Newest first, live rows only.
pub fn image_rows(img: &PartitionImage) -> Vec<MessageRow> {
    let mut out = Vec::new();
    for r in img.rows.iter().rev() {
        let live_cells: Vec<&(Column, _)> =
            r.cells.iter().filter(|(_, c)| !c.is_tombstone()).collect();
        if r.marker.is_none() && live_cells.is_empty() {
            continue;
        }
        let mut row = MessageRow {
            channel_id: img.channel,
            bucket: img.bucket,
            message_id: r.id,
            author_id: None,
            content: None,
            other: Vec::new(),
        };
        for (col, c) in live_cells {
            match (col, &c.value) {
                (Column::AuthorId, Some(Value::BigInt(a))) => row.author_id = Some(*a as u64),
                (Column::Content, Some(Value::Text(t))) => row.content = Some(t.clone()),
                (_, Some(v)) => row.other.push((*col, v.clone())),
                _ => {}
            }
        }
        out.push(row);
    }
    out
}

impl Cluster {
    /// The live replicas a read asks, rotating as a dynamic snitch spreads load.
    fn contacts(&mut self, replicas: &[u32], required: usize) -> Result<Vec<u32>, Error> {
        let alive: Vec<u32> = replicas
            .iter()
            .copied()
            .filter(|r| self.nodes.get(*r as usize).is_some_and(|n| n.up))
            .collect();
        if alive.len() < required {
            return Err(Error::Unavailable {
                consistency: self.read_cl.name(),
                required,
                alive: alive.len(),
            });
        }
        let k = (self.rotation % alive.len() as u64) as usize;
        self.rotation = self.rotation.wrapping_add(1);
        Ok((0..required)
            .map(|i| alive[(k + i) % alive.len()])
            .collect())
    }

    pub fn read_partition(
        &mut self,
        channel: u64,
        bucket: u64,
        now_ms: u64,
    ) -> Result<(PartitionImage, PartitionRead), Error> {
        let replicas = self.replicas(channel, bucket);
        let required = self.read_cl.required(self.rf);
        let contacted = self.contacts(&replicas, required)?;
        let gc_before = (now_ms / 1000) as i64 - self.config.gc_grace_seconds as i64;
        let images: Vec<PartitionImage> = contacted
            .iter()
            .filter_map(|r| self.nodes.get(*r as usize))
            .map(|n| n.store.partition_image(channel, bucket, Some(gc_before)))
            .collect();
        let merged = merge_images(&images, channel, bucket, self.config);
        let mut info = PartitionRead {
            bucket,
            token: partition_token(channel, bucket),
            replicas,
            contacted: contacted.clone(),
            ..PartitionRead::default()
        };
        for (r, img) in contacted.iter().zip(&images) {
            if let Some(n) = self.nodes.get_mut(*r as usize) {
                n.requests += 1;
            }
            if *img != merged {
                info.digest_mismatch = true;
                if let Some(n) = self.nodes.get_mut(*r as usize) {
                    n.store.merge_image(&merged)?;
                    info.repaired.push(*r);
                }
            }
        }
        info.live_rows = image_rows(&merged).len() as u32;
        Ok((merged, info))
    }

    /// The latest `limit` messages of a channel, bucket by bucket, each
    /// bucket read at the read consistency level.
    pub fn read_latest(
        &mut self,
        channel: u64,
        limit: u32,
        now_ms: u64,
    ) -> Result<ClusterRead, Error> {
        let mut buckets: Vec<u64> = self
            .nodes
            .iter()
            .filter(|n| n.up)
            .flat_map(|n| n.store.partition_keys())
            .filter(|(c, _)| *c == channel)
            .map(|(_, b)| b)
            .collect();
        buckets.sort_unstable_by(|a, b| b.cmp(a));
        buckets.dedup();
        // Check every partition first, so an unavailable one repairs nothing.
        let required = self.read_cl.required(self.rf);
        for b in &buckets {
            let alive = self
                .replicas(channel, *b)
                .iter()
                .filter(|r| self.nodes.get(**r as usize).is_some_and(|n| n.up))
                .count();
            if alive < required {
                return Err(Error::Unavailable {
                    consistency: self.read_cl.name(),
                    required,
                    alive,
                });
            }
        }
        let mut out = ClusterRead::default();
        for b in buckets {
            if out.rows.len() as u32 >= limit {
                break;
            }
            let (img, info) = self.read_partition(channel, b, now_ms)?;
            out.partitions.push(info);
            for row in image_rows(&img) {
                if out.rows.len() as u32 >= limit {
                    break;
                }
                out.rows.push(row);
            }
        }
        Ok(out)
    }

    /// `reads` concurrent reads of one hot partition: only its replicas work.
    pub fn hot_reads(
        &mut self,
        channel: u64,
        bucket: u64,
        reads: u32,
    ) -> Result<HotReadReport, Error> {
        let replicas = self.replicas(channel, bucket);
        let required = self.read_cl.required(self.rf);
        let mut per_node = vec![0u64; self.nodes.len()];
        for _ in 0..reads {
            for r in self.contacts(&replicas, required)? {
                if let Some(c) = per_node.get_mut(r as usize) {
                    *c += 1;
                }
                if let Some(n) = self.nodes.get_mut(r as usize) {
                    n.requests += 1;
                }
            }
        }
        Ok(HotReadReport {
            replicas,
            required,
            per_node,
        })
    }
}
