//! Reading one partition the way Cassandra's `ReadCommand` does: purgeable
//! tombstones are dropped first, then every remaining tombstone cell counts,
//! and a row deletion counts only for a row with no live data and no cell
//! tombstones. A read fails the moment the count passes the failure threshold.

use super::super::cell::NO_TS;
use super::super::schema::{Column, Value, ALL_COLUMNS};
use super::arena::{Arena, Kind};
use super::row::{mask_ldt, Row, RowExtra};
use super::Channel;
use serde::{Deserialize, Serialize};

/// A message as a read returns it; null columns are `None` / absent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageRow {
    pub channel_id: u64,
    pub bucket: u64,
    pub message_id: u64,
    pub author_id: Option<u64>,
    pub content: Option<String>,
    /// Set columns other than author and content.
    pub other: Vec<(Column, Value)>,
}

/// What a query cost. A "query" here is Discord's walk over buckets; each
/// bucket it asks Cassandra for is one CQL statement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadStats {
    /// CQL statements sent, one per bucket asked for.
    pub buckets_queried: u64,
    /// Of those, partitions that held any data (live or tombstone).
    pub partitions_touched: u64,
    pub live_rows: u64,
    /// Tombstones counted toward the thresholds.
    pub tombstones: u64,
    /// Tombstones past gc_grace that the read dropped before counting.
    pub purgeable_skipped: u64,
    pub rows_examined: u64,
    /// Buckets asked for that returned no rows.
    pub empty_buckets_visited: u64,
    /// Buckets the empty-bucket cache let the walk skip.
    pub empty_buckets_skipped: u64,
    pub corrupt_rows_deleted: u64,
}

