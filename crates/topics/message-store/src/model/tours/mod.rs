//! Guided scenarios. Each is a `Tour<Action>` the UI replays step by step;
//! predicted answers are written out here and checked against the model by
//! the native tests (`tests/tour_tests.rs`).

mod busy_quiet;
mod coalescing;
mod edit_race;
mod hot_partition;
mod incident;
mod null_columns;
mod your_turn;
mod zombie;

use super::action::Action;
use super::playground::{Outcome, Playground};
use super::snowflake::Snowflake;
use techshack_core::tour::Tour;

pub const DAY_MS: u64 = 86_400_000;
pub const HOUR_MS: u64 = 3_600_000;
pub const JAN_1_2016: u64 = 1_451_606_400_000;
pub const MAR_1_2016: u64 = 1_456_790_400_000;
pub const JUN_1_2016: u64 = 1_464_739_200_000;
pub const DEC_1_2016: u64 = 1_480_550_400_000;
/// An author ID for the scenarios' messages.
pub const AUTHOR: u64 = 80_351_110_224_678_912;

pub fn tours() -> Vec<Tour<Action>> {
    vec![
        busy_quiet::tour(),
        null_columns::tour(),
        edit_race::tour(),
        incident::tour(),
        hot_partition::tour(),
        coalescing::tour(),
        zombie::tour(),
        your_turn::tour(),
    ]
}

/// The tours' channels and the names their steps call them by (without the
/// `#`); `channels::label` shows them so, next to their IDs.
pub fn named_channels() -> [(u64, &'static str); 11] {
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
    ]
}

/// A channel created at `unix_ms`; `k` keeps scenario channels apart.
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

/// Answers computed from the model, one per step that asks a question.
#[cfg(test)]
pub fn answer(tour: &str, step: usize, p: &Playground) -> Option<String> {
    match tour {
        "busy-vs-quiet" => busy_quiet::answer(step, p),
        "null-tombstones" => null_columns::answer(step, p),
        "edit-race" => edit_race::answer(step, p),
        "one-live-message" => incident::answer(step, p),
        "hot-partition" => hot_partition::answer(step, p),
        "request-coalescing" => coalescing::answer(step, p),
        "zombie" => zombie::answer(step, p),
        _ => None,
    }
}

#[cfg(test)]
pub fn page(p: &Playground) -> Option<&super::store::Page> {
    match p.outcome() {
        Outcome::Page(pg) => Some(pg),
        _ => None,
    }
}
