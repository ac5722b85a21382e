//! What `arbitrary` reads from fuzz bytes: actions that name channels and
//! messages by what the session has seen, resolved to model actions in
//! `resolve`.

use arbitrary::Arbitrary;

#[derive(Arbitrary, Debug)]
pub enum Channel {
    Default,
    Existing(u8),
    Any(u64),
}

#[derive(Arbitrary, Debug)]
pub enum Message {
    /// One of the ids this session wrote.
    Written(u8),
    Newest,
    Any(u64),
}

#[derive(Arbitrary, Debug)]
pub enum At {
    /// Milliseconds after the clock.
    After(u32),
    /// Milliseconds before it.
    Before(u32),
    Any(u64),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Cl {
    One,
    Quorum,
    All,
}

#[derive(Arbitrary, Debug)]
pub enum FAction {
    WriteMessage {
        channel: Channel,
        author: u64,
        content: String,
        at: At,
    },
    EditMessage {
        channel: Channel,
        message: Message,
        content: String,
    },
    DeleteMessage {
        channel: Channel,
        message: Message,
    },
    DeleteBucket {
        channel: Channel,
        bucket: u64,
    },
    WriteExpiring {
        channel: Channel,
        author: u64,
        content: String,
        ttl: u32,
    },
    DeleteHistory {
        channel: Channel,
        bucket: u64,
        before: Message,
    },
    Burst {
        channel: Channel,
        author: u64,
        count: u32,
        spacing_ms: u64,
    },
    DeleteNewest {
        channel: Channel,
        count: u32,
    },
    GenerateWorkload {
        seed: u64,
        messages: u64,
        channels: u32,
    },
    WriteNullColumns(bool),
    Query {
        channel: Channel,
        limit: u32,
        before: Option<Message>,
    },
    NextPage,
    /// The paging state the last page handed out, or raw text.
    ResumePage(Option<String>),
    SetPageSize(u32),
    SetBucketDays(u32),
    SetGrace(u32),
    Compact,
    AdvanceClock(u64),
    EnableEmptyBucketCache(bool),
    RepairNullAuthors(bool),
    SetNodes(u32),
    SetRf(u32),
    SetReadCl(Cl),
    SetWriteCl(Cl),
    NodeDown(u32),
    NodeUp(u32),
    Repair,
    ClusterRead {
        channel: Channel,
        limit: u32,
    },
    HotReads {
        channel: Channel,
        reads: u32,
    },
    SetCoalescing(bool),
    SetDataServices(u32),
    ConcurrentReads {
        channel: Channel,
        count: u32,
    },
    /// A tour's scenario by index, or a raw id.
    LoadScenario(Result<u8, String>),
    Reset,
}

#[derive(Arbitrary, Debug)]
pub struct Session {
    pub actions: Vec<FAction>,
}
