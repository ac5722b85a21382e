//! Questions about live rows outside a read: is there more to page, which
//! are the newest, and deleting a corrupt row.

use super::super::cell::Deletion;
use super::super::error::Error;
use super::scan::count_row;
use super::{RowWrite, Store};

impl Store {
    /// Whether any returnable row lies below `id`. Gives up (and says yes)
    /// after as many dead rows as would fail a read anyway.
    pub(super) fn has_live_below(&self, slot: Option<usize>, id: u64, gc_before: i64) -> bool {
        let Some(ch) = slot.and_then(|s| self.channels.get(s)) else {
            return false;
        };
        let end = ch.rows.partition_point(|r| r.id < id);
        let mut dead = 0u32;
        for row in ch.rows[..end].iter().rev() {
            let c = count_row(row, &ch.extras, gc_before);
            if c.live && !(self.config.repair_null_authors && c.corrupt) {
                return true;
            }
            dead += 1;
            if dead > self.config.failure_threshold {
                return true;
            }
        }
        false
    }

    pub(super) fn repair_corrupt(
        &mut self,
        channel: u64,
        id: u64,
        ts: i64,
        ldt: u32,
    ) -> Result<(), Error> {
        self.apply_row(&RowWrite {
            channel,
            message_id: id,
            marker: None,
            deletion: Some(Deletion { ts, ldt }),
            cells: Vec::new(),
        })
    }

    /// IDs of the newest `n` rows that are live now, newest first.
    pub fn newest_live_ids(&self, channel: u64, n: usize, now_ms: u64) -> Vec<u64> {
        let gc_before = (now_ms / 1000) as i64 - self.config.gc_grace_seconds as i64;
        let Some(ch) = self.channel(channel) else {
            return Vec::new();
        };
        ch.rows
            .iter()
            .rev()
            .filter(|r| count_row(r, &ch.extras, gc_before).live)
            .take(n)
            .map(|r| r.id)
            .collect()
    }

    /// `newest_live_ids` a part at a time: looks at up to `scan` more rows,
    /// newest first from `from_back` rows before the newest, adding the
    /// live ones' IDs to `out` until it holds `n`. Returns where the next
    /// part starts, or `None` once `out` is whole or the rows are done.
    pub fn newest_live_ids_part(
        &self,
        channel: u64,
        n: usize,
        now_ms: u64,
        from_back: usize,
        scan: usize,
        out: &mut Vec<u64>,
    ) -> Option<usize> {
        let gc_before = (now_ms / 1000) as i64 - self.config.gc_grace_seconds as i64;
        let ch = self.channel(channel)?;
        let mut at = from_back;
        for r in ch.rows.iter().rev().skip(from_back).take(scan) {
            at += 1;
            if out.len() >= n {
                return None;
            }
            if count_row(r, &ch.extras, gc_before).live {
                out.push(r.id);
            }
        }
        (out.len() < n && at < ch.rows.len()).then_some(at)
    }
}
