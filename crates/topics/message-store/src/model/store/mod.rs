//! A single Cassandra node's view of the messages table:
//! `PRIMARY KEY ((channel_id, bucket), message_id)` with
//! `CLUSTERING ORDER BY (message_id DESC)`.
//!
//! Because `bucket` is a monotone function of `message_id`, a channel's rows
//! sorted by ID are already grouped by partition. The store keeps one sorted
//! row vector per channel and treats each bucket's slice of it as the
//! partition `(channel_id, bucket)`. That avoids a hash-map entry per
//! partition and lets a bucket walk jump over empty buckets arithmetically.

mod arena;
mod compaction;
mod empty_cache;
mod expiry;
mod image;
mod insert;
mod liveness;
mod missing;
mod paging;
mod range;
mod row;
mod scan;
mod stats;
mod walk;
mod write;

pub use compaction::CompactionReport;
pub use empty_cache::EmptyBucketCache;
pub use expiry::{check_ttl, Expiring, MAX_TTL};
pub use image::{merge_images, PartitionImage, RowImage};
pub use insert::message_write;
pub use paging::PagingState;
pub use range::RangeTombstone;
pub use scan::{MessageRow, ReadStats};
pub use stats::{ChannelSummary, PartitionInfo, StoreTotals, LARGE_PARTITION_BYTES};
pub use walk::{
    BucketVisit, Page, QueryFailure, QueryOutcome, QuerySpec, MAX_LIMIT, MAX_PAGE_SIZE,
};
pub use write::RowWrite;

use super::bucket::BucketSize;
use super::cell::Deletion;
use arena::Arena;
use row::{Row, RowExtra};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const DEFAULT_GC_GRACE_SECONDS: u32 = 864_000;
/// Discord's setting once nightly repairs made a short grace safe.
pub const DISCORD_GC_GRACE_SECONDS: u32 = 172_800;
pub const TOMBSTONE_WARN_THRESHOLD: u32 = 1_000;
pub const TOMBSTONE_FAILURE_THRESHOLD: u32 = 100_000;
/// Caps keep the browser tab alive whatever a URL asks for.
pub const MAX_ROWS: usize = 6_000_000;
pub const MAX_CHANNELS: usize = 200_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreConfig {
    pub bucket: BucketSize,
    pub gc_grace_seconds: u32,
    pub warn_threshold: u32,
    pub failure_threshold: u32,
    /// Discord's fix for the edit/delete race: a row with a null author is
    /// corrupt, so reads delete it instead of returning it.
    pub repair_null_authors: bool,
    /// Discord's fix for sparse channels: remember buckets found empty.
    pub empty_bucket_cache: bool,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            bucket: BucketSize::default(),
            gc_grace_seconds: DEFAULT_GC_GRACE_SECONDS,
            warn_threshold: TOMBSTONE_WARN_THRESHOLD,
            failure_threshold: TOMBSTONE_FAILURE_THRESHOLD,
            repair_null_authors: false,
            empty_bucket_cache: false,
        }
    }
}

/// Snowflakes often share their low bits, so the hash must mix all of them.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn finish(&self) -> u64 {
        let mut k = self.0;
        k ^= k >> 33;
        k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
        k ^= k >> 33;
        k
    }
}

pub type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Clone, Debug, Default)]
pub struct Channel {
    pub id: u64,
    rows: Vec<Row>,
    extras: Vec<RowExtra>,
    /// Partition tombstones by bucket.
    partition_deletions: Vec<(u64, Deletion)>,
    /// Range tombstones (`message_id < X` in one bucket), highest bound first.
    ranges: Vec<RangeTombstone>,
    /// The newest row's ID, kept beside the vector so an append need not
    /// touch the vector's (probably uncached) tail to check order.
    newest: Option<u64>,
}

impl Channel {
    fn refresh_newest(&mut self) {
        self.newest = self.rows.last().map(|r| r.id);
    }

