//! Discord's empty-bucket cache: buckets a read found empty are remembered
//! per channel and skipped next time, until a write lands in them. Stored as
//! merged intervals, so a channel's years of empty buckets cost a few entries.

use super::IdMap;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default)]
pub struct EmptyBucketCache {
    by_channel: IdMap<BTreeMap<u64, u64>>,
}

impl EmptyBucketCache {
    pub fn is_empty(&self) -> bool {
        self.by_channel.is_empty()
    }

    pub fn clear(&mut self) {
        self.by_channel.clear();
    }

    /// Total buckets remembered, over all channels.
    pub fn len(&self) -> u64 {
        self.by_channel
            .values()
            .flat_map(|m| m.iter())
            .map(|(lo, hi)| hi - lo + 1)
            .sum()
    }

    /// The remembered interval holding `bucket`, if any.
    pub fn covering(&self, channel: u64, bucket: u64) -> Option<(u64, u64)> {
        let m = self.by_channel.get(&channel)?;
        let (&lo, &hi) = m.range(..=bucket).next_back()?;
        (hi >= bucket).then_some((lo, hi))
    }

    pub fn contains(&self, channel: u64, bucket: u64) -> bool {
        self.covering(channel, bucket).is_some()
    }

    /// How many buckets of `lo..=hi` are remembered.
    pub fn count_in(&self, channel: u64, lo: u64, hi: u64) -> u64 {
        let Some(m) = self.by_channel.get(&channel) else {
            return 0;
        };
        let mut n = 0;
        let first = m.range(..=lo).next_back().map(|(k, _)| *k).unwrap_or(lo);
        for (&a, &b) in m.range(first..=hi) {
            let (s, e) = (a.max(lo), b.min(hi));
            if s <= e {
                n += e - s + 1;
            }
        }
        n
    }

    pub fn insert(&mut self, channel: u64, lo: u64, hi: u64) {
        if lo > hi {
            return;
        }
        let m = self.by_channel.entry(channel).or_default();
        let (mut new_lo, mut new_hi) = (lo, hi);
        let from = m.range(..=lo).next_back().map(|(k, _)| *k).unwrap_or(lo);
        let merge: Vec<(u64, u64)> = m
            .range(from..=hi.saturating_add(1))
            .filter(|(&a, &b)| b.saturating_add(1) >= lo && a <= hi.saturating_add(1))
            .map(|(a, b)| (*a, *b))
            .collect();
        for (a, b) in merge {
            m.remove(&a);
            new_lo = new_lo.min(a);
            new_hi = new_hi.max(b);
        }
        m.insert(new_lo, new_hi);
    }

    /// A write into `bucket` means it may hold messages now.
    pub fn invalidate(&mut self, channel: u64, bucket: u64) {
        let Some((lo, hi)) = self.covering(channel, bucket) else {
            return;
        };
        let Some(m) = self.by_channel.get_mut(&channel) else {
            return;
        };
        m.remove(&lo);
        if lo < bucket {
            m.insert(lo, bucket - 1);
        }
        if bucket < hi {
            m.insert(bucket + 1, hi);
        }
        if m.is_empty() {
            self.by_channel.remove(&channel);
        }
    }

    /// The remembered intervals of one channel, oldest first.
    pub fn intervals(&self, channel: u64) -> Vec<(u64, u64)> {
        self.by_channel
            .get(&channel)
            .map(|m| m.iter().map(|(a, b)| (*a, *b)).collect())
            .unwrap_or_default()
    }
}
