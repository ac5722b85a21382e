//! One live message after (here) 120,000 deletes: the read Cassandra gives up
//! on, and the three changes that fixed it.

use super::super::action::Action;
use super::super::playground::{Outcome, Playground};
use super::super::read_cost::{DISCORD_2017, INCIDENT_TOMBSTONES};
use super::{band, busy_quiet, channel_at, page, Script, Scripted, AUTHOR, MAR_1_2016};
use crate::view::format::{count, heap, micros};
use techshack_core::tour::Guess;

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

pub fn script() -> Scripted {
    Script::new("one-live-message", "One live message after millions deleted")
        .seed("One live message behind millions of tombstones took 20 seconds to load; a shorter gc_grace and skipping empty buckets fixed it.")
        .bet(
            "A public channel, #welcome: one welcome message from March 2016, then a flood of messages, all deleted through the API. Discord's had millions; this one has 120,000. Each delete is a row tombstone. Now someone opens #welcome.",
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
            ],
            "How many tombstones will the read scan before Cassandra gives up?",
            vec![read()],
            |_, p| Guess::choice(&SCAN_CHOICES, band(tombstones(p), &[1, 1_002, u64::from(DELETED)])),
            |_, p| failed_read(p),
        )
        .bet(
            "Fix 1: gc_grace_seconds from 10 days to 2 (safe because repairs ran nightly). Two days pass, and #welcome is read again.",
            vec![Action::SetGrace(172_800), Action::AdvanceClock { seconds: 172_860 }],
            "How many tombstones will the read count now?",
            vec![read()],
            |_, p| Guess::choice(&COUNT_CHOICES, count_case(tombstones(p))),
            |_, p| past_grace_read(p),
        )
        .bet(
            "Then compaction, which is not a fix but what Cassandra always does, drops tombstones older than gc_grace_seconds, and the rows they deleted, for good.",
            vec![],
            "How many tombstones will compaction remove?",
            vec![Action::Compact],
            |_, p| Guess::choice(&PURGE_CHOICES, purge_case(purged(p).0)),
            |_, p| {
                let (tombstones, rows) = purged(p);
                format!("{tombstones} tombstones; the {rows} rows they marked are gone for good.")
            },
        )
        .bet(
            "Fix 2: Discord's reads now remember which buckets are empty. With that on, #welcome has been read once; now it is read again.",
            vec![Action::EnableEmptyBucketCache(true), read()],
            "How many of the empty buckets will the second read skip?",
            vec![read()],
            |before, p| Guess::choice(&SKIP_CHOICES, SKIP_ORDER[busy_quiet::skipped(before, p)]),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{}: it asks only for the bucket holding the live message ({} bucket).",
                pg.stats.empty_buckets_skipped, pg.stats.buckets_queried
            )),
        )
        .finish()
}

const SCAN_CHOICES: [&str; 4] = [
    "None: it stops at the live message",
    "1,001: just past the warning",
    "100,001: just past the failure threshold",
    "All 120,000",
];

/// The tombstones the last read counted, whether or not it failed.
fn tombstones(p: &Playground) -> u64 {
    match p.outcome() {
        Outcome::Page(pg) => pg.stats.tombstones,
        Outcome::ReadFailed(f) => f.stats.tombstones,
        _ => 0,
    }
}

const COUNT_CHOICES: [&str; 3] = [
    "Over 100,000 again: it fails again",
    "None",
    "Some, but under the failure threshold",
];

fn count_case(tombstones: u64) -> usize {
    match tombstones {
        0 => 1,
        n if n <= 100_000 => 2,
        _ => 0,
    }
}

const PURGE_CHOICES: [&str; 3] = [
    "All 120,000",
    "None: the read already dropped them",
    "Only those in the newest bucket",
];

fn purge_case(purged: u64) -> usize {
    match purged {
        0 => 1,
        n if n < u64::from(DELETED) => 2,
        _ => 0,
    }
}

/// Tombstones and rows the last compaction dropped.
fn purged(p: &Playground) -> (u64, u64) {
    match p.outcome() {
        Outcome::Compacted { store, .. } => (store.tombstones_purged, store.rows_dropped),
        _ => (0, 0),
    }
}

const SKIP_CHOICES: [&str; 3] = [
    "Some of them",
    "All of them",
    "None: the cache only learns on this read",
];
/// `busy_quiet::skipped`'s cases (none, some, all) in `SKIP_CHOICES`' order.
const SKIP_ORDER: [usize; 3] = [2, 0, 1];

/// The failed read, with its cost and Discord's, from the cost model at its
/// 2017 calibration (`read_cost::DISCORD_2017`), the figures the panel
/// shows by default.
fn failed_read(p: &Playground) -> String {
    let Outcome::ReadFailed(f) = p.outcome() else {
        return String::new();
    };
    let c = DISCORD_2017.of_read(&f.stats);
    let d = DISCORD_2017.of_channel(INCIDENT_TOMBSTONES);
    let pause = if c.pause_us == 0 {
        "still no GC pause".to_string()
    } else {
        format!("a {} pause", micros(c.pause_us))
    };
    format!(
        "{}, then the read fails: \"{}…\" By the cost model it had spent {} and made {} of garbage, {pause}. Discord's read did not fail (their cluster ran without today's threshold): at {} tombstones the model gives {} and a {} stop-the-world pause.",
        f.stats.tombstones,
        f.message.split(" during").next().unwrap_or_default(),
        micros(c.time_us),
        heap(c.garbage_bytes),
        count(INCIDENT_TOMBSTONES),
        micros(d.time_us),
        micros(d.pause_us)
    )
}

/// The read after grace: nothing counted, everything still read.
fn past_grace_read(p: &Playground) -> String {
    let Some(pg) = page(p) else {
        return String::new();
    };
    let c = DISCORD_2017.of_read(&pg.stats);
    format!(
        "{}. All {} are past grace, so the read drops them before counting, but it still reads them ({}, {} of garbage by the cost model); it walks {} buckets to the one live message.",
        pg.stats.tombstones,
        pg.stats.purgeable_skipped,
        micros(c.time_us),
        heap(c.garbage_bytes),
        pg.stats.buckets_queried
    )
}