    fn partition_deletion(&self, bucket: u64) -> Option<Deletion> {
        self.partition_deletions
            .iter()
            .find(|(b, _)| *b == bucket)
            .map(|(_, d)| *d)
    }

    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The newest stored row's message ID (live or not).
    pub fn newest_id(&self) -> Option<u64> {
        self.rows.last().map(|r| r.id)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteCounters {
    pub inserts: u64,
    pub updates: u64,
    pub row_deletes: u64,
    pub partition_deletes: u64,
    #[serde(default)]
    pub range_deletes: u64,
    pub cell_tombstones_written: u64,
}

#[derive(Clone, Debug, Default)]
pub struct Store {
    channels: Vec<Channel>,
    index: IdMap<u32>,
    arena: Arena,
    config: StoreConfig,
    empty: EmptyBucketCache,
    counters: WriteCounters,
    rows: usize,
    /// TTL'd writes whose cells have not expired yet.
    expiring: Vec<Expiring>,
}

impl Store {
    pub fn new(config: StoreConfig) -> Store {
        Store {
            config,
            ..Store::default()
        }
    }

    pub fn config(&self) -> &StoreConfig {
        &self.config
    }

    pub fn counters(&self) -> WriteCounters {
        self.counters
    }

    pub fn empty_cache(&self) -> &EmptyBucketCache {
        &self.empty
    }

    pub fn set_grace(&mut self, seconds: u32) {
        self.config.gc_grace_seconds = seconds;
    }

    pub fn set_thresholds(&mut self, warn: u32, fail: u32) {
        self.config.warn_threshold = warn;
        self.config.failure_threshold = fail;
    }

    pub fn set_repair_null_authors(&mut self, on: bool) {
        self.config.repair_null_authors = on;
    }

    pub fn set_empty_bucket_cache(&mut self, on: bool) {
        self.config.empty_bucket_cache = on;
        if !on {
            self.empty.clear();
        }
    }

    /// Re-buckets the table. Rows keep their IDs, so only bucket-keyed state
    /// changes: partition and range tombstones (whose rows are already gone) and the
    /// empty-bucket cache are dropped.
    pub fn set_bucket_size(&mut self, size: BucketSize) {
        if size == self.config.bucket {
            return;
        }
        self.config.bucket = size;
        for ch in &mut self.channels {
            ch.partition_deletions.clear();
            ch.ranges.clear();
        }
        self.empty.clear();
    }

    pub fn channel(&self, id: u64) -> Option<&Channel> {
        self.index
            .get(&id)
            .and_then(|&i| self.channels.get(i as usize))
    }

    pub fn channel_ids(&self) -> Vec<u64> {
        self.channels.iter().map(|c| c.id).collect()
    }

    pub fn row_count(&self) -> usize {
        self.rows
    }

    /// The slot of a channel, created on first use. `None` past the channel cap.
    pub(super) fn slot(&mut self, id: u64) -> Option<usize> {
        if let Some(&i) = self.index.get(&id) {
            return Some(i as usize);
        }
        if self.channels.len() >= MAX_CHANNELS {
            return None;
        }
        let i = self.channels.len();
        self.channels.push(Channel {
            id,
            ..Channel::default()
        });
        self.index.insert(id, i as u32);
        Some(i)
    }

    /// Returns unused capacity after a bulk load, where it is worth a copy.
    pub fn shrink(&mut self) {
        fn worth<T>(v: &[T], cap: usize) -> bool {
            cap > v.len() + v.len() / 8 + 16
        }
        for ch in &mut self.channels {
            if worth(&ch.rows, ch.rows.capacity()) {
                ch.rows.shrink_to_fit();
            }
            if worth(&ch.extras, ch.extras.capacity()) {
                ch.extras.shrink_to_fit();
            }
        }
        if worth(&self.arena.bytes, self.arena.bytes.capacity()) {
            self.arena.bytes.shrink_to_fit();
        }
    }
}
