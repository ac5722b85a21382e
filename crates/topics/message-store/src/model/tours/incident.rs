//! One live message after (here) 120,000 deletes: the read Cassandra gives up
//! on, and the three changes that fixed it.

use super::super::action::Action;
use super::{channel_at, AUTHOR, MAR_1_2016};
use techshack_core::tour::{Step, Tour};

pub const DELETED: u32 = 120_000;

pub fn channel() -> u64 {
    channel_at(MAR_1_2016, 6)
}

fn read() -> Action {
    Action::Query {
        channel: channel(),
        limit: 50,
        before: None,
    }
}

pub fn tour() -> Tour<Action> {
    Tour {
        id: "one-live-message".into(),
        title: "One live message after millions deleted".into(),
        steps: vec![
            Step::new(
                "A public channel, #welcome: one welcome message from March 2016, then a flood of messages, all deleted through the API. Discord's had millions; this one has 120,000. Each delete is a row tombstone.",
                vec![
                    Action::WriteMessage {
                        channel: channel(),
                        author: AUTHOR,
                        content: "welcome to the channel".into(),
                        at: 1_456_876_800_000,
                    },
                    Action::Burst {
                        channel: channel(),
                        author: AUTHOR,
                        count: DELETED,
                        spacing_ms: 1,
                    },
                    Action::DeleteNewest {
                        channel: channel(),
                        count: DELETED,
                    },
                    read(),
                ],
            )
            .predict("How many tombstones will the read scan before Cassandra gives up?", ANSWERS[0]),
            Step::new(
                "Fix 1: gc_grace_seconds from 10 days to 2 (safe because repairs ran nightly). Two days pass.",
                vec![
                    Action::SetGrace(172_800),
                    Action::AdvanceClock { seconds: 172_860 },
                    read(),
                ],
            )
            .predict("How many tombstones does the read count now?", ANSWERS[1]),
            Step::new(
                "Then compaction, which is not a fix but what Cassandra always does, drops tombstones older than gc_grace_seconds, and the rows they deleted, for good.",
                vec![Action::Compact],
            )
            .predict("How many tombstones does compaction remove?", ANSWERS[2]),
            Step::new(
                "Fix 2: Discord's reads now remember which buckets are empty. Read #welcome twice.",
                vec![Action::EnableEmptyBucketCache(true), read(), read()],
            )
            .predict("How many empty buckets does the second read skip?", ANSWERS[3]),
        ],
    }
}

const ANSWERS: [&str; 4] = [
    "100001, then the read fails: \"Scanned over 100001 tombstones…\" By the cost model it had spent 1.0 s and made 50.0 MB of garbage, still no GC pause. Discord's read did not fail (their cluster ran without today's threshold): at 2 000 000 tombstones the model gives 20.0 s and a 10.0 s stop-the-world pause.",
    "0. All 120000 are past grace, so the read drops them before counting, but it still reads them (1.2 s, 60.0 MB of garbage by the cost model); it walks 33 buckets to the one live message.",
    "120000 tombstones; the 120000 rows they marked are gone for good.",
    "32: it asks only for the bucket holding the live message (1 bucket).",
];

/// The answers' costs come from the cost model at its 2017 calibration
/// (`read_cost::DISCORD_2017`), the same figures the panel shows by default.
#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    use super::super::playground::Outcome;
    use super::super::read_cost::{DISCORD_2017, INCIDENT_TOMBSTONES};
    use crate::view::format::{count, heap, micros};
    match (step, p.outcome()) {
        (0, Outcome::ReadFailed(f)) => {
            let c = DISCORD_2017.of_read(&f.stats);
            let d = DISCORD_2017.of_channel(INCIDENT_TOMBSTONES);
            let pause = if c.pause_us == 0 {
                "still no GC pause".to_string()
            } else {
                format!("a {} pause", micros(c.pause_us))
            };
            Some(format!(
                "{}, then the read fails: \"{}…\" By the cost model it had spent {} and made {} of garbage, {pause}. Discord's read did not fail (their cluster ran without today's threshold): at {} tombstones the model gives {} and a {} stop-the-world pause.",
                f.stats.tombstones,
                f.message.split(" during").next()?,
                micros(c.time_us),
                heap(c.garbage_bytes),
                count(INCIDENT_TOMBSTONES),
                micros(d.time_us),
                micros(d.pause_us)
            ))
        }
        (1, Outcome::Page(pg)) => {
            let c = DISCORD_2017.of_read(&pg.stats);
            Some(format!(
                "{}. All {} are past grace, so the read drops them before counting, but it still reads them ({}, {} of garbage by the cost model); it walks {} buckets to the one live message.",
                pg.stats.tombstones,
                pg.stats.purgeable_skipped,
                micros(c.time_us),
                heap(c.garbage_bytes),
                pg.stats.buckets_queried
            ))
        }
        (2, Outcome::Compacted { store, .. }) => Some(format!(
            "{} tombstones; the {} rows they marked are gone for good.",
            store.tombstones_purged, store.rows_dropped
        )),
        (3, Outcome::Page(pg)) => Some(format!(
            "{}: it asks only for the bucket holding the live message ({} bucket).",
            pg.stats.empty_buckets_skipped, pg.stats.buckets_queried
        )),
        _ => None,
    }
}
