//! A hot partition at QUORUM: every read of one busy channel lands on the
//! same replicas, which slows everything else they hold.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::{channel_at, JUN_1_2016};
use techshack_core::tour::{Step, Tour};

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 7)
}

pub fn tour() -> Tour<Action> {
    let hot = Action::HotReads {
        channel: channel(),
        reads: 3000,
    };
    Tour {
        id: "hot-partition".into(),
        title: "Hot partition at QUORUM".into(),
        steps: vec![
            Step::new(
                "6 nodes, replication factor 3, reads and writes at QUORUM, as Discord ran. A big server's announcement channel, #server-news, gets 3,000 reads at once.",
                vec![hot.clone()],
            )
            .predict("How many requests does each node serve?", ANSWERS[0]),
            Step::new("Drop reads to consistency ONE.", vec![Action::SetReadCl(Consistency::One), hot])
                .predict("How many requests does each replica serve now, and is the read still strong?", ANSWERS[1]),
        ],
    }
}

const ANSWERS: [&str; 2] = [
    "2000 each on nodes 1, 5, 0 (its replicas, 2 per read); the other 3 nodes serve none.",
    "1000 each on the same replicas. With writes at QUORUM, R + W = 3 is not more than RF 3, so a read may miss the latest write.",
];

#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    use super::super::playground::Outcome;
    let Outcome::HotReads(r) = p.outcome() else {
        return None;
    };
    let busy: Vec<String> = r.replicas.iter().map(|n| n.to_string()).collect();
    let each = r.per_node.get(*r.replicas.first()? as usize)?;
    let idle = r.per_node.iter().filter(|n| **n == 0).count();
    match step {
        0 => Some(format!(
            "{each} each on nodes {} (its replicas, {} per read); the other {idle} nodes serve none.",
            busy.join(", "),
            r.required
        )),
        1 => Some(format!(
            "{each} each on the same replicas. With writes at QUORUM, R + W = {} is not more than RF {}, so {}.",
            r.required + p.cluster().write_cl.required(p.cluster().rf()),
            p.cluster().rf(),
            if p.cluster().is_strong() { "reads are strong" } else { "a read may miss the latest write" }
        )),
        _ => None,
    }
}
