//! Range tombstones: `DELETE … WHERE channel_id = ? AND bucket = ? AND
//! message_id < ?` deletes a slice of one partition with a single marker.
//! Like a partition tombstone it shadows what was written at or before it,
//! and the shadowed rows are merged away as it is written (see `write`), so
//! a later read meets the marker, not the rows.

use super::super::cell::Deletion;
use super::super::error::Error;
use super::super::input::Input;
use super::write::{check_id, check_ts, shadow_slice};
use super::{Channel, Store};
use serde::{Deserialize, Serialize};

/// `message_id < below` in one bucket: the slice from the partition's
/// oldest row up to (not including) `below`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeTombstone {
    pub bucket: u64,
    pub below: u64,
    pub deletion: Deletion,
}

impl RangeTombstone {
    pub fn covers(&self, bucket: u64, id: u64) -> bool {
        self.bucket == bucket && id < self.below
    }
}

impl Channel {
    /// The newest deletion covering a row: the partition's and any range's.
    pub(super) fn covering_deletion(&self, bucket: u64, id: u64) -> Option<Deletion> {
        self.ranges
            .iter()
            .filter(|r| r.covers(bucket, id))
            .fold(self.partition_deletion(bucket), |acc, r| {
                Deletion::merge(acc, Some(r.deletion))
            })
    }

    /// One bucket's range tombstones, highest bound first: the order a
    /// newest-first read meets them. A slice reads as an open and a close
    /// bound (`RangeTombstoneBoundMarker`); nested slices (all start at the
    /// partition's oldest row) meet at boundary markers and share the close
    /// bound, so `n` tombstones make `n + 1` markers.
    pub(super) fn ranges_in(&self, bucket: u64) -> impl Iterator<Item = &RangeTombstone> {
        self.ranges.iter().filter(move |r| r.bucket == bucket)
    }

    /// The shared close bound is purgeable only when every tombstone is.
    pub(super) fn close_purgeable(&self, bucket: u64, gc_before: i64) -> bool {
        self.ranges_in(bucket)
            .all(|r| r.deletion.purgeable(gc_before))
    }

    pub fn range_tombstones(&self) -> &[RangeTombstone] {
        &self.ranges
    }
}

impl Store {
    /// `DELETE FROM messages WHERE channel_id = ? AND bucket = ? AND
    /// message_id < ?`: one range tombstone however many rows it hides.
    pub fn delete_range(
        &mut self,
        channel: u64,
        bucket: u64,
        below: u64,
        d: Deletion,
    ) -> Result<(), Error> {
        check_id(Input::ChannelId, channel)?;
        check_id(Input::MessageId, below)?;
        check_ts(d.ts)?;
        let size = self.config.bucket;
        let slot = self.slot(channel).ok_or(Error::TooMuchData {
            what: "the number of channels",
            limit: super::MAX_CHANNELS as u64,
        })?;
        self.counters.range_deletes += 1;
        let ch = &mut self.channels[slot];
        // A newer tombstone over a wider (or equal) slice hides an older one
        // whole; an older one over a wider slice still deletes what lies
        // between the two bounds, so it stays.
        let new = RangeTombstone {
            bucket,
            below,
            deletion: d,
        };
        if ch
            .ranges
            .iter()
            .any(|r| r.bucket == bucket && r.below >= below && !d.supersedes(&r.deletion))
        {
            return Ok(());
        }
        ch.ranges
            .retain(|r| !(r.bucket == bucket && r.below <= below && d.supersedes(&r.deletion)));
        // Highest bound first, the order a newest-first read meets them.
        let at = ch.ranges.partition_point(|r| r.below > below);
        ch.ranges.insert(at, new);
        let end = below.min(size.last_id(bucket).saturating_add(1));
        self.rows -= shadow_slice(ch, size.first_id(bucket), end, d);
        Ok(())
    }
}
