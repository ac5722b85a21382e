//! Edit races delete: the edit's UPDATE lands after the DELETE and, because
//! every write is an upsert, recreates a row holding only key and content.

use super::super::action::Action;
use super::super::playground::Playground;
use super::super::playground::DEFAULT_NOW_MS;
use super::{channel_at, first_message_id, page, Script, Scripted, AUTHOR, HOUR_MS, JUN_1_2016};
use techshack_core::tour::Guess;

pub fn channel() -> u64 {
    channel_at(JUN_1_2016, 5)
}

fn read() -> Action {
    Action::Query {
        channel: channel(),
        limit: 50,
        before: None,
    }
}

pub fn script() -> Scripted {
    let at = DEFAULT_NOW_MS - HOUR_MS;
    let id = first_message_id(channel(), at);
    Script::new("edit-race", "Edit races delete")
        .seed("An edit racing a delete leaves a row with no author, and Discord deletes such rows as corrupt.")
        .bet(
            "In #plans, one user will delete a message while another edits it. The edit checks that the message exists, then its UPDATE (content only) arrives after the DELETE. Then #plans is read.",
            vec![Action::WriteMessage {
                channel: channel(),
                author: AUTHOR,
                content: "see you at 8".into(),
                at,
            }],
            "What will the read return?",
            vec![
                Action::DeleteMessage {
                    channel: channel(),
                    message: id,
                },
                Action::EditMessage {
                    channel: channel(),
                    message: id,
                    content: "see you at 9".into(),
                },
                read(),
            ],
            |_, p| Guess::choice(&RACE_CHOICES, race_case(p)),
            |_, p| {
                let Some((pg, r)) = page(p).and_then(|pg| Some((pg, pg.rows.first()?))) else {
                    return String::new();
                };
                format!(
                    "{} row: content \"{}\", author {}. Only the key and the edited content survive.",
                    pg.rows.len(),
                    r.content.clone().unwrap_or_default(),
                    r.author_id.map_or("null".to_string(), |a| a.to_string())
                )
            },
        )
        .bet(
            "Discord's fix: reads treat a message with no author as corrupt. (Writing the whole row on edit was rejected: it could bring deleted messages back.) The fix is on, and #plans is read again.",
            vec![Action::RepairNullAuthors(true)],
            "How many messages will the read return now?",
            vec![read()],
            |_, p| Guess::choice(&REPAIR_CHOICES, repair_case(p)),
            |_, p| page(p).map_or_else(String::new, |pg| format!(
                "{}: the row with a null author was deleted as corrupt ({} delete).",
                pg.rows.len(),
                pg.corrupt_deleted.len()
            )),
        )
        .finish()
}

const RACE_CHOICES: [&str; 3] = [
    "Nothing: the message is deleted",
    "The edited message, with its author",
    "A row with the new content and no author",
];

/// Which of `RACE_CHOICES` the last read returned.
fn race_case(p: &Playground) -> usize {
    match page(p).and_then(|pg| pg.rows.first()) {
        None => 0,
        Some(r) if r.author_id.is_some() => 1,
        Some(_) => 2,
    }
}

const REPAIR_CHOICES: [&str; 3] = ["1: the same half-row", "0", "1, with its author restored"];

/// Which of `REPAIR_CHOICES` the last read returned.
fn repair_case(p: &Playground) -> usize {
    match race_case(p) {
        0 => 1,
        1 => 2,
        _ => 0,
    }
}
