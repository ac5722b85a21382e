//! The null-column tombstones: writing all 16 columns of a message that sets
//! 4 leaves 12 tombstones behind; writing only non-null columns leaves none.

use super::super::action::Action;
use super::{channel_at, AUTHOR, JUN_1_2016};
use techshack_core::tour::{Step, Tour};

pub fn with_nulls() -> u64 {
    channel_at(JUN_1_2016, 3)
}

pub fn without_nulls() -> u64 {
    channel_at(JUN_1_2016, 4)
}

fn burst_and_read(channel: u64) -> Vec<Action> {
    vec![
        Action::Burst {
            channel,
            author: AUTHOR,
            count: 100,
            spacing_ms: 1000,
        },
        Action::Query {
            channel,
            limit: 100,
            before: None,
        },
    ]
}

pub fn tour() -> Tour<Action> {
    let mut first = vec![Action::SetPageSize(100), Action::WriteNullColumns(true)];
    first.extend(burst_and_read(with_nulls()));
    let mut second = vec![Action::WriteNullColumns(false)];
    second.extend(burst_and_read(without_nulls()));
    Tour {
        id: "null-tombstones".into(),
        title: "The null-column tombstones".into(),
        steps: vec![
            Step::new(
                "Discord's message had 16 columns, but a typical message sets only 4 (id, channel, author, content). The service wrote all 16 anyway, and in Cassandra writing null means writing a tombstone. 100 messages in #all-columns, then a read of the latest 100.",
                first,
            )
            .predict("How many tombstones will this read scan?", ANSWERS[0]),
            Step::new(
                "The fix: write only the columns that are not null. Another 100 messages in a second channel, #set-columns, then the same read.",
                second,
            )
            .predict("How many tombstones now?", ANSWERS[1]),
        ],
    }
}

const ANSWERS: [&str; 2] = [
    "1200: 12 per message, past the 1,000 warning: \"Read 100 live rows and 1200 tombstone cells\"",
    "0: only set columns were written.",
];

#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    let pg = super::page(p)?;
    match step {
        0 => Some(format!(
            "{}: 12 per message, past the 1,000 warning: \"{}\"",
            pg.stats.tombstones,
            pg.warnings.first()?.split(" for query").next()?
        )),
        1 => Some(format!(
            "{}: only set columns were written.",
            pg.stats.tombstones
        )),
        _ => None,
    }
}
