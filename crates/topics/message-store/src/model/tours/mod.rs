//! Guided scenarios. Each is a `Tour<Action>` the UI replays step by step,
//! built with the core's `tour::Script`: every question is a bet whose
//! setup sets the scene and whose reveal produces the answer, and each bet's
//! right choice and explanation are read off the model as the tour is
//! played (the native tests, `tests/tour_tests.rs`, replay and recheck them).

mod busy_quiet;
mod coalescing;
mod edit_race;
mod hot_partition;
mod id_to_bucket;
mod incident;
mod null_columns;
mod your_turn;
mod zombie;

use super::action::Action;
use super::playground::{Outcome, Playground};
use super::snowflake::Snowflake;
use techshack_core::state::url_codec::decode;
use techshack_core::tour::{self, Tour};

/// A message-store tour being written, played on a live playground.
type Script = tour::Script<Playground>;
/// A tour with how each bet's answer was computed (for the replay tests).
pub(crate) type Scripted = tour::Scripted<Playground>;

pub const DAY_MS: u64 = 86_400_000;
pub const HOUR_MS: u64 = 3_600_000;
pub const JAN_1_2016: u64 = 1_451_606_400_000;
pub const MAR_1_2016: u64 = 1_456_790_400_000;
pub const JUN_1_2016: u64 = 1_464_739_200_000;
pub const DEC_1_2016: u64 = 1_480_550_400_000;
/// An author ID for the scenarios' messages.
pub const AUTHOR: u64 = 80_351_110_224_678_912;

/// How a tour is built (by playing it).
type Build = fn() -> Scripted;

/// Each tour's id and how to build it, in the toolbar's order.
const SCRIPTS: [(&str, Build); 9] = [
    ("busy-vs-quiet", busy_quiet::script),
    ("null-tombstones", null_columns::script),
    ("edit-race", edit_race::script),
    ("one-live-message", incident::script),
    ("hot-partition", hot_partition::script),
    ("request-coalescing", coalescing::script),
    ("zombie", zombie::script),
    ("your-turn", your_turn::script),
    ("id-to-bucket", id_to_bucket::script),
];

/// The tours as the page gets them: read from `tours.txt`, which the native
/// tests keep equal to what the scripts build (`UPDATE_FIXTURES=1` rewrites
/// it). Building a tour plays it, and the incident's plays 120 000 writes
/// and deletes: done on the page, the first tour took 0.4–0.9 s to open.
pub fn tours() -> Vec<Tour<Action>> {
    // The fixture test guarantees it decodes; were it ever not to, no tour
    // would open, rather than every script being built (and linked) here.
    decode(TOURS_FORMAT, TOURS.trim()).unwrap_or_default()
}

/// The tours, built by playing them.
pub fn built() -> Vec<Tour<Action>> {
    SCRIPTS.iter().map(|(_, build)| build().tour).collect()
}

/// `tours.txt`'s format (the link codec's, over `Vec<Tour<Action>>`).
pub const TOURS_FORMAT: u32 = 1;
const TOURS: &str = include_str!("tours.txt");

/// One tour by id, building only that one (building a tour plays it, and
/// the incident's plays 120 000 writes and deletes).
pub fn tour(id: &str) -> Option<Tour<Action>> {
    SCRIPTS
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, build)| build().tour)
}

/// Every tour with its answer functions, for the replay tests.
#[cfg(test)]
pub fn scripts() -> Vec<Scripted> {
    SCRIPTS.iter().map(|(_, build)| build()).collect()
}

/// Which of a bet's ranges `n` falls in: the number of `edges` it reaches,
/// so `band(40, &[2, 6, 21])` is 3 (the last range, "more than 20").
pub fn band(n: u64, edges: &[u64]) -> usize {
    edges.iter().filter(|e| n >= **e).count()
}

/// The tours' channels and the names their steps call them by (without the
/// `#`); `channels::label` shows them so, next to their IDs.
pub fn named_channels() -> [(u64, &'static str); 13] {
    [
        (busy_quiet::quiet(), "announcements"),
        (busy_quiet::busy(), "general"),
        (null_columns::with_nulls(), "all-columns"),
        (null_columns::without_nulls(), "set-columns"),
        (edit_race::channel(), "plans"),
        (incident::channel(), "welcome"),
        (hot_partition::channel(), "server-news"),
        (coalescing::channel(), "events"),
        (zombie::channel(), "off-topic"),
        (your_turn::drafts(), "drafts"),
        (your_turn::notes(), "notes"),
        (id_to_bucket::help(), "help"),
        (id_to_bucket::archive(), "archive"),
    ]
}

/// A channel created at `unix_ms`; `k` keeps scenario channels apart.
/// A read of a channel's latest 50 messages, as the app loads a channel.
pub fn read_latest(channel: u64) -> Action {
    Action::Query {
        channel,
        limit: 50,
        before: None,
    }
}

pub fn channel_at(unix_ms: u64, k: u64) -> u64 {
    Snowflake::smallest_at(unix_ms)
        .map(|s| s.0 + k)
        .unwrap_or(k)
}

/// The ID the first message of a fresh playground gets when written at `at`
/// (scenarios need it to edit and delete that message).
pub fn first_message_id(channel: u64, at: u64) -> u64 {
    let mut p = Playground::new();
    let write = Action::WriteMessage {
        channel,
        author: AUTHOR,
        content: String::new(),
        at,
    };
    match (p.apply(&write), p.outcome()) {
        (
            Ok(()),
            Outcome::Wrote {
                message_id: Some(id),
                ..
            },
        ) => *id,
        _ => 0,
    }
}

/// The page the last read returned, if it returned one.
pub fn page(p: &Playground) -> Option<&super::store::Page> {
    match p.outcome() {
        Outcome::Page(pg) => Some(pg),
        _ => None,
    }
}

#[cfg(test)]
mod fixture_tests {
    use super::super::scenarios::check_fixture;
    use super::*;
    use techshack_core::state::url_codec::encode;

    #[test]
    fn tours_txt_is_what_the_scripts_build() {
        let want = encode(TOURS_FORMAT, &built());
        check_fixture("tours/tours.txt", TOURS, &want);
        assert_eq!(tours(), built());
    }
}
