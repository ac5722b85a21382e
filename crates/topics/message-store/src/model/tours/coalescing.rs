//! 2023: data services between the API and the database coalesce concurrent
//! reads of the same channel into one query.

use super::super::action::Action;
use super::{channel_at, JUN_1_2016};
use techshack_core::tour::{Step, Tour};

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 8)
}

pub fn tour() -> Tour<Action> {
    let reads = Action::ConcurrentReads {
        channel: channel(),
        count: 100,
    };
    Tour {
        id: "request-coalescing".into(),
        title: "2023: request coalescing".into(),
        steps: vec![
            Step::new(
                "A big announcement in #events pings everyone; 100 people open #events at the same moment. Without coalescing, each request is its own database query.",
                vec![reads.clone()],
            )
            .predict("How many database queries do the 100 reads cost?", ANSWERS[0]),
            Step::new(
                "Discord's Rust data services route requests by a consistent hash of channel_id, so all 100 reach the same instance, which runs one query and shares the answer.",
                vec![Action::SetCoalescing(true), reads],
            )
            .predict("And now?", ANSWERS[1]),
        ],
    }
}

const ANSWERS: [&str; 2] = [
    "100: one per request.",
    "1: all 100 requests reach data-service instance 2, which queries once.",
];

#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    use super::super::playground::Outcome;
    let Outcome::Coalesced(r) = p.outcome() else {
        return None;
    };
    let inst = p.services().route(channel());
    match step {
        0 => Some(format!("{}: one per request.", r.db_queries)),
        1 => Some(format!(
            "{}: all {} requests reach data-service instance {inst}, which queries once.",
            r.db_queries, r.requests
        )),
        _ => None,
    }
}
