//! Zombie data: a replica that missed a delete, not repaired within
//! gc_grace_seconds, brings the message back once the others have dropped
//! the tombstone.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::super::playground::Outcome;
use super::super::playground::{Playground, DEFAULT_NOW_MS};
use super::{channel_at, first_message_id, Script, Scripted, AUTHOR, HOUR_MS, JUN_1_2016};
use techshack_core::tour::Guess;

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 9)
}

/// The first replica of the message's partition: the node that goes down.
pub fn victim(id: u64) -> u32 {
    let p = Playground::new();
    let bucket = p.store().config().bucket.bucket(id);
    p.cluster()
        .replicas(channel(), bucket)
        .first()
        .copied()
        .unwrap_or(0)
}

pub fn script() -> Scripted {
    let at = DEFAULT_NOW_MS - HOUR_MS;
    let id = first_message_id(channel(), at);
    let node = victim(id);
    Script::new("zombie", "Zombie messages")
        .seed("A delete must reach every replica within gc_grace_seconds, or the deleted message comes back.")
        .bet(
            format!(
                "A message in #off-topic is written to its 3 replicas. Then node {node}, one of them, goes down. Four hours pass; now the message is deleted."
            ),
            vec![
                Action::WriteMessage {
                    channel: channel(),
                    author: AUTHOR,
                    content: "this will come back".into(),
                    at,
                },
                Action::NodeDown(node),
                Action::AdvanceClock { seconds: 4 * 3600 },
            ],
            &format!("Will the coordinator keep a hint for node {node}?"),
            vec![Action::DeleteMessage {
                channel: channel(),
                message: id,
            }],
            |_, p| Guess::choice(&HINT_CHOICES, usize::from(!hinted(p))),
            |_, p| {
                let Outcome::Wrote { cluster: Some(w), .. } = p.outcome() else {
                    return String::new();
                };
                format!(
                    "{}: it has been down longer than max_hint_window (3 hours), so node {} misses the delete.",
                    if w.hinted.is_empty() { "No" } else { "Yes" },
                    w.missed.first().copied().unwrap_or_default()
                )
            },
        )
        .bet(
            format!(
                "Ten days pass (gc_grace_seconds) without a repair. The other replicas compact the tombstone away. Then node {node} comes back, and #off-topic is read at ALL."
            ),
            vec![
                Action::AdvanceClock {
                    seconds: 864_000 + 3600,
                },
                Action::Compact,
                Action::NodeUp(node),
                Action::SetReadCl(Consistency::All),
            ],
            "Will the deleted message come back?",
            vec![Action::ClusterRead {
                channel: channel(),
                limit: 50,
            }],
            |_, p| Guess::choice(&BACK_CHOICES, back_case(p)),
            |_, p| {
                let Outcome::ClusterRead(r) = p.outcome() else {
                    return String::new();
                };
                format!(
                    "Yes: {} message. Nothing else remembers the delete, and read repair copies it back to {} replicas.",
                    r.rows.len(),
                    r.partitions.first().map_or(0, |x| x.repaired.len())
                )
            },
        )
        .finish()
}

const HINT_CHOICES: [&str; 2] = [
    "Yes: the node gets the delete when it is back",
    "No: it has been down too long, so it misses the delete",
];

/// Whether the last write left a hint for a node that is down.
fn hinted(p: &Playground) -> bool {
    matches!(p.outcome(), Outcome::Wrote { cluster: Some(w), .. } if !w.hinted.is_empty())
}

const BACK_CHOICES: [&str; 3] = [
    "No: the delete wins",
    "Only on the node that missed the delete",
    "Yes: the read returns it and repairs it onto the other replicas",
];

/// Which of `BACK_CHOICES` the last read at ALL did.
fn back_case(p: &Playground) -> usize {
    match p.outcome() {
        Outcome::ClusterRead(r) if !r.rows.is_empty() => {
            if r.partitions.iter().any(|x| !x.repaired.is_empty()) {
                2
            } else {
                1
            }
        }
        _ => 0,
    }
}
