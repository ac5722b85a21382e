//! Zombie data: a replica that missed a delete, not repaired within
//! gc_grace_seconds, brings the message back once the others have dropped
//! the tombstone.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::super::playground::{Playground, DEFAULT_NOW_MS};
use super::{channel_at, first_message_id, AUTHOR, HOUR_MS, JUN_1_2016};
use techshack_core::tour::{Step, Tour};

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

pub fn tour() -> Tour<Action> {
    let at = DEFAULT_NOW_MS - HOUR_MS;
    let id = first_message_id(channel(), at);
    let node = victim(id);
    Tour {
        id: "zombie".into(),
        title: "Zombie messages".into(),
        steps: vec![
            Step::new(
                format!(
                    "A message in #off-topic is written to its 3 replicas. Then node {node}, one of them, goes down. Four hours later the message is deleted."
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
                    Action::DeleteMessage {
                        channel: channel(),
                        message: id,
                    },
                ],
            )
            .predict(format!("Does the coordinator keep a hint for node {node}?"), ANSWERS[0]),
            Step::new(
                format!(
                    "Ten days pass (gc_grace_seconds) without a repair. The other replicas compact the tombstone away. Then node {node} comes back and #off-topic is read at ALL."
                ),
                vec![
                    Action::AdvanceClock { seconds: 864_000 + 3600 },
                    Action::Compact,
                    Action::NodeUp(node),
                    Action::SetReadCl(Consistency::All),
                    Action::ClusterRead {
                        channel: channel(),
                        limit: 50,
                    },
                ],
            )
            .predict("Does the deleted message come back?", ANSWERS[1]),
        ],
    }
}

const ANSWERS: [&str; 2] = [
    "No: it has been down longer than max_hint_window (3 hours), so node 5 misses the delete.",
    "Yes: 1 message. Nothing else remembers the delete, and read repair copies it back to 2 replicas.",
];

#[cfg(test)]
pub fn answer(step: usize, p: &Playground) -> Option<String> {
    use super::super::playground::Outcome;
    match (step, p.outcome()) {
        (0, Outcome::Wrote { cluster: Some(w), .. }) => Some(format!(
            "{}: it has been down longer than max_hint_window (3 hours), so node {} misses the delete.",
            if w.hinted.is_empty() { "No" } else { "Yes" },
            w.missed.first()?
        )),
        (1, Outcome::ClusterRead(r)) => Some(format!(
            "Yes: {} message. Nothing else remembers the delete, and read repair copies it back to {} replicas.",
            r.rows.len(),
            r.partitions.first()?.repaired.len()
        )),
        _ => None,
    }
}
