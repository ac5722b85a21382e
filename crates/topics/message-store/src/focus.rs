//! What the timeline and the partition view look at, and where a change or
//! a restored playground says to look.

use super::model::{self, Action, Playground};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What the timeline and the partition view show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Focus {
    pub channel: u64,
    /// `None`: the channel's newest partition.
    pub bucket: Option<u64>,
}

/// Where a playground's own history says to look: its last channel.
pub fn focus_of(pg: &Playground) -> Focus {
    let fresh = Playground::new();
    let last = pg.actions().iter().rev().find_map(|a| match a {
        Action::GenerateWorkload { .. } => Some(None),
        _ => focus_after(a, &fresh).map(|f| Some(f.channel)),
    });
    let channel = match last {
        // After a generation, its busiest channel.
        Some(None) => pg.store().busiest_channels(1).first().map(|b| b.0),
        Some(Some(c)) => Some(c),
        None => None,
    };
    Focus {
        channel: channel.unwrap_or(model::channels::PLAYGROUND),
        bucket: None,
    }
}

/// The read the playground has on screen, kept current by the model.
pub fn read_of(pg: &Playground) -> Option<Rc<model::Outcome>> {
    pg.shown_read().map(|r| r.outcome.clone())
}

/// The panel's read after a change, with the stamp the timeline keys its
/// walk animation on: a read a person just ran gets `stamp`; the same read,
/// or the same read made again after a write, keeps its stamp, so the walk
/// is not replayed after every change.
pub fn next_read(
    prev: Option<(Rc<model::Outcome>, u64)>,
    pg: &Playground,
    stamp: u64,
) -> Option<(Rc<model::Outcome>, u64)> {
    let shown = pg.shown_read()?;
    let kept = prev
        .filter(|(o, _)| Rc::ptr_eq(o, &shown.outcome) || shown.updated_after.is_some())
        .map(|(_, v)| v);
    Some((shown.outcome.clone(), kept.unwrap_or(stamp)))
}

/// The channel a change was about; a partition when it named one.
pub fn focus_after(action: &Action, pg: &Playground) -> Option<Focus> {
    let size = pg.store().config().bucket;
    let (channel, bucket) = match action {
        Action::WriteMessage { channel, .. }
        | Action::WriteExpiring { channel, .. }
        | Action::Burst { channel, .. }
        | Action::DeleteNewest { channel, .. }
        | Action::Query { channel, .. }
        | Action::ClusterRead { channel, .. }
        | Action::HotReads { channel, .. }
        | Action::ConcurrentReads { channel, .. } => (*channel, None),
        Action::EditMessage {
            channel, message, ..
        }
        | Action::DeleteMessage { channel, message } => (*channel, Some(size.bucket(*message))),
        Action::DeleteBucket { channel, bucket }
        | Action::DeleteHistory {
            channel, bucket, ..
        } => (*channel, Some(*bucket)),
        _ => return None,
    };
    Some(Focus { channel, bucket })
}
