//! Deleting a channel's history two ways, side by side: a row DELETE per
//! message (what a bulk delete through the API does) leaves one row
//! tombstone per message, each counted by the next read; one range delete
//! (`… AND message_id < X`) leaves one range tombstone, read as two
//! markers. Both run on a scratch store of their own, so the comparison
//! touches nothing in the playground.

use super::cell::Deletion;
use super::store::{QueryOutcome, QuerySpec, ReadStats, RowWrite, Store, StoreConfig};

/// Messages in the comparison's partition: just enough for the row deletes
/// to pass the default failure threshold (100 000), so the click's work
/// stays near one frame's budget on a desktop.
pub const HISTORY_ROWS: u32 = 100_002;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HistoryComparison {
    pub rows: u32,
    /// The read after deleting every message but the newest row by row.
    pub row_by_row: ReadStats,
    /// Whether that read passed the failure threshold and was aborted.
    pub row_by_row_failed: bool,
    /// The read after one range delete of the same messages.
    pub range: ReadStats,
}

const CHANNEL: u64 = 1;

fn read(s: &mut Store, now_ms: u64) -> (ReadStats, bool) {
    let spec = QuerySpec {
        channel: CHANNEL,
        limit: 50,
        before: None,
    };
    match s.query(&spec, 50, None, now_ms, 1) {
        Ok(QueryOutcome::Page(p)) => (p.stats, false),
        Ok(QueryOutcome::Failed(f)) => (f.stats, true),
        Err(_) => (ReadStats::default(), false),
    }
}

/// `rows` messages with IDs `1..=rows` in one partition (bucket 0), then
/// all but the newest deleted one way and the other, each followed by a
/// read of the latest 50 messages, under `config`'s thresholds.
pub fn compare_history_deletes(rows: u32, config: StoreConfig, now_ms: u64) -> HistoryComparison {
    let ts = (now_ms as i64).saturating_mul(1000);
    let d = Deletion {
        ts: ts + 1,
        ldt: (now_ms / 1000) as u32,
    };
    // One partition written once; the range delete gets a copy of it.
    let mut by_row = Store::new(config);
    for id in 1..=u64::from(rows) {
        let _ = by_row.insert_message(CHANNEL, id, 42, "hi", ts, d.ldt, false);
    }
    let mut ranged = by_row.clone();
    for id in 1..u64::from(rows) {
        let _ = by_row.apply_row(&RowWrite {
            channel: CHANNEL,
            message_id: id,
            marker: None,
            deletion: Some(d),
            cells: Vec::new(),
        });
    }
    let (row_by_row, row_by_row_failed) = read(&mut by_row, now_ms);
    drop(by_row);
    let _ = ranged.delete_range(CHANNEL, 0, u64::from(rows), d);
    let (range, _) = read(&mut ranged, now_ms);
    HistoryComparison {
        rows,
        row_by_row,
        row_by_row_failed,
        range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::playground::DEFAULT_NOW_MS;

    #[test]
    fn row_deletes_fail_the_read_where_a_range_delete_costs_two_markers() {
        // ReadCommand.withMetricsRecording: one count per row tombstone
        // (applyToRow) against one per range-tombstone bound (applyToMarker).
        let c = compare_history_deletes(HISTORY_ROWS, StoreConfig::default(), DEFAULT_NOW_MS);
        assert!(c.row_by_row_failed);
        assert_eq!(c.row_by_row.tombstones, 100_001);
        assert_eq!(c.range.tombstones, 2);
        assert_eq!(c.range.live_rows, 1);
        // With the failure threshold out of the way every tombstone is read.
        let open = StoreConfig {
            failure_threshold: u32::MAX,
            ..StoreConfig::default()
        };
        let c = compare_history_deletes(1_000, open, DEFAULT_NOW_MS);
        assert_eq!(c.row_by_row.tombstones, 999);
        assert!(!c.row_by_row_failed);
    }
}
