//! From fuzz actions to model actions: channels and messages picked among
//! those the session has seen, sizes folded under `ROW_CAP`.

use super::input::{At, Channel, Cl, FAction, Message};
use super::{
    DEFAULT_CHANNEL, MAX_BURST, MAX_CONCURRENT, MAX_HOT_READS, MAX_LIMIT, MAX_MESSAGES, ROW_CAP,
};
use crate::bounded;
use topic_message_store::model::cluster::Consistency;
use topic_message_store::model::{Action, Playground};

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
