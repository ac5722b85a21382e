//! The null-column tombstones: writing all 16 columns of a message that sets
//! 4 leaves 12 tombstones behind; writing only non-null columns leaves none.

use super::super::action::Action;
use super::super::playground::Playground;
use super::{band, channel_at, page, Script, Scripted, AUTHOR, JUN_1_2016};
use techshack_core::tour::Guess;

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

pub fn script() -> Scripted {
    Script::new("null-tombstones", "The null-column tombstones")
        .seed("Writing null to a column writes a tombstone, so Discord now writes only the columns a message sets.")
        .bet(
            "Discord's message had 16 columns, but a typical message sets only 4 (id, channel, author, content). The service wrote all 16 anyway, and in Cassandra writing null means writing a tombstone. Next: 100 messages in #all-columns, then a read of the latest 100.",
            vec![Action::SetPageSize(100), Action::WriteNullColumns(true)],
            "How many tombstones will this read scan?",
            burst_and_read(with_nulls()),
            |_, p| Guess::choice(&NULL_CHOICES, band(tombstones(p), &[1, 101, 1_201])),
            |_, p| page(p).and_then(|pg| Some(format!(
                "{}: 12 per message, past the 1,000 warning: \"{}\"",
                pg.stats.tombstones,
                pg.warnings.first()?.split(" for query").next()?
            ))).unwrap_or_default(),
        )
        .bet(
            "The fix: write only the columns that are not null. Next: another 100 messages in a second channel, #set-columns, then the same read.",
            vec![Action::WriteNullColumns(false)],
            "How many tombstones now?",
            burst_and_read(without_nulls()),
            |_, p| Guess::choice(&FIXED_CHOICES, fixed_case(tombstones(p))),
            |_, p| format!("{}: only set columns were written.", tombstones(p)),
        )
        .finish()
}

fn tombstones(p: &Playground) -> u64 {
    page(p).map_or(0, |pg| pg.stats.tombstones)
}

const NULL_CHOICES: [&str; 4] = [
    "None: a null is just an empty column",
    "Up to 100: one per message",
    "About 1,200: 12 per message",
    "About 1,600: 16 per message",
];

const FIXED_CHOICES: [&str; 3] = ["About 1,200, as before", "None", "About 100"];

fn fixed_case(tombstones: u64) -> usize {
    match tombstones {
        0 => 1,
        n if n <= 100 => 2,
        _ => 0,
    }
}
