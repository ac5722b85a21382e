//! A busy channel versus a quiet one: partition sizes against the 100 MB
//! warning, and the bucket walk a sparse channel pays for.

use super::super::action::Action;
use super::super::playground::Playground;
use super::super::store::PartitionInfo;
use super::{band, channel_at, page, Script, Scripted, AUTHOR, DEC_1_2016, JAN_1_2016};
use techshack_core::tour::Guess;

pub fn quiet() -> u64 {
    channel_at(JAN_1_2016, 1)
}

pub fn busy() -> u64 {
    channel_at(DEC_1_2016, 2)
}

fn write(at: u64, text: &str) -> Action {
    Action::WriteMessage {
        channel: quiet(),
        author: AUTHOR,
        content: text.into(),
        at,
    }
}

use super::read_latest as query;

pub fn script() -> Scripted {
    Script::new("busy-vs-quiet", "A busy channel versus a quiet one")
        .seed("Messages are stored by channel and 10-day bucket, so a read walks the buckets newest first, and a quiet channel walks many empty ones.")
        .bet(
            "Two channels. #announcements gets a message every few months. #general is about to get 20,000 messages in a week. Each channel is stored as one partition per 10-day bucket.",
            vec![
                write(1_455_062_400_000, "Server maintenance tonight"),
                write(1_467_590_400_000, "Summer event starts!"),
                write(1_476_921_600_000, "New rules posted"),
            ],
            "Cassandra warns about partitions over 100 MB. How big will #general's largest 10-day partition be?",
            vec![Action::Burst {
                channel: busy(),
                author: AUTHOR,
                count: 20_000,
                spacing_ms: 30_000,
            }],
            |_, p| Guess::choice(&SIZE_CHOICES, band(largest(p).map_or(0, |x| x.bytes), &[5 * MB, 30 * MB, 100 * MB])),
            |_, p| largest(p).map_or_else(String::new, |big| format!(
                "{:.2} MB, {:.1}% of 100 MB ({} messages in bucket {}): ten days of a busy channel fit easily.",
                big.bytes as f64 / 1_048_576.0,
                big.percent_of_warning(),
                big.rows,
                big.bucket
            )),
        )
        .bet(
            "Load the latest 50 messages of #announcements. The walk starts at today's bucket and goes back one bucket at a time until it has 50 messages or reaches the channel's creation.",
            vec![],
            "How many buckets will the walk ask Cassandra for?",
            vec![query(quiet())],
            |_, p| Guess::choice(&WALK_CHOICES, walk(p)),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{} buckets, {} of them empty, to find {} messages.",
                pg.stats.buckets_queried,
                pg.stats.empty_buckets_visited,
                pg.rows.len()
            )),
        )
        .bet(
            "Now the same read for #general.",
            vec![],
            "How many buckets will this walk ask for?",
            vec![query(busy())],
            |_, p| Guess::choice(&WALK_CHOICES, walk(p)),
            |_, p| format!(
                "{} bucket: the newest partition alone holds 50 messages.",
                page(p).map_or(0, |pg| pg.stats.buckets_queried)
            ),
        )
        .bet(
            "Discord's fix: remember which buckets came back empty, and skip them next time. With that on, #announcements has been read once; now it is read again.",
            vec![Action::EnableEmptyBucketCache(true), query(quiet())],
            "How many of the empty buckets will the second read skip?",
            vec![query(quiet())],
            |before, p| Guess::choice(&SKIP_CHOICES, skipped(before, p)),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{} skipped; it asks for only {} buckets.",
                pg.stats.empty_buckets_skipped, pg.stats.buckets_queried
            )),
        )
        .finish()
}

const MB: u64 = 1_048_576;

const SIZE_CHOICES: [&str; 4] = [
    "Under 5 MB",
    "5 to 30 MB",
    "30 to 100 MB",
    "Over 100 MB: it gets the warning",
];

/// #general's largest partition.
fn largest(p: &Playground) -> Option<PartitionInfo> {
    p.store()
        .partitions(busy())
        .into_iter()
        .max_by_key(|x| x.bytes)
}

const WALK_CHOICES: [&str; 4] = ["1", "2 to 5", "6 to 20", "More than 20"];

/// Which of `WALK_CHOICES` the last read's bucket count is in.
fn walk(p: &Playground) -> usize {
    band(
        page(p).map_or(0, |pg| pg.stats.buckets_queried),
        &[2, 6, 21],
    )
}

const SKIP_CHOICES: [&str; 3] = [
    "None: the cache only learns on this read",
    "Some of them",
    "All of them",
];

/// Which of `SKIP_CHOICES` a read did, against the empty buckets the read
/// before it visited.
pub fn skipped(before: &Playground, after: &Playground) -> usize {
    let empty = page(before).map_or(0, |pg| pg.stats.empty_buckets_visited);
    match page(after).map_or(0, |pg| pg.stats.empty_buckets_skipped) {
        0 => 0,
        n if n < empty => 1,
        _ => 2,
    }
}
