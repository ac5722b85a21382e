//! Time buckets: Discord split each channel into one partition per 10 days so
//! that no partition grows past Cassandra's 100 MB warning.

use super::snowflake::{Snowflake, MAX_ID};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::RangeInclusive;

/// 10 days in milliseconds (the blog's comment says seconds; the value is ms).
pub const BUCKET_SIZE_MS: u64 = 1000 * 60 * 60 * 24 * 10;
pub const DAY_MS: u64 = 86_400_000;
/// Buckets are stored in an `int` column; ten years keeps every bucket number small.
pub const MAX_BUCKET_DAYS: u32 = 3650;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct BucketSize(u64);

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BucketError {
    Zero,
    TooLarge(u64),
}

impl fmt::Display for BucketError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BucketError::Zero => write!(f, "Bucket size must be at least 1 (got 0)"),
            BucketError::TooLarge(d) => write!(
                f,
                "Bucket size must be at most {MAX_BUCKET_DAYS} days (got {d} days)"
            ),
        }
    }
}

impl Default for BucketSize {
    fn default() -> Self {
        BucketSize(BUCKET_SIZE_MS)
    }
}

impl BucketSize {
    pub fn from_ms(ms: u64) -> Result<BucketSize, BucketError> {
        if ms == 0 {
            return Err(BucketError::Zero);
        }
        Ok(BucketSize(ms))
    }

    pub fn from_days(days: u32) -> Result<BucketSize, BucketError> {
        if days == 0 {
            return Err(BucketError::Zero);
        }
        if days > MAX_BUCKET_DAYS {
            return Err(BucketError::TooLarge(days as u64));
        }
        Ok(BucketSize(days as u64 * DAY_MS))
    }

    pub fn ms(self) -> u64 {
        self.0
    }

    /// Whole days, rounded down (sizes set in ms may not be whole days).
    pub fn days(self) -> u64 {
        self.0 / DAY_MS
    }

    /// `(id >> 22) / BUCKET_SIZE`, with integer division as the notes require.
    pub fn bucket(self, id: u64) -> u64 {
        (id >> 22) / self.0
    }

    /// The smallest message ID that falls in `bucket`, clamped to the ID space.
    pub fn first_id(self, bucket: u64) -> u64 {
        let ms = (bucket as u128) * (self.0 as u128);
        let id = ms << 22;
        if id > MAX_ID as u128 {
            MAX_ID
        } else {
            id as u64
        }
    }

    /// The largest message ID that falls in `bucket`, clamped to the ID space.
    pub fn last_id(self, bucket: u64) -> u64 {
        let next_ms = (bucket as u128 + 1) * (self.0 as u128);
        let id = (next_ms << 22).saturating_sub(1);
        if id > MAX_ID as u128 {
            MAX_ID
        } else {
            id as u64
        }
    }

    /// Every bucket from `bucket(start)` to `bucket(end)` inclusive; empty when
    /// end precedes start, as Python's `range` would be.
    pub fn make_buckets(self, start: Snowflake, end: Snowflake) -> RangeInclusive<u64> {
        let lo = self.bucket(start.0);
        let hi = self.bucket(end.0);
        if hi < lo {
            // An empty inclusive range: 1..=0.
            #[allow(clippy::reversed_empty_ranges)]
            return 1..=0;
        }
        lo..=hi
    }
}

/// Convenience for the default 10-day size.
pub fn bucket(id: u64) -> u64 {
    BucketSize::default().bucket(id)
}

/// Convenience for the default 10-day size.
pub fn make_buckets(start: Snowflake, end: Snowflake) -> RangeInclusive<u64> {
    BucketSize::default().make_buckets(start, end)
}
