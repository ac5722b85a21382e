//! From a message's ID to the buckets a read walks, one idea a step: a
//! Snowflake ID holds its time; the time picks a 10-day bucket; the
//! partition key is (channel_id, bucket); a read walks the buckets newest
//! first; a quiet channel's read walks many empty ones; the empty-bucket
//! cache skips them.

use super::super::action::Action;
use super::super::playground::{Outcome, Playground};
use super::super::snowflake::{Snowflake, DISCORD_EPOCH_MS};
use super::{band, channel_at, page, Script, Scripted, AUTHOR};
use crate::view::format::count;
use techshack_core::tour::Guess;

/// #help, created 2016-11-01.
pub fn help() -> u64 {
    channel_at(1_477_958_400_000, 20)
}

/// #archive, created 2015-06-01.
pub fn archive() -> u64 {
    channel_at(1_433_116_800_000, 21)
}

/// 2017-01-16 12:00 UTC, 2016-12-28 and 2016-12-30 09:00, 2015-07-01.
const FIRST_AT: u64 = 1_484_568_000_000;
const SECOND_AT: u64 = 1_482_915_600_000;
const THIRD_AT: u64 = 1_483_088_400_000;
const ARCHIVE_AT: u64 = 1_435_741_200_000;

fn write(channel: u64, at: u64, text: &str) -> Action {
    Action::WriteMessage {
        channel,
        author: AUTHOR,
        content: text.into(),
        at,
    }
}

use super::read_latest as query;

pub fn script() -> Scripted {
    Script::new("id-to-bucket", "From a message ID to the buckets a read walks")
        .seed("A message's Snowflake ID holds its time, the time picks its 10-day bucket, and (channel, bucket) is the partition a read walks, newest first.")
        .bet(
            "A new channel, #help. Its first message is about to be written, at 2017-01-16 12:00 UTC. Discord gives every message a 64-bit Snowflake ID, and Cassandra stores nothing else about when it was sent.",
            vec![],
            "What will the top 42 bits of the new message's ID (id >> 22) hold?",
            vec![write(help(), FIRST_AT, "how do I share my screen?")],
            |_, p| Guess::choice(&TIME_CHOICES, if written(p).is_some_and(|id| Snowflake(id).unix_ms() == FIRST_AT) { 0 } else { 2 }),
            |_, p| written(p).map_or_else(String::new, |id| format!(
                "Its ID is {id}; id >> 22 is {} ms after Discord's epoch (2015-01-01 UTC), which is 2017-01-16 12:00: the time it was sent. The other 22 bits tell apart messages of the same millisecond.",
                count(id >> 22)
            )),
        )
        .focus(".ms-anatomy")
        .bet(
            "A channel's messages are stored in 10-day buckets: bucket = (id >> 22) / 864 000 000, the milliseconds in 10 days, in whole numbers. #help's first message is in bucket 74, the bucket the playground's clock (2017-01-17) is in. A second message was written on 2016-12-28 09:00.",
            vec![],
            "Which bucket will the 2016-12-28 message go to?",
            vec![write(help(), SECOND_AT, "never mind, found it")],
            |_, p| Guess::choice(&BUCKET_CHOICES, written(p).map_or(0, bucket_of).saturating_sub(71) as usize),
            |_, p| written(p).map_or_else(String::new, |id| format!(
                "Bucket {}: {} ms since the epoch, divided by 864 000 000, is {} and a bit. It holds 2016-12-21 to 2016-12-31.",
                bucket_of(id),
                count(id >> 22),
                bucket_of(id)
            )),
        )
        .focus(".ms-timeline")
        .bet(
            "Cassandra's table keys messages by PRIMARY KEY ((channel_id, bucket), message_id): one partition per channel and bucket, stored together on the same replicas. A third message is written to #help on 2016-12-30, two days after the second.",
            vec![],
            "How many partitions will #help have?",
            vec![write(help(), THIRD_AT, "thanks!")],
            |_, p| Guess::choice(&PARTITION_CHOICES, p.store().partitions(help()).len().clamp(1, 3) - 1),
            |_, p| {
                let parts = p.store().partitions(help());
                format!(
                    "{}: buckets {}. The 2016-12-30 message joins the 2016-12-28 one in bucket 72, sorted newest first by message ID.",
                    parts.len(),
                    parts.iter().map(|x| x.bucket.to_string()).collect::<Vec<_>>().join(" and ")
                )
            },
        )
        .focus(".ms-partition")
        .bet(
            "To show a channel, Discord asks for its latest 50 messages: one query per bucket partition, from the newest bucket (74, today's) back, until it has 50 or reaches the bucket the channel was created in. #help was created on 2016-11-01, in bucket 67.",
            vec![],
            "How many buckets will reading #help's latest 50 messages ask Cassandra for?",
            vec![query(help())],
            |_, p| Guess::choice(&WALK_CHOICES, band(queried(p), &[3, 4, 8])),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{}, from 74 down to 67: it found only {} messages, so it walked to the channel's creation, and {} of those buckets were empty.",
                pg.stats.buckets_queried,
                pg.rows.len(),
                pg.stats.empty_buckets_visited
            )),
        )
        .focus(".ms-query")
        .bet(
            "A quieter channel: #archive was created on 2015-06-01 and has one message, from 2015-07-01. Nobody has written there since.",
            vec![write(archive(), ARCHIVE_AT, "archived: the 2015 meetup notes")],
            "How many empty buckets will reading #archive's latest 50 messages visit?",
            vec![query(archive())],
            |_, p| Guess::choice(&EMPTY_CHOICES, band(empty(p), &[1, 11, 51])),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{} empty buckets, each a query that returns nothing, to find {} message: {} queries in all. That is what a sparse channel cost Discord on every open.",
                pg.stats.empty_buckets_visited,
                pg.rows.len(),
                pg.stats.buckets_queried
            )),
        )
        .focus(".ms-timeline")
        .bet(
            "Discord's fix: remember which buckets came back empty, and skip them on later reads. The cache is on, and #archive has been read once with it on.",
            vec![Action::EnableEmptyBucketCache(true), query(archive())],
            "How many buckets will the next read of #archive ask Cassandra for?",
            vec![query(archive())],
            |_, p| Guess::choice(&CACHED_CHOICES, band(queried(p), &[3, 31])),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{}: it skipped {} empty buckets and still found the one message.",
                pg.stats.buckets_queried,
                pg.stats.empty_buckets_skipped
            )),
        )
        .focus(".ms-query")
        .finish()
}

