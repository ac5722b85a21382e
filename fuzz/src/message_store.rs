//! Message-store sessions from fuzz bytes, and restoring a link the way the
//! panel does (in steps, generating workloads in slices).

use crate::bounded;
use arbitrary::Arbitrary;
use topic_message_store::model::cluster::Consistency;
use topic_message_store::model::snapshot::Restoring;
use topic_message_store::model::{Action, Outcome, Playground, Snapshot};

/// Actions a session applies at most.
pub const MAX_ACTIONS: usize = 48;
/// Rows a fuzz input may make in total (bursts and workloads), so one input
/// takes milliseconds, not seconds; larger legal requests are folded below it.
pub const ROW_CAP: u64 = 5_000;
/// The panel's default channel (Discord's API docs example).
pub const DEFAULT_CHANNEL: u64 = 175_928_847_299_117_063;

const MAX_BURST: u64 = 200_000;
const MAX_MESSAGES: u64 = 5_000_000;
const MAX_LIMIT: u64 = 1_000_000;
const MAX_HOT_READS: u64 = 100_000;
const MAX_CONCURRENT: u64 = 10_000;

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

fn cl(c: Cl) -> Consistency {
    match c {
        Cl::One => Consistency::One,
        Cl::Quorum => Consistency::Quorum,
        Cl::All => Consistency::All,
    }
}

/// What a session has seen, to refer back to.
#[derive(Default)]
pub struct Seen {
    pub written: Vec<u64>,
    /// Rows asked for so far (bursts, workloads), against `ROW_CAP`.
    pub rows: u64,
}

impl Seen {
    fn rows(&mut self, asked: u64, max: u64) -> u64 {
        let left = ROW_CAP.saturating_sub(self.rows);
        let n = bounded(asked, left, max);
        if n <= max {
            self.rows += n;
        }
        n
    }
}

fn channel(c: &Channel, pg: &Playground) -> u64 {
    match c {
        Channel::Default => DEFAULT_CHANNEL,
        Channel::Existing(i) => {
            let ids = pg.store().channel_ids();
            if ids.is_empty() {
                DEFAULT_CHANNEL
            } else {
                ids[usize::from(*i) % ids.len()]
            }
        }
        Channel::Any(v) => *v,
    }
}

fn message(m: &Message, channel: u64, pg: &Playground, seen: &Seen) -> u64 {
    match m {
        Message::Written(i) if !seen.written.is_empty() => {
            seen.written[usize::from(*i) % seen.written.len()]
        }
        Message::Written(_) | Message::Newest => pg
            .store()
            .newest_live_ids(channel, 1, pg.now_ms())
            .first()
            .copied()
            .unwrap_or(1),
        Message::Any(v) => *v,
    }
}

