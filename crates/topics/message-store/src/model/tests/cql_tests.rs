//! The CQL mirror: each action's statement, the export script, and quoting
//! that keeps hostile text inside its string literal.

use super::super::action::Action;
use super::super::cql::{create_table, quote, select_statement};
use super::super::playground::{Playground, DEFAULT_NOW_MS};
use super::super::tours::{channel_at, JUN_1_2016};

const HOSTILE: &str = "x'); DROP TABLE discord.messages; -- \n'';--";

fn ch() -> u64 {
    channel_at(JUN_1_2016, 12)
}

/// Splits a script into statements the way cqlsh does: on `;` outside
/// string literals and comments.
fn statements(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = script.chars().peekable();
    let mut in_str = false;
    while let Some(c) = chars.next() {
        if in_str {
            cur.push(c);
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    cur.push(chars.next().unwrap());
                } else {
                    in_str = false;
                }
            }
            continue;
        }
        match c {
            '\'' => {
                in_str = true;
                cur.push(c);
            }
            '-' if chars.peek() == Some(&'-') => {
                for d in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                }
            }
            ';' => {
                out.push(cur.trim().to_string());
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    assert!(!in_str, "unterminated string literal");
    assert!(cur.trim().is_empty(), "trailing text: {cur:?}");
    out
}

#[test]
fn quotes_are_doubled() {
    assert_eq!(quote("it's"), "'it''s'");
    assert_eq!(quote(""), "''");
    assert_eq!(quote("''"), "''''''");
}

#[test]
fn every_action_maps_to_its_statement() {
    let mut p = Playground::new();
    let at = DEFAULT_NOW_MS - 100;
    p.apply(&Action::WriteMessage {
        channel: ch(),
        author: 5,
        content: HOSTILE.into(),
        at,
    })
    .unwrap();
    let id = match p.outcome() {
        super::super::Outcome::Wrote {
            message_id: Some(id),
            ..
        } => *id,
        _ => panic!(),
    };
    let b = p.store().config().bucket.bucket(id);
    p.apply(&Action::EditMessage {
        channel: ch(),
        message: id,
        content: "edit".into(),
    })
    .unwrap();
    p.apply(&Action::DeleteMessage {
        channel: ch(),
        message: id,
    })
    .unwrap();
    p.apply(&Action::DeleteBucket {
        channel: ch(),
        bucket: b,
    })
    .unwrap();
    p.apply(&Action::WriteNullColumns(true)).unwrap();
    p.apply(&Action::WriteMessage {
        channel: ch(),
        author: 5,
        content: "n".into(),
        at,
    })
    .unwrap();
    p.apply(&Action::SetGrace(172_800)).unwrap();
    p.apply(&Action::Query {
        channel: ch(),
        limit: 20,
        before: Some(id),
    })
    .unwrap();
    let st = p.statements();
    assert_eq!(
        p.last_statements(),
        &st[6..],
        "the query's SELECTs, one per bucket"
    );
    assert!(p.last_statements().iter().all(|s| s.starts_with("SELECT")));
    let c = ch();
    assert!(st[0].starts_with(&format!("INSERT INTO discord.messages (channel_id, bucket, message_id, author_id, content) VALUES ({c}, {b}, {id}, 5, {})", quote(HOSTILE))), "{}", st[0]);
    assert!(st[0].contains(" USING TIMESTAMP "));
    assert!(
        st[1].starts_with("UPDATE discord.messages USING TIMESTAMP "),
        "{}",
        st[1]
    );
    assert!(st[1].ends_with(&format!(
        "SET content = 'edit' WHERE channel_id = {c} AND bucket = {b} AND message_id = {id};"
    )));
    assert!(st[2].starts_with("DELETE FROM discord.messages USING TIMESTAMP "));
    assert!(st[2].ends_with(&format!(
        "WHERE channel_id = {c} AND bucket = {b} AND message_id = {id};"
    )));
    assert!(st[3].ends_with(&format!("WHERE channel_id = {c} AND bucket = {b};")));
    assert!(st[4].contains("edited_timestamp, attachments, embeds, mentions, mention_roles, mention_everyone, pinned, tts, type, nonce, flags, webhook_id)"));
    assert_eq!(st[4].matches("null").count(), 12);
    assert_eq!(
        st[5],
        "ALTER TABLE discord.messages WITH gc_grace_seconds = 172800;"
    );
    assert_eq!(st[6], format!("{};", select_statement(c, b, Some(id), 20)));
    assert!(st[6].ends_with(&format!("AND message_id < {id} LIMIT 20;")));
}

#[test]
fn export_is_a_runnable_script_even_with_hostile_text() {
    let mut p = Playground::new();
    for text in [HOSTILE, "'", "\\'; --", "🎉 multi\nline"] {
        p.apply(&Action::WriteMessage {
            channel: ch(),
            author: 5,
            content: text.into(),
            at: DEFAULT_NOW_MS - 5,
        })
        .unwrap();
    }
    p.apply(&Action::Query {
        channel: ch(),
        limit: 50,
        before: None,
    })
    .unwrap();
    let script = p.export_cql();
    assert!(script.starts_with("-- Techshack Live"));
    let sts = statements(&script);
    assert!(sts[0].starts_with("CREATE KEYSPACE IF NOT EXISTS discord WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}"));
    assert!(sts[1].contains("PRIMARY KEY ((channel_id, bucket), message_id)"));
    assert!(sts[1].contains("WITH CLUSTERING ORDER BY (message_id DESC)"));
    assert!(sts[1].contains("AND gc_grace_seconds = 864000"));
    let inserts = sts
        .iter()
        .filter(|s| s.starts_with("INSERT INTO discord.messages"))
        .count();
    assert_eq!(inserts, 4);
    for s in &sts {
        let first = s.split_whitespace().next().unwrap_or("");
        assert!(
            ["CREATE", "INSERT", "SELECT"].contains(&first),
            "unexpected statement: {s}"
        );
    }
}

#[test]
fn create_table_lists_every_column() {
    let t = create_table(864_000);
    assert!(t.starts_with("CREATE TABLE IF NOT EXISTS discord.messages (\n    channel_id bigint,\n    bucket int,\n    message_id bigint,\n    author_id bigint,\n    content text,"));
    assert_eq!(t.matches(",\n").count(), 17, "3 key + 14 regular columns");
}
