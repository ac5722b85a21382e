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
}
