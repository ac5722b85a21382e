//! 2023: data services between the API and the database coalesce concurrent
//! reads of the same channel into one query.

use super::super::action::Action;
use super::super::coalesce::CoalesceReport;
use super::super::playground::{Outcome, Playground};
use super::{channel_at, Script, Scripted, JUN_1_2016};
use techshack_core::tour::Guess;

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 8)
}

pub fn script() -> Scripted {
    let reads = || Action::ConcurrentReads {
        channel: channel(),
        count: 100,
    };
    Script::new("request-coalescing", "2023: request coalescing")
        .seed("In 2023, data services in Rust let concurrent reads of one channel share one database query.")
        .bet(
            "A big announcement in #events pings everyone; 100 people open #events at the same moment. Coalescing is off: the services in front of the database pass requests on as they come.",
            vec![],
            "How many database queries will the 100 reads cost?",
            vec![reads()],
            |_, p| Guess::choice(&QUERY_CHOICES, queries_case(p)),
            |_, p| coalesced(p).map_or_else(String::new, |r| format!("{}: one per request.", r.db_queries)),
        )
        .bet(
            "Discord's Rust data services route requests by a consistent hash of channel_id, and an instance shares one query's answer among the requests for the same data that arrive while it runs. Coalescing is on; the same 100 people open #events.",
            vec![Action::SetCoalescing(true)],
            "How many database queries now?",
            vec![reads()],
            |_, p| Guess::choice(&QUERY_CHOICES, queries_case(p)),
            |_, p| coalesced(p).map_or_else(String::new, |r| format!(
                "{}: all {} requests reach data-service instance {}, which queries once.",
                r.db_queries,
                r.requests,
                p.services().route(channel())
            )),
        )
        .finish()
}

const QUERY_CHOICES: [&str; 3] = ["100: one per request", "One per data-service instance", "1"];

fn coalesced(p: &Playground) -> Option<&CoalesceReport> {
    match p.outcome() {
        Outcome::Coalesced(r) => Some(r),
        _ => None,
    }
}

/// Which of `QUERY_CHOICES` the last burst of reads cost.
fn queries_case(p: &Playground) -> usize {
    match coalesced(p) {
        Some(r) if r.db_queries == 1 => 2,
        Some(r) if r.db_queries < r.requests => 1,
        _ => 0,
    }
}
