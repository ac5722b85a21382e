//! A hot partition at QUORUM: every read of one busy channel lands on the
//! same replicas, which slows everything else they hold.

use super::super::action::Action;
use super::super::cluster::Consistency;
use super::super::cluster::HotReadReport;
use super::super::playground::{Outcome, Playground};
use super::{channel_at, Script, Scripted, JUN_1_2016};
use techshack_core::tour::Guess;

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 7)
}

pub fn script() -> Scripted {
    let hot = || Action::HotReads {
        channel: channel(),
        reads: 3000,
    };
    Script::new("hot-partition", "Hot partition at QUORUM")
        .seed("At QUORUM, a hot partition slows every request on its replicas.")
        .bet(
            "6 nodes, replication factor 3, reads and writes at QUORUM, as Discord ran. A big server's announcement channel, #server-news, is about to get 3,000 reads at once.",
            vec![],
            "How many requests will each node serve?",
            vec![hot()],
            |_, p| Guess::choice(&SPREAD_CHOICES, spread(p)),
            |_, p| {
                let Some((r, each, idle)) = load(p) else {
                    return String::new();
                };
                let busy: Vec<String> = r.replicas.iter().map(|n| n.to_string()).collect();
                format!(
                    "{each} each on nodes {} (its replicas, {} per read); the other {idle} nodes serve none.",
                    busy.join(", "),
                    r.required
                )
            },
        )
        .bet(
            "Next, reads drop to consistency ONE (writes stay at QUORUM), and the same 3,000 reads arrive.",
            vec![],
            "What happens to each replica's load, and to the reads' consistency?",
            vec![Action::SetReadCl(Consistency::One), hot()],
            |before, p| Guess::choice(&ONE_CHOICES, one_case(before, p)),
            |_, p| {
                let Some((r, each, _)) = load(p) else {
                    return String::new();
                };
                format!(
                    "{each} each on the same replicas. With writes at QUORUM, R + W = {} is not more than RF {}, so {}.",
                    r.required + p.cluster().write_cl.required(p.cluster().rf()),
                    p.cluster().rf(),
                    if p.cluster().is_strong() { "reads are strong" } else { "a read may miss the latest write" }
                )
            },
        )
        .finish()
}

/// The last hot burst, what its first replica served, and how many nodes
/// served none.
fn load(p: &Playground) -> Option<(&HotReadReport, u64, usize)> {
    let Outcome::HotReads(r) = p.outcome() else {
        return None;
    };
    let each = *r.per_node.get(*r.replicas.first()? as usize)?;
    let idle = r.per_node.iter().filter(|n| **n == 0).count();
    Some((r, each, idle))
}

const SPREAD_CHOICES: [&str; 3] = [
    "500 each: every node takes a share",
    "1,000 each on its 3 replicas, none on the rest",
    "2,000 each on its 3 replicas, none on the rest",
];

/// Which of `SPREAD_CHOICES` the burst did: spread over every node, or on
/// the replicas with one or two of them per read.
fn spread(p: &Playground) -> usize {
    match load(p) {
        Some((_, _, 0)) | None => 0,
        Some((r, ..)) if r.required <= 1 => 1,
        Some(_) => 2,
    }
}

const ONE_CHOICES: [&str; 3] = [
    "Half the load, and reads stay strong",
    "Half the load, but a read may miss the latest write",
    "The same load: every replica still answers every read",
];

/// Which of `ONE_CHOICES` happened between two hot bursts.
fn one_case(before: &Playground, after: &Playground) -> usize {
    match (load(before), load(after)) {
        (Some((_, b, _)), Some((_, a, _))) if a < b => usize::from(!after.cluster().is_strong()),
        _ => 2,
    }
}
