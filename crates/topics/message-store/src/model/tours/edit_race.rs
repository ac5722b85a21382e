//! Edit races delete: the edit's UPDATE lands after the DELETE and, because
//! every write is an upsert, recreates a row holding only key and content.

use super::super::action::Action;
use super::super::playground::DEFAULT_NOW_MS;
use super::{channel_at, first_message_id, AUTHOR, HOUR_MS, JUN_1_2016};
use techshack_core::tour::{Step, Tour};

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

pub fn tour() -> Tour<Action> {
    let at = DEFAULT_NOW_MS - HOUR_MS;
    let id = first_message_id(channel(), at);
    Tour {
        id: "edit-race".into(),
        title: "Edit races delete".into(),
        steps: vec![
            Step::new(
                "In #plans, one user deletes a message while another edits it. The edit checked that the message existed, then its UPDATE (content only) arrived after the DELETE.",
                vec![
                    Action::WriteMessage {
                        channel: channel(),
                        author: AUTHOR,
                        content: "see you at 8".into(),
                        at,
                    },
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
            )
            .predict("What does the read return?", ANSWERS[0]),
            Step::new(
                "Discord's fix: a message with no author is corrupt, so reads delete it. (Writing the whole row on edit was rejected: it could bring deleted messages back.)",
                vec![Action::RepairNullAuthors(true), read()],
            )
            .predict("How many messages does the read return now?", ANSWERS[1]),
        ],
    }
}

const ANSWERS: [&str; 2] = [
    "1 row: content \"see you at 9\", author null. Only the key and the edited content survive.",
    "0: the row with a null author was deleted as corrupt (1 delete).",
];

#[cfg(test)]
pub fn answer(step: usize, p: &super::super::Playground) -> Option<String> {
    let pg = super::page(p)?;
    match step {
        0 => {
            let r = pg.rows.first()?;
            Some(format!(
                "{} row: content \"{}\", author {}. Only the key and the edited content survive.",
                pg.rows.len(),
                r.content.clone().unwrap_or_default(),
                r.author_id.map_or("null".to_string(), |a| a.to_string())
            ))
        }
        1 => Some(format!(
            "{}: the row with a null author was deleted as corrupt ({} delete).",
            pg.rows.len(),
            pg.corrupt_deleted.len()
        )),
        _ => None,
    }
}