/// The model action `a` stands for, given the session so far.
pub fn resolve(a: &FAction, pg: &Playground, seen: &Seen) -> Action {
    let now = pg.now_ms();
    match a {
        FAction::WriteMessage {
            channel: c,
            author,
            content,
            at,
        } => Action::WriteMessage {
            channel: channel(c, pg),
            author: *author,
            content: content.clone(),
            at: match at {
                At::After(d) => now.saturating_add(u64::from(*d)),
                At::Before(d) => now.saturating_sub(u64::from(*d)),
                At::Any(v) => *v,
            },
        },
        FAction::EditMessage {
            channel: c,
            message: m,
            content,
        } => {
            let ch = channel(c, pg);
            Action::EditMessage {
                channel: ch,
                message: message(m, ch, pg, seen),
                content: content.clone(),
            }
        }
        FAction::DeleteMessage {
            channel: c,
            message: m,
        } => {
            let ch = channel(c, pg);
            Action::DeleteMessage {
                channel: ch,
                message: message(m, ch, pg, seen),
            }
        }
        FAction::DeleteBucket { channel: c, bucket } => Action::DeleteBucket {
            channel: channel(c, pg),
            bucket: *bucket,
        },
        FAction::WriteExpiring {
            channel: c,
            author,
            content,
            ttl,
        } => Action::WriteExpiring {
            channel: channel(c, pg),
            author: *author,
            content: content.clone(),
            at: now,
            ttl: *ttl,
        },
        FAction::DeleteHistory {
            channel: c,
            bucket,
            before,
        } => {
            let ch = channel(c, pg);
            Action::DeleteHistory {
                channel: ch,
                bucket: *bucket,
                before: message(before, ch, pg, seen),
            }
        }
        FAction::Burst {
            channel: c,
            author,
            count,
            spacing_ms,
        } => Action::Burst {
            channel: channel(c, pg),
            author: *author,
            count: *count,
            spacing_ms: *spacing_ms,
        },
        FAction::DeleteNewest { channel: c, count } => Action::DeleteNewest {
            channel: channel(c, pg),
            count: *count,
        },
        FAction::GenerateWorkload {
            seed,
            messages,
            channels,
        } => Action::GenerateWorkload {
            seed: *seed,
            messages: *messages,
            channels: *channels,
        },
        FAction::WriteNullColumns(b) => Action::WriteNullColumns(*b),
        FAction::Query {
            channel: c,
            limit,
            before,
        } => {
            let ch = channel(c, pg);
            Action::Query {
                channel: ch,
                limit: *limit,
                before: before.as_ref().map(|m| message(m, ch, pg, seen)),
            }
        }
        FAction::NextPage => Action::NextPage,
        FAction::ResumePage(raw) => Action::ResumePage {
            paging_state: match raw {
                Some(s) => s.clone(),
                None => pg.paging_state().unwrap_or_default().to_string(),
            },
        },
        FAction::SetPageSize(n) => Action::SetPageSize(*n),
        FAction::SetBucketDays(n) => Action::SetBucketDays(*n),
        FAction::SetGrace(n) => Action::SetGrace(*n),
        FAction::Compact => Action::Compact,
        FAction::AdvanceClock(s) => Action::AdvanceClock { seconds: *s },
        FAction::EnableEmptyBucketCache(b) => Action::EnableEmptyBucketCache(*b),
        FAction::RepairNullAuthors(b) => Action::RepairNullAuthors(*b),
        FAction::SetNodes(n) => Action::SetNodes(*n),
        FAction::SetRf(n) => Action::SetRf(*n),
        FAction::SetReadCl(c) => Action::SetReadCl(cl(*c)),
        FAction::SetWriteCl(c) => Action::SetWriteCl(cl(*c)),
        FAction::NodeDown(n) => Action::NodeDown(*n),
        FAction::NodeUp(n) => Action::NodeUp(*n),
        FAction::Repair => Action::Repair,
        FAction::ClusterRead { channel: c, limit } => Action::ClusterRead {
            channel: channel(c, pg),
            limit: *limit,
        },
        FAction::HotReads { channel: c, reads } => Action::HotReads {
            channel: channel(c, pg),
            reads: *reads,
        },
        FAction::SetCoalescing(b) => Action::SetCoalescing(*b),
        FAction::SetDataServices(n) => Action::SetDataServices(*n),
        FAction::ConcurrentReads { channel: c, count } => Action::ConcurrentReads {
            channel: channel(c, pg),
            count: *count,
        },
        FAction::LoadScenario(Ok(i)) => {
            let tours = topic_message_store::model::tours();
            Action::LoadScenario(tours[usize::from(*i) % tours.len()].id.to_string())
        }
        FAction::LoadScenario(Err(s)) => Action::LoadScenario(s.clone()),
        FAction::Reset => Action::Reset,
    }
}