impl ReadStats {
    pub fn add(&mut self, o: &ReadStats) {
        self.buckets_queried += o.buckets_queried;
        self.partitions_touched += o.partitions_touched;
        self.live_rows += o.live_rows;
        self.tombstones += o.tombstones;
        self.purgeable_skipped += o.purgeable_skipped;
        self.rows_examined += o.rows_examined;
        self.empty_buckets_visited += o.empty_buckets_visited;
        self.empty_buckets_skipped += o.empty_buckets_skipped;
        self.corrupt_rows_deleted += o.corrupt_rows_deleted;
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct RowCounts {
    pub live: bool,
    pub tombstones: u32,
    pub purgeable: u32,
    /// Live but missing its author: the edit/delete race's leftover.
    pub corrupt: bool,
}

/// `gc_before` is `now - gc_grace_seconds` in seconds.
pub(super) fn count_row(row: &Row, extras: &[RowExtra], gc_before: i64) -> RowCounts {
    let mut c = RowCounts {
        live: row.marker != NO_TS,
        ..RowCounts::default()
    };
    let tomb = |ldt: u32, n: u32, c: &mut RowCounts| {
        if (ldt as i64) < gc_before {
            c.purgeable += n;
        } else {
            c.tombstones += n;
        }
    };
    if row.author_inline() || row.content_inline() {
        c.live = true;
    }
    if row.null_mask != 0 {
        tomb(mask_ldt(row.marker), row.null_mask.count_ones(), &mut c);
    }
    let extra = row.extra(extras);
    if let Some(e) = extra {
        for (_, cell) in &e.cells {
            match cell.kind {
                Kind::Live => c.live = true,
                Kind::Tomb => tomb(cell.ldt(), 1, &mut c),
                Kind::Absent => {}
            }
        }
    }
    if let Some(d) = extra.and_then(|e| e.deletion) {
        if d.purgeable(gc_before) {
            c.purgeable += 1;
        } else if !c.live && c.tombstones == 0 {
            c.tombstones = 1;
        }
    }
    c.corrupt =
        c.live && !row.author_inline() && row.get(Column::AuthorId, extras).kind != Kind::Live;
    c
}

pub(super) fn message_row(
    channel: u64,
    bucket: u64,
    row: &Row,
    extras: &[RowExtra],
    arena: &Arena,
) -> MessageRow {
    let mut other = Vec::new();
    let mut author_id = None;
    let mut content = None;
    // Most rows hold only author and content: skip the other twelve.
    let rest = if row.extra(extras).is_some() {
        &ALL_COLUMNS[..]
    } else {
        &ALL_COLUMNS[..2]
    };
    for &col in rest {
        let c = row.get(col, extras);
        if c.kind != Kind::Live {
            continue;
        }
        match col {
            Column::AuthorId => author_id = Some(c.payload),
            Column::Content => content = Some(arena.string(c.payload)),
            _ => other.push((col, arena.decode(col, c.payload))),
        }
    }
    MessageRow {
        channel_id: channel,
        bucket,
        message_id: row.id,
        author_id,
        content,
        other,
    }
}

/// One bucket's read: rows `rows[..start]` of `bucket`, newest first.
#[derive(Clone, Debug, Default)]
pub(super) struct BucketScan {
    pub rows: Vec<MessageRow>,
    pub corrupt: Vec<u64>,
    pub live_rows: u32,
    pub tombstones: u32,
    pub purgeable: u32,
    pub examined: u32,
    /// True when the scan reached the bucket's oldest row.
    pub complete: bool,
    /// Set when the failure threshold was passed; the last row scanned.
    pub aborted_at: Option<u64>,
}

pub(super) struct ScanLimits {
    pub limit: u32,
    pub gc_before: i64,
    pub failure_threshold: u32,
    pub skip_corrupt: bool,
}

/// Counts one tombstone (or marker) the read meets; false once the read
/// has passed the failure threshold, as Cassandra throws on the first
/// tombstone over it.
fn tally(s: &mut BucketScan, tombstones: u32, purgeable: u32, lim: &ScanLimits, at: u64) -> bool {
    s.purgeable += purgeable;
    s.tombstones = s.tombstones.saturating_add(tombstones);
    if s.tombstones > lim.failure_threshold {
        s.tombstones = lim.failure_threshold.saturating_add(1);
        s.aborted_at = Some(at);
        return false;
    }
    true
}

/// Range-tombstone markers count one each when the read reaches them
/// (`ReadCommand.withMetricsRecording`: `applyToMarker` calls
/// `countTombstone`), so a read that stops at its LIMIT above a range
/// never counts it. Past gc_grace they are purged before counting.
fn tally_marker(s: &mut BucketScan, purgeable: bool, lim: &ScanLimits, at: u64) -> bool {
    tally(s, u32::from(!purgeable), u32::from(purgeable), lim, at)
}

pub(super) fn scan_bucket(
    ch: &Channel,
    arena: &Arena,
    bucket_of: impl Fn(u64) -> u64,
    bucket: u64,
    start: usize,
    lim: &ScanLimits,
) -> BucketScan {
    let mut s = BucketScan::default();
    let mut bounds = ch.ranges_in(bucket).peekable();
    let any_range = bounds.peek().is_some();
    let mut i = start.min(ch.rows.len());
    while i > 0 {
        let row = &ch.rows[i - 1];
        if bucket_of(row.id) != bucket {
            break;
        }
        while let Some(r) = bounds.next_if(|r| row.id < r.below) {
            if !tally_marker(&mut s, r.deletion.purgeable(lim.gc_before), lim, row.id) {
                return s;
            }
        }
        i -= 1;
        let c = count_row(row, &ch.extras, lim.gc_before);
        s.examined += 1;
        if !tally(&mut s, c.tombstones, c.purgeable, lim, row.id) {
            return s;
        }
        if !c.live {
            continue;
        }
        s.live_rows += 1;
        if lim.skip_corrupt && c.corrupt {
            s.corrupt.push(row.id);
            continue;
        }
        s.rows
            .push(message_row(ch.id, bucket, row, &ch.extras, arena));
        if s.rows.len() as u32 >= lim.limit {
            s.complete = i == 0 || bucket_of(ch.rows[i - 1].id) != bucket;
            return s;
        }
    }
    // The read reached the partition's start: the bounds it has not met yet
    // and the close bound they share.
    if any_range {
        for r in bounds {
            if !tally_marker(&mut s, r.deletion.purgeable(lim.gc_before), lim, r.below) {
                return s;
            }
        }
        if !tally_marker(&mut s, ch.close_purgeable(bucket, lim.gc_before), lim, 0) {
            return s;
        }
    }
    s.complete = true;
    s
}
