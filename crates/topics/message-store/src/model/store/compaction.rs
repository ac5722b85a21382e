//! Compaction: tombstones whose local deletion time is older than
//! `now - gc_grace_seconds` are dropped for good (the data they shadowed was
//! merged away when they were written). Text is repacked at the same time.

use super::super::schema::CqlType;
use super::arena::{Arena, Kind};
use super::row::{mask_ldt, RowExtra, NO_EXTRA};
use super::Store;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompactionReport {
    pub tombstones_purged: u64,
    pub rows_dropped: u64,
    pub partition_tombstones_purged: u64,
    #[serde(default)]
    pub range_tombstones_purged: u64,
    pub text_bytes_before: u64,
    pub text_bytes_after: u64,
}

impl Store {
    pub fn compact(&mut self, now_ms: u64) -> CompactionReport {
        let gc_before = (now_ms / 1000) as i64 - self.config.gc_grace_seconds as i64;
        let mut rep = CompactionReport {
            text_bytes_before: self.arena.bytes.len() as u64,
            ..CompactionReport::default()
        };
        let mut arena = Arena::default();
        for ch in &mut self.channels {
            let mut extras: Vec<RowExtra> = Vec::new();
            for row in &mut ch.rows {
                if row.null_mask != 0 && (mask_ldt(row.marker) as i64) < gc_before {
                    rep.tombstones_purged += row.null_mask.count_ones() as u64;
                    row.null_mask = 0;
                }
                let old = row.extra(&ch.extras).cloned();
                row.extra = NO_EXTRA;
                let mut kept = RowExtra {
                    deletion: old.as_ref().and_then(|e| e.deletion),
                    cells: old.map(|e| e.cells).unwrap_or_default(),
                };
                if kept.deletion.is_some_and(|d| d.purgeable(gc_before)) {
                    kept.deletion = None;
                    rep.tombstones_purged += 1;
                }
                let before = kept.cells.len();
                kept.cells
                    .retain(|(_, c)| !(c.kind == Kind::Tomb && (c.ldt() as i64) < gc_before));
                rep.tombstones_purged += (before - kept.cells.len()) as u64;
                for (col, c) in &mut kept.cells {
                    if c.kind == Kind::Live && col.cql_type() == CqlType::Text {
                        c.payload = repack(&self.arena, &mut arena, c.payload);
                    }
                }
                if kept.deletion.is_some() || !kept.cells.is_empty() {
                    row.extra = extras.len() as u32;
                    extras.push(kept);
                }
                if row.content_inline() {
                    row.content = repack(&self.arena, &mut arena, row.content);
                }
            }
            ch.extras = extras;
            let n = ch.rows.len();
            let ex = &ch.extras;
            ch.rows.retain(|r| !r.is_empty(ex));
            ch.refresh_newest();
            rep.rows_dropped += (n - ch.rows.len()) as u64;
            let pd = ch.partition_deletions.len();
            ch.partition_deletions
                .retain(|(_, d)| !d.purgeable(gc_before));
            rep.partition_tombstones_purged += (pd - ch.partition_deletions.len()) as u64;
            // The rows a range tombstone shadowed went when it was written;
            // past gc_grace the marker goes too.
            let rt = ch.ranges.len();
            ch.ranges.retain(|r| !r.deletion.purgeable(gc_before));
            rep.range_tombstones_purged += (rt - ch.ranges.len()) as u64;
        }
        self.rows -= rep.rows_dropped as usize;
        self.arena = arena;
        rep.text_bytes_after = self.arena.bytes.len() as u64;
        rep
    }
}

fn repack(old: &Arena, new: &mut Arena, payload: u64) -> u64 {
    let bytes = old.text(payload);
    let off = new.bytes.len();
    new.bytes.extend_from_slice(bytes);
    ((off as u64) << 32) | bytes.len() as u64
}