/// Folds the sizes of `a` so a whole input stays within `ROW_CAP` new rows
/// and a few thousand reads (see `bounded`).
pub fn fold(a: &mut Action, seen: &mut Seen) {
    let small = |v: &mut u32, cap: u64, max: u64| *v = bounded(u64::from(*v), cap, max) as u32;
    match a {
        Action::Burst { count, .. } => *count = seen.rows(u64::from(*count), MAX_BURST) as u32,
        Action::GenerateWorkload { messages, .. } => *messages = seen.rows(*messages, MAX_MESSAGES),
        Action::DeleteNewest { count, .. } => small(count, ROW_CAP, MAX_BURST),
        Action::Query { limit, .. } | Action::ClusterRead { limit, .. } => {
            small(limit, ROW_CAP, MAX_LIMIT)
        }
        Action::HotReads { reads, .. } => small(reads, 2_000, MAX_HOT_READS),
        Action::ConcurrentReads { count, .. } => small(count, 2_000, MAX_CONCURRENT),
        Action::LoadScenario(_) => {
            // Scenarios replay a whole tour; one or two per input is plenty.
            seen.rows = seen.rows.max(ROW_CAP / 2);
        }
        _ => {}
    }
}

/// A fuzz input: structured actions (`arbitrary`), or, after a first byte
/// `LITERAL`, the postcard bytes of a list of model actions (tours, found
/// crashes).
pub enum Script {
    Fuzz(Session),
    Literal(Vec<Action>),
}

pub const LITERAL: u8 = 0xFF;

impl Script {
    pub fn from_bytes(data: &[u8]) -> Option<Script> {
        match data.split_first() {
            Some((&LITERAL, rest)) => postcard::from_bytes(rest).ok().map(Script::Literal),
            _ => Session::arbitrary_take_rest(arbitrary::Unstructured::new(data))
                .ok()
                .map(Script::Fuzz),
        }
    }

    pub fn literal_bytes(actions: &[Action]) -> Vec<u8> {
        let mut out = vec![LITERAL];
        out.extend(postcard::to_allocvec(actions).expect("plain data serialises"));
        out
    }
}

/// Plays a script; every refused action must leave the playground as it
/// was (compared by what a link and the CQL export would show).
pub fn play(script: &Script) -> Playground {
    let mut pg = Playground::new();
    let mut seen = Seen::default();
    let steps = match script {
        Script::Fuzz(s) => s.actions.len(),
        Script::Literal(a) => a.len(),
    };
    for k in 0..steps.min(MAX_ACTIONS) {
        let mut action = match script {
            Script::Fuzz(s) => resolve(&s.actions[k], &pg, &seen),
            Script::Literal(a) => a[k].clone(),
        };
        fold(&mut action, &mut seen);
        let before = (pg.snapshot(), pg.statements().len(), pg.store().row_count());
        match pg.apply(&action) {
            Ok(()) => {
                if let Outcome::Wrote {
                    message_id: Some(id),
                    ..
                } = pg.outcome()
                {
                    seen.written.push(*id);
                }
            }
            Err(_) => {
                let after = (pg.snapshot(), pg.statements().len(), pg.store().row_count());
                assert!(
                    after == before,
                    "the refused {action:?} changed the playground"
                );
            }
        }
    }
    pg
}

/// Restores a link as the panel does: `restore_in_steps`, then each
/// generated workload in slices and the rest of the link after it.
/// `Ok(None)` if the link asks for more than `4 × ROW_CAP` new rows (legal,
/// but too slow for a fuzz input; the workload tests cover it); `Err` with
/// the panel's message if it refuses the link.
pub fn restore_like_the_panel(s: Snapshot) -> Result<Option<Playground>, String> {
    let generated: u64 = s
        .actions
        .iter()
        .map(|a| match a {
            Action::GenerateWorkload { messages, .. } => *messages,
            Action::Burst { count, .. } => u64::from(*count),
            _ => 0,
        })
        .sum();
    if generated > ROW_CAP * 4 {
        return Ok(None);
    }
    let (mut pg, restoring) = Playground::restore_in_steps(s).map_err(|e| e.to_string())?;
    let Some(mut r): Option<Restoring> = restoring else {
        return Ok(Some(pg));
    };
    loop {
        while pg.workload_progress().is_some() {
            match pg.workload_step(1_000) {
                Ok(p) if p.finished => break,
                Ok(_) => {}
                Err(e) => return Err(e.to_string()),
            }
        }
        if pg.resume_restore(&mut r).map_err(|e| e.to_string())? {
            return Ok(Some(pg));
        }
    }
}
