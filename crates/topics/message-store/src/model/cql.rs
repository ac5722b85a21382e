//! The CQL mirror: every change in the panel as the statement Discord's
//! service would have sent, and a `.cql` export runnable in cqlsh.
//!
//! User text only ever appears inside single-quoted string literals, with
//! quotes doubled, never in comments, so hostile content cannot break out.

use super::schema::{Column, Value, ALL_COLUMNS, KEYSPACE, TABLE};

/// A CQL string literal: `'` becomes `''`.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for ch in s.chars() {
        if ch == '\'' {
            out.push('\'');
        }
        out.push(ch);
    }
    out.push('\'');
    out
}

pub fn literal(v: Option<&Value>) -> String {
    match v {
        None => "null".to_string(),
        Some(Value::Text(s)) => quote(s),
        Some(other) => other.to_string(),
    }
}

fn table() -> String {
    format!("{KEYSPACE}.{TABLE}")
}

fn key_where(channel: u64, bucket: u64, id: Option<u64>) -> String {
    match id {
        Some(m) => format!("channel_id = {channel} AND bucket = {bucket} AND message_id = {m}"),
        None => format!("channel_id = {channel} AND bucket = {bucket}"),
    }
}

/// One bucket of the walk (no trailing semicolon: Cassandra's messages quote it).
pub fn select_statement(channel: u64, bucket: u64, before: Option<u64>, limit: u32) -> String {
    let range = before
        .map(|b| format!(" AND message_id < {b}"))
        .unwrap_or_default();
    format!(
        "SELECT * FROM {} WHERE channel_id = {channel} AND bucket = {bucket}{range} LIMIT {limit}",
        table()
    )
}

pub fn insert_statement(
    channel: u64,
    bucket: u64,
    id: u64,
    cells: &[(Column, Option<Value>)],
    ts: i64,
    ttl: Option<u32>,
) -> String {
    let mut cols = vec!["channel_id", "bucket", "message_id"];
    let mut vals = vec![channel.to_string(), bucket.to_string(), id.to_string()];
    for col in ALL_COLUMNS {
        if let Some((_, v)) = cells.iter().find(|(c, _)| *c == col) {
            cols.push(col.name());
            vals.push(literal(v.as_ref()));
        }
    }
    let ttl = ttl.map(|t| format!("TTL {t} AND ")).unwrap_or_default();
    format!(
        "INSERT INTO {} ({}) VALUES ({}) USING {ttl}TIMESTAMP {ts};",
        table(),
        cols.join(", "),
        vals.join(", ")
    )
}

pub fn update_statement(
    channel: u64,
    bucket: u64,
    id: u64,
    cells: &[(Column, Option<Value>)],
    ts: i64,
) -> String {
    let sets: Vec<String> = cells
        .iter()
        .map(|(c, v)| format!("{} = {}", c.name(), literal(v.as_ref())))
        .collect();
    format!(
        "UPDATE {} USING TIMESTAMP {ts} SET {} WHERE {};",
        table(),
        sets.join(", "),
        key_where(channel, bucket, Some(id))
    )
}

pub fn delete_row_statement(channel: u64, bucket: u64, id: u64, ts: i64) -> String {
    format!(
        "DELETE FROM {} USING TIMESTAMP {ts} WHERE {};",
        table(),
        key_where(channel, bucket, Some(id))
    )
}

pub fn delete_partition_statement(channel: u64, bucket: u64, ts: i64) -> String {
    format!(
        "DELETE FROM {} USING TIMESTAMP {ts} WHERE {};",
        table(),
        key_where(channel, bucket, None)
    )
}

/// A range delete: one range tombstone over the bucket's rows below `below`.
pub fn delete_range_statement(channel: u64, bucket: u64, below: u64, ts: i64) -> String {
    format!(
        "DELETE FROM {} USING TIMESTAMP {ts} WHERE {} AND message_id < {below};",
        table(),
        key_where(channel, bucket, None)
    )
}

pub fn alter_grace_statement(seconds: u32) -> String {
    format!("ALTER TABLE {} WITH gc_grace_seconds = {seconds};", table())
}

pub fn create_keyspace(rf: usize) -> String {
    format!(
        "CREATE KEYSPACE IF NOT EXISTS {KEYSPACE} WITH replication = {{'class': 'SimpleStrategy', 'replication_factor': {rf}}};"
    )
}

pub fn create_table(gc_grace_seconds: u32) -> String {
    let mut s = format!("CREATE TABLE IF NOT EXISTS {} (\n", table());
    s.push_str("    channel_id bigint,\n    bucket int,\n    message_id bigint,\n");
    for col in ALL_COLUMNS {
        s.push_str(&format!("    {} {},\n", col.name(), col.cql_type().name()));
    }
    s.push_str("    PRIMARY KEY ((channel_id, bucket), message_id)\n");
    s.push_str(&format!(
        ") WITH CLUSTERING ORDER BY (message_id DESC)\n    AND gc_grace_seconds = {gc_grace_seconds};"
    ));
    s
}

/// A whole session as a cqlsh script. `initial_grace` is the table's
/// setting when the session began; later changes appear as ALTER TABLE.
pub fn export_script(rf: usize, initial_grace: u32, statements: &[String]) -> String {
    let mut s = String::from("-- Techshack Live: message-store playground session\n");
    s.push_str("-- Run with: cqlsh -f session.cql\n");
    s.push_str(&create_keyspace(rf));
    s.push('\n');
    s.push_str(&create_table(initial_grace));
    s.push_str("\n\n");
    for st in statements {
        s.push_str(st);
        s.push('\n');
    }
    s
}
