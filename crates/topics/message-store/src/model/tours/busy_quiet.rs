//! A busy channel versus a quiet one: partition sizes against the 100 MB
//! warning, and the bucket walk a sparse channel pays for.

use super::super::action::Action;
use super::{channel_at, AUTHOR, DEC_1_2016, JAN_1_2016};
use techshack_core::tour::{Step, Tour};

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

fn query(channel: u64) -> Action {
    Action::Query {
        channel,
        limit: 50,
        before: None,
    }
}

pub fn tour() -> Tour<Action> {
    Tour {
        id: "busy-vs-quiet".into(),
        title: "A busy channel versus a quiet one".into(),
        steps: vec![
            Step::new(
                "Two channels. #announcements gets a message every few months. #general gets 20,000 messages in a week. Each channel is stored as one partition per 10-day bucket.",
                vec![
                    write(1_455_062_400_000, "Server maintenance tonight"),
                    write(1_467_590_400_000, "Summer event starts!"),
                    write(1_476_921_600_000, "New rules posted"),
                    Action::Burst {
                        channel: busy(),
                        author: AUTHOR,
                        count: 20_000,
                        spacing_ms: 30_000,
                    },
                ],
            )
            .predict(
                "Cassandra warns about partitions over 100 MB. How big is #general's largest 10-day partition?",
                ANSWERS[0],
            ),
            Step::new(
                "Load the latest 50 messages of #announcements. The walk starts at today's bucket and goes back one bucket at a time until it has 50 messages or reaches the channel's creation.",
                vec![query(quiet())],
            )
            .predict("How many buckets does the walk ask Cassandra for?", ANSWERS[1]),
            Step::new("Now the same read for #general.", vec![query(busy())])
                .predict("How many buckets does this walk ask for?", ANSWERS[2]),
            Step::new(
                "Discord's fix: remember which buckets came back empty, and skip them next time. Read #announcements twice.",
                vec![Action::EnableEmptyBucketCache(true), query(quiet()), query(quiet())],
            )
            .predict("How many empty buckets does the second read skip?", ANSWERS[3]),
        ],
    }
}

const ANSWERS: [&str; 4] = [
    "0.77 MB, 0.8% of 100 MB (11360 messages in bucket 75): ten days of a busy channel fit easily.",
    "40 buckets, 37 of them empty, to find 3 messages.",
    "1 bucket: the newest partition alone holds 50 messages.",
    "37 skipped; it asks for only 3 buckets.",
];

#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    let pg = super::page(p);
    match step {
        0 => {
            let parts = p.store().partitions(busy());
            let big = parts.iter().max_by_key(|x| x.bytes)?;
            Some(format!(
                "{:.2} MB, {:.1}% of 100 MB ({} messages in bucket {}): ten days of a busy channel fit easily.",
                big.bytes as f64 / 1_048_576.0,
                big.percent_of_warning(),
                big.rows,
                big.bucket
            ))
        }
        1 => {
            let s = pg?.stats;
            Some(format!(
                "{} buckets, {} of them empty, to find {} messages.",
                s.buckets_queried,
                s.empty_buckets_visited,
                pg?.rows.len()
            ))
        }
        2 => Some(format!(
            "{} bucket: the newest partition alone holds 50 messages.",
            pg?.stats.buckets_queried
        )),
        3 => {
            let s = pg?.stats;
            Some(format!(
                "{} skipped; it asks for only {} buckets.",
                s.empty_buckets_skipped, s.buckets_queried
            ))
        }
        _ => None,
    }
}
