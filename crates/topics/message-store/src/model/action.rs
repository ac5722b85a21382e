//! Every user-level change the panel can make. The UI's reducer, the tours
//! and the URL snapshot all speak in these.

use super::cluster::Consistency;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// INSERT a message created at Unix time `at` (ms). The clock moves
    /// forward to `at` if it is later.
    WriteMessage {
        channel: u64,
        author: u64,
        content: String,
        at: u64,
    },
    /// UPDATE only the content, as Discord's edit did.
    EditMessage {
        channel: u64,
        message: u64,
        content: String,
    },
    DeleteMessage {
        channel: u64,
        message: u64,
    },
    /// A partition delete: `DELETE ... WHERE channel_id = ? AND bucket = ?`.
    DeleteBucket {
        channel: u64,
        bucket: u64,
    },
    /// `count` messages starting now, `spacing_ms` apart (single-node only).
    Burst {
        channel: u64,
        author: u64,
        count: u32,
        spacing_ms: u64,
    },
    /// Deletes the newest `count` live messages one by one, as a bulk delete
    /// through the API would (single-node only).
    DeleteNewest {
        channel: u64,
        count: u32,
    },
    GenerateWorkload {
        seed: u64,
        messages: u64,
        channels: u32,
    },
    /// Write all 16 columns, nulls included (each null is a tombstone).
    WriteNullColumns(bool),
    Query {
        channel: u64,
        limit: u32,
        before: Option<u64>,
    },
    NextPage,
    ResumePage {
        paging_state: String,
    },
    SetPageSize(u32),
    SetBucketDays(u32),
    SetGrace(u32),
    Compact,
    AdvanceClock {
        seconds: u64,
    },
    EnableEmptyBucketCache(bool),
    RepairNullAuthors(bool),
    SetNodes(u32),
    SetRf(u32),
    SetReadCl(Consistency),
    SetWriteCl(Consistency),
    NodeDown(u32),
    NodeUp(u32),
    Repair,
    ClusterRead {
        channel: u64,
        limit: u32,
    },
    /// `reads` concurrent reads of a channel's current bucket.
    HotReads {
        channel: u64,
        reads: u32,
    },
    SetCoalescing(bool),
    SetDataServices(u32),
    /// `count` concurrent reads of one channel through the data services.
    ConcurrentReads {
        channel: u64,
        count: u32,
    },
    LoadScenario(String),
    Reset,
    // New variants go last: links and the scenario fixture store a
    // variant's position.
    /// `INSERT … USING TTL ttl`: the message expires `ttl` seconds after it
    /// is written (single-node only).
    WriteExpiring {
        channel: u64,
        author: u64,
        content: String,
        at: u64,
        ttl: u32,
    },
    /// A range delete of a channel's history in one bucket:
    /// `DELETE … WHERE channel_id = ? AND bucket = ? AND message_id < before`
    /// (single-node only).
    DeleteHistory {
        channel: u64,
        bucket: u64,
        before: u64,
    },
}

impl Action {
    /// Whether the read on screen must be read again after this action,
    /// and the change's name for the note that says it was ("Updated after
    /// your delete"). Every change to what the store holds, or to how a
    /// read sees it (buckets, grace, the clock, the cache, the repair),
    /// does; reads, the null-columns switch and the cluster's own actions
    /// leave the single-node store as it was.
    pub fn rereads_after(&self) -> Option<&'static str> {
        Some(match self {
            Action::WriteMessage { .. } | Action::WriteExpiring { .. } => "your write",
            Action::DeleteHistory { .. } => "the range delete",
            Action::EditMessage { .. } => "your edit",
            Action::DeleteMessage { .. } => "your delete",
            Action::DeleteBucket { .. } => "the partition delete",
            Action::Burst { .. } => "the burst",
            Action::DeleteNewest { .. } => "the bulk delete",
            Action::GenerateWorkload { .. } => "the generated messages",
            Action::SetBucketDays(_) => "the bucket-size change",
            Action::SetGrace(_) => "the gc_grace_seconds change",
            Action::Compact => "compaction",
            Action::AdvanceClock { .. } => "the clock moved on",
            Action::EnableEmptyBucketCache(_) => "the empty-bucket cache switch",
            Action::RepairNullAuthors(_) => "the null-author repair switch",
            _ => return None,
        })
    }

    /// Actions a snapshot may carry (a link cannot nest scenarios or resets).
    pub fn replayable(&self) -> bool {
        !matches!(self, Action::LoadScenario(_) | Action::Reset)
    }
}
