//! A partition's full content (tombstones included) as plain values: what a
//! replica sends back on a data read, what read repair and anti-entropy
//! repair merge, and what the digest comparison looks at.

use super::super::cell::{CellVersion, Deletion, NO_TS};
use super::super::error::Error;
use super::super::schema::Column;
use super::arena::Kind;
use super::row::{Row, RowExtra};
use super::{RowWrite, Store};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowImage {
    pub id: u64,
    pub marker: Option<i64>,
    pub deletion: Option<Deletion>,
    pub cells: Vec<(Column, CellVersion)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartitionImage {
    pub channel: u64,
    pub bucket: u64,
    pub deletion: Option<Deletion>,
    /// Oldest first.
    pub rows: Vec<RowImage>,
}

impl PartitionImage {
    pub fn is_empty(&self) -> bool {
        self.deletion.is_none() && self.rows.is_empty()
    }
}

impl Store {
    /// `purge_before`: drop tombstones a read would drop (`ldt < gc_before`).
    pub fn partition_image(
        &self,
        channel: u64,
        bucket: u64,
        purge_before: Option<i64>,
    ) -> PartitionImage {
        let mut img = PartitionImage {
            channel,
            bucket,
            deletion: None,
            rows: Vec::new(),
        };
        let Some(ch) = self.channel(channel) else {
            return img;
        };
        let keep = |d: &Deletion| purge_before.is_none_or(|g| !d.purgeable(g));
        img.deletion = ch.partition_deletion(bucket).filter(keep);
        let size = self.config.bucket;
        let (lo, hi) = (size.first_id(bucket), size.last_id(bucket));
        let start = ch.rows.partition_point(|r| r.id < lo);
        let end = ch.rows.partition_point(|r| r.id <= hi);
        for row in &ch.rows[start..end] {
            let r = self.row_image(row, &ch.extras, purge_before);
            if r.marker.is_some() || r.deletion.is_some() || !r.cells.is_empty() {
                img.rows.push(r);
            }
        }
        img
    }

    /// The newest `limit` rows of one partition, newest first, tombstones
    /// and all (nothing purged), and how many rows the partition holds.
    /// Costs `O(limit + log rows)`, so a view can show a huge partition.
    pub fn partition_newest(
        &self,
        channel: u64,
        bucket: u64,
        limit: usize,
    ) -> (PartitionImage, usize) {
        let mut img = PartitionImage {
            channel,
            bucket,
            deletion: None,
            rows: Vec::new(),
        };
        let Some(ch) = self.channel(channel) else {
            return (img, 0);
        };
        img.deletion = ch.partition_deletion(bucket);
        let size = self.config.bucket;
        let (lo, hi) = (size.first_id(bucket), size.last_id(bucket));
        let start = ch.rows.partition_point(|r| r.id < lo);
        let end = ch.rows.partition_point(|r| r.id <= hi);
        for row in ch.rows[start..end].iter().rev().take(limit) {
            img.rows.push(self.row_image(row, &ch.extras, None));
        }
        (img, end - start)
    }

    fn row_image(&self, row: &Row, extras: &[RowExtra], purge_before: Option<i64>) -> RowImage {
        let purged = |ldt: u32| purge_before.is_some_and(|g| (ldt as i64) < g);
        let mut cells = Vec::new();
        for (col, c) in row.cells(extras) {
            let v = match c.kind {
                Kind::Live => CellVersion::live(c.ts, self.arena.decode(col, c.payload)),
                Kind::Tomb if !purged(c.ldt()) => CellVersion::tombstone(c.ts, c.ldt()),
                _ => continue,
            };
            cells.push((col, v));
        }
        RowImage {
            id: row.id,
            marker: (row.marker != NO_TS).then_some(row.marker),
            deletion: row.deletion(extras).filter(|d| !purged(d.ldt)),
            cells,
        }
    }

    /// Every partition (channel, bucket) that holds anything.
    pub fn partition_keys(&self) -> Vec<(u64, u64)> {
        let size = self.config.bucket;
        let mut out = Vec::new();
        for ch in &self.channels {
            let mut last = None;
            for r in &ch.rows {
                let b = size.bucket(r.id);
                if last != Some(b) {
                    out.push((ch.id, b));
                    last = Some(b);
                }
            }
            for (b, _) in &ch.partition_deletions {
                if !out.contains(&(ch.id, *b)) {
                    out.push((ch.id, *b));
                }
            }
        }
        out
    }

    /// Merges an image in, as a replica applies a repair mutation.
    pub fn merge_image(&mut self, img: &PartitionImage) -> Result<(), Error> {
        if let Some(d) = img.deletion {
            self.delete_partition(img.channel, img.bucket, d)?;
        }
        for r in &img.rows {
            self.apply_row(&RowWrite {
                channel: img.channel,
                message_id: r.id,
                marker: r.marker,
                deletion: r.deletion,
                cells: r.cells.clone(),
            })?;
        }
        Ok(())
    }
}

/// Merges images from several replicas into the resolved partition.
pub fn merge_images(
    images: &[PartitionImage],
    channel: u64,
    bucket: u64,
    config: super::StoreConfig,
) -> PartitionImage {
    let mut s = Store::new(config);
    for img in images {
        // Images come from stores that already validated them.
        let _ = s.merge_image(img);
    }
    s.partition_image(channel, bucket, None)
}