const TIME_CHOICES: [&str; 3] = [
    "The milliseconds since 2015-01-01 when it was sent",
    "The channel's ID",
    "A random number, so IDs never collide",
];

const BUCKET_CHOICES: [&str; 4] = ["71", "72", "73", "74"];

const PARTITION_CHOICES: [&str; 3] = [
    "1: one channel, one partition",
    "2: the new message shares a bucket",
    "3: one per message",
];

const WALK_CHOICES: [&str; 4] = [
    "2: the buckets that hold messages",
    "3: bucket 74 down to 72",
    "4 to 7",
    "8: every bucket back to the channel's creation",
];

const EMPTY_CHOICES: [&str; 4] = ["None", "1 to 10", "11 to 50", "More than 50"];

const CACHED_CHOICES: [&str; 3] = [
    "1 or 2: the empty ones are skipped",
    "3 to 30",
    "As many as before: the cache only helps busy channels",
];

/// The ID the last write made.
fn written(p: &Playground) -> Option<u64> {
    match p.outcome() {
        Outcome::Wrote {
            message_id: Some(id),
            ..
        } => Some(*id),
        _ => None,
    }
}

fn bucket_of(id: u64) -> u64 {
    Snowflake(id).unix_ms().saturating_sub(DISCORD_EPOCH_MS) / 864_000_000
}

fn queried(p: &Playground) -> u64 {
    page(p).map_or(0, |pg| pg.stats.buckets_queried)
}

fn empty(p: &Playground) -> u64 {
    page(p).map_or(0, |pg| pg.stats.empty_buckets_visited)
}
