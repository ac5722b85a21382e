//! `INSERT … USING TTL n`: the row marker and cells the insert wrote expire
//! `n` seconds after the write. An expired cell is no longer live
//! (`Cell.isLive(nowInSec)` is `nowInSec < localDeletionTime`), and
//! Cassandra turns it into a tombstone whose local deletion time is the
//! write's second: `AbstractCell.purge` makes `BufferCell.tombstone(column,
//! timestamp(), localDeletionTime() - ttl(), path())`. The store does that
//! conversion when the clock passes the expiry, so reads count the expired
//! cells as the tombstones they are and compaction purges them once the
//! write is older than gc_grace_seconds.

use super::super::error::Error;
use super::super::input::Input;
use super::arena::{Compact, Kind};
use super::row::NO_EXTRA;
use super::Store;
use serde::{Deserialize, Serialize};

/// `Attributes.MAX_TTL`: 20 years in seconds (CASSANDRA-4771).
pub const MAX_TTL: u32 = 20 * 365 * 24 * 60 * 60;

/// The cells a TTL'd insert wrote at `ts`, expiring at `expires` (s).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expiring {
    pub channel: u64,
    pub id: u64,
    pub ts: i64,
    pub ttl: u32,
    /// `localExpirationTime`: the write's second plus the TTL.
    pub expires: u32,
}

/// A TTL for a new write: 1 s to 20 years. CQL reads `USING TTL 0` as "no
/// TTL"; the panel asks for an empty field instead, so 0 is refused here.
pub fn check_ttl(ttl: u32) -> Result<(), Error> {
    if ttl == 0 {
        return Err(Error::Invalid {
            field: Input::Ttl,
            reason:
                "0 would mean no TTL at all in CQL; leave it empty for a message that never expires"
                    .into(),
        });
    }
    if ttl > MAX_TTL {
        return Err(Error::Invalid {
            field: Input::Ttl,
            reason: format!("{ttl} s is over Cassandra's maximum of {MAX_TTL} s (20 years)"),
        });
    }
    Ok(())
}

impl Store {
    /// Marks the cells of the row `(channel, id)` written at `ts` as expiring
    /// `ttl` seconds after `write_s`.
    pub fn expire_later(&mut self, channel: u64, id: u64, ts: i64, ttl: u32, write_s: u32) {
        self.expiring.push(Expiring {
            channel,
            id,
            ts,
            ttl,
            expires: write_s.saturating_add(ttl),
        });
    }

    /// When the row's TTL'd cells expire, if they are still waiting to.
    pub fn expiry_of(&self, channel: u64, id: u64) -> Option<&Expiring> {
        self.expiring
            .iter()
            .find(|e| e.channel == channel && e.id == id)
    }

    /// Turns every cell whose TTL has run out by `now_s` into a tombstone
    /// (and drops the row marker), as a read or compaction at `now_s` sees
    /// it. Returns how many rows expired.
    pub fn expire(&mut self, now_s: u64) -> u64 {
        let is_due = |e: &Expiring| u64::from(e.expires) <= now_s;
        if !self.expiring.iter().any(is_due) {
            return 0;
        }
        let due: Vec<Expiring> = self.expiring.iter().copied().filter(is_due).collect();
        self.expiring.retain(|e| !is_due(e));
        let mut n = 0;
        for e in due {
            let Some(&slot) = self.index.get(&e.channel) else {
                continue;
            };
            let ch = &mut self.channels[slot as usize];
            let Ok(i) = ch.rows.binary_search_by_key(&e.id, |r| r.id) else {
                continue;
            };
            let row = &mut ch.rows[i];
            row.materialize(&mut ch.extras);
            if row.marker == e.ts {
                row.marker = super::super::cell::NO_TS;
            }
            let tomb = Compact::tomb(e.ts, e.expires - e.ttl);
            for (col, c) in row.cells(&ch.extras) {
                if c.kind == Kind::Live && c.ts == e.ts {
                    row.set(col, tomb, &mut ch.extras);
                }
            }
            row.compress(&mut ch.extras);
            n += 1;
            if row.is_empty(&ch.extras) {
                row.extra = NO_EXTRA;
                ch.rows.remove(i);
                self.rows -= 1;
            }
        }
        for ch in &mut self.channels {
            ch.refresh_newest();
        }
        n
    }
}
