//! Sizes the view draws: partition sizes against Cassandra's 100 MB warning,
//! per-channel summaries, and how much memory the model itself uses.

use super::super::schema::Column;
use super::arena::Kind;
use super::row::{Row, RowExtra};
use super::scan::count_row;
use super::{Channel, Store};
use serde::{Deserialize, Serialize};
use std::mem::size_of;

/// Cassandra's large-partition warning that made Discord bucket by time.
pub const LARGE_PARTITION_BYTES: u64 = 100 * 1024 * 1024;

// Rough serialized sizes (sstable format "big"): flags, vint lengths and
// timestamp deltas are folded into these constants.
const PARTITION_OVERHEAD: u64 = 30;
const ROW_OVERHEAD: u64 = 11;
const MARKER_BYTES: u64 = 8;
const ROW_DELETION_BYTES: u64 = 12;
const CELL_OVERHEAD: u64 = 5;
const TOMBSTONE_CELL_BYTES: u64 = 9;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionInfo {
    pub bucket: u64,
    pub rows: u64,
    pub live_rows: u64,
    /// Cell tombstones plus row tombstones, ignoring gc_grace.
    pub tombstones: u64,
    pub bytes: u64,
}

impl PartitionInfo {
    /// Share of Cassandra's 100 MB warning, in percent.
    pub fn percent_of_warning(&self) -> f64 {
        self.bytes as f64 * 100.0 / LARGE_PARTITION_BYTES as f64
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSummary {
    pub channel: u64,
    pub rows: u64,
    pub partitions: u64,
    pub largest_partition_bytes: u64,
    pub oldest_bucket: u64,
    pub newest_bucket: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreTotals {
    pub channels: u64,
    pub rows: u64,
    pub text_bytes: u64,
    /// What the stored messages amount to: key columns plus set values.
    pub raw_payload_bytes: u64,
    /// What the model's data structures take on the heap (estimate).
    pub heap_bytes: u64,
}

impl Store {
    /// A row's size on disk. Each column's cell is in exactly one place:
    /// inline, the null mask or the side table (`Row::set` keeps it so), so
    /// the plain part's size plus the side table's is the whole, without
    /// listing the cells: after a bulk delete every row has a side-table
    /// entry, and a listing per row made a partition's sizes 5× slower.
    fn row_bytes(&self, row: &Row, extras: &[RowExtra]) -> u64 {
        let mut b = self.plain_row_bytes(row);
        if let Some(e) = row.extra(extras) {
            if e.deletion.is_some() {
                b += ROW_DELETION_BYTES;
            }
            for (col, c) in &e.cells {
                b += match c.kind {
                    Kind::Live => CELL_OVERHEAD + self.arena.value_size(*col, c.payload) as u64,
                    _ => TOMBSTONE_CELL_BYTES,
                };
            }
        }
        b
    }

    /// `row_bytes` of a row's marker, inline cells and null mask: all of a
    /// row with no side-table entry, the one a million-row channel is made of.
    fn plain_row_bytes(&self, row: &Row) -> u64 {
        let mut b = ROW_OVERHEAD + 8;
        if row.marker != super::super::cell::NO_TS {
            b += MARKER_BYTES;
        }
        if row.author_inline() {
            b += CELL_OVERHEAD + self.arena.value_size(Column::AuthorId, row.author) as u64;
        }
        if row.content_inline() {
            b += CELL_OVERHEAD + self.arena.value_size(Column::Content, row.content) as u64;
        }
        b + row.null_mask.count_ones() as u64 * TOMBSTONE_CELL_BYTES
    }

    /// The partitions of one channel, oldest bucket first.
    pub fn partitions(&self, channel: u64) -> Vec<PartitionInfo> {
        let Some(ch) = self.channel(channel) else {
            return Vec::new();
        };
        self.partitions_of(ch)
    }

    fn partitions_of(&self, ch: &Channel) -> Vec<PartitionInfo> {
        let size = self.config.bucket;
        let mut out: Vec<PartitionInfo> = Vec::new();
        for row in &ch.rows {
            let b = size.bucket(row.id);
            if out.last().is_none_or(|p| p.bucket != b) {
                out.push(PartitionInfo {
                    bucket: b,
                    bytes: PARTITION_OVERHEAD,
                    ..PartitionInfo::default()
                });
            }
            let c = count_row(row, &ch.extras, i64::MIN);
            if let Some(p) = out.last_mut() {
                p.rows += 1;
                p.live_rows += c.live as u64;
                p.tombstones += c.tombstones as u64;
                p.bytes += self.row_bytes(row, &ch.extras);
            }
        }
        out
    }

    pub fn channel_summaries(&self) -> Vec<ChannelSummary> {
        self.channels
            .iter()
            .map(|ch| {
                let parts = self.partitions_of(ch);
                ChannelSummary {
                    channel: ch.id,
                    rows: ch.rows.len() as u64,
                    partitions: parts.len() as u64,
                    largest_partition_bytes: parts.iter().map(|p| p.bytes).max().unwrap_or(0),
                    oldest_bucket: parts.first().map_or(0, |p| p.bucket),
                    newest_bucket: parts.last().map_or(0, |p| p.bucket),
                }
            })
            .collect()
    }

    /// The `n` channels with the most rows, most first.
    pub fn busiest_channels(&self, n: usize) -> Vec<(u64, u64)> {
        let mut v: Vec<(u64, u64)> = self
            .channels
            .iter()
            .map(|c| (c.id, c.rows.len() as u64))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }

    pub fn totals(&self) -> StoreTotals {
        let mut raw = 0u64;
        let mut heap = size_of::<Store>() as u64 + self.arena.bytes.capacity() as u64;
        heap += self.index.capacity() as u64 * (size_of::<(u64, u32)>() as u64 + 1);
        heap += self.channels.capacity() as u64 * size_of::<Channel>() as u64;
        for ch in &self.channels {
            heap += ch.rows.capacity() as u64 * size_of::<Row>() as u64;
            heap += ch.extras.capacity() as u64 * size_of::<RowExtra>() as u64;
            heap += ch.partition_deletions.capacity() as u64 * 24;
            heap += ch.ranges.capacity() as u64 * 32;
            for e in &ch.extras {
                heap += e.cells.capacity() as u64 * 32;
            }
            for row in &ch.rows {
                // message_id, channel_id and bucket, then each set value.
                raw += 20;
                for (col, c) in row.cells(&ch.extras) {
                    if c.kind == Kind::Live {
                        raw += self.arena.value_size(col, c.payload) as u64;
                    }
                }
            }
        }
        StoreTotals {
            channels: self.channels.len() as u64,
            rows: self.rows as u64,
            text_bytes: self.arena.bytes.len() as u64,
            raw_payload_bytes: raw,
            heap_bytes: heap,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::workload::{WorkloadConfig, WorkloadGen};
    use super::super::{Store, StoreConfig};
    use super::*;

    /// The cell-by-cell size, for checking the fast path.
    fn slow(store: &Store, row: &Row, extras: &[RowExtra]) -> u64 {
        let mut b = ROW_OVERHEAD + 8;
        if row.marker != super::super::super::cell::NO_TS {
            b += MARKER_BYTES;
        }
        if row.deletion(extras).is_some() {
            b += ROW_DELETION_BYTES;
        }
        for (col, c) in row.cells(extras) {
            b += match c.kind {
                Kind::Live => CELL_OVERHEAD + store.arena.value_size(col, c.payload) as u64,
                _ => TOMBSTONE_CELL_BYTES,
            };
        }
        b
    }

    /// Every tour step's rows: edits, column deletes, row deletes after a
    /// burst, null writes and compaction leave side-table entries of each
    /// kind.
    #[test]
    fn rows_with_side_table_entries_are_sized_as_their_cells_say() {
        use super::super::super::playground::Playground;
        let mut extra_rows = 0;
        for t in super::super::super::tours::tours() {
            for k in 0..t.steps.len() {
                let mut p = Playground::new();
                for a in t.actions_revealed(k) {
                    let _ = p.apply(&a);
                }
                let store = p.store();
                for ch in &store.channels {
                    for row in &ch.rows {
                        assert_eq!(
                            store.row_bytes(row, &ch.extras),
                            slow(store, row, &ch.extras),
                            "{} step {k}: {row:?}",
                            t.id
                        );
                        extra_rows += usize::from(row.extra != super::super::row::NO_EXTRA);
                    }
                }
            }
        }
        assert!(
            extra_rows > 120_000,
            "the incident's deletes are among them ({extra_rows})"
        );
    }

    #[test]
    fn plain_rows_are_sized_as_their_cells_say() {
        for nulls in [false, true] {
            let mut store = Store::new(StoreConfig::default());
            let mut cfg = WorkloadConfig::new(3, 20_000, 50, 1_484_611_200_000);
            cfg.write_nulls = nulls;
            let mut gen = WorkloadGen::new(cfg).unwrap();
            while !gen.next_chunk(&mut store, 20_000).unwrap().finished {}
            let mut plain = 0;
            for ch in &store.channels {
                for row in &ch.rows {
                    assert_eq!(
                        store.row_bytes(row, &ch.extras),
                        slow(&store, row, &ch.extras),
                        "{row:?} {:?}",
                        row.cells(&ch.extras)
                    );
                    if row.extra == super::super::row::NO_EXTRA {
                        plain += 1;
                    }
                }
            }
            assert!(plain > 15_000, "most rows take the fast path ({plain})");
        }
    }
}
