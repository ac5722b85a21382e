//! "Your turn": a tour of tasks. The reader writes, deletes and reads until
//! the model says the goal holds (`goals`); "Do it for me" applies the
//! solution.

use super::super::action::Action;
use super::super::goals::{EMPTY_BUCKETS_SKIPPED, READ_WARNS};
use super::{channel_at, Script, Scripted, AUTHOR, DAY_MS, MAR_1_2016};

pub fn drafts() -> u64 {
    channel_at(MAR_1_2016, 11)
}

pub fn notes() -> u64 {
    channel_at(MAR_1_2016, 12)
}

fn read(channel: u64) -> Action {
    Action::Query {
        channel,
        limit: 50,
        before: None,
    }
}

pub fn script() -> Scripted {
    Script::new("your-turn", "Your turn: make the read warn, then skip")
        .seed("Tombstones cost reads until compaction drops them; remembering empty buckets makes quiet channels cheap.")
        .task(
            "#drafts has 3,000 messages, and reading its latest 50 is quick and quiet. Delete messages until reading the latest 50 makes Cassandra log its tombstone warning, while the read still succeeds.",
            vec![
                Action::Burst {
                    channel: drafts(),
                    author: AUTHOR,
                    count: 3_000,
                    spacing_ms: 1_000,
                },
                read(drafts()),
            ],
            READ_WARNS,
            "Each deleted message leaves a tombstone that a read must walk past. Bulk-delete more than 1,000 of the newest messages, then read the channel again.",
            vec![
                Action::DeleteNewest {
                    channel: drafts(),
                    count: 1_500,
                },
                read(drafts()),
            ],
        )
        .task(
            "#notes got one message long ago, and each read of its latest 50 walks back through every 10-day bucket since. Make a read skip the buckets that are known to be empty.",
            vec![
                Action::WriteMessage {
                    channel: notes(),
                    author: AUTHOR,
                    content: "Meeting notes, 2 March".into(),
                    at: MAR_1_2016 + DAY_MS,
                },
                read(notes()),
            ],
            EMPTY_BUCKETS_SKIPPED,
            "Turn on Discord's empty-bucket cache, then read #notes twice: the first read learns which buckets are empty, the second skips them.",
            vec![
                Action::EnableEmptyBucketCache(true),
                read(notes()),
                read(notes()),
            ],
        )
        .step(
            "Tombstones cost reads until compaction drops them, which is why Discord's deletes hurt; remembering empty buckets is how Discord made quiet channels cheap to read.",
            vec![],
        )
        .finish()
}
