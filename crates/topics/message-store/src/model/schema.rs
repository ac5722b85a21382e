//! The messages table: 16 message fields modelled on Discord's message object,
//! plus the `bucket` the schema adds to the partition key.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const KEYSPACE: &str = "discord";
pub const TABLE: &str = "messages";
/// Discord caps messages at 2000 characters (4000 with Nitro).
pub const MAX_CONTENT_CHARS: usize = 4000;

/// CQL types the table uses. Discord's collection columns (attachments,
/// embeds, mentions) are modelled as text holding JSON, which keeps one
/// tombstone per null column as Discord saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CqlType {
    BigInt,
    Int,
    Boolean,
    Text,
    Timestamp,
}

impl CqlType {
    pub fn name(self) -> &'static str {
        match self {
            CqlType::BigInt => "bigint",
            CqlType::Int => "int",
            CqlType::Boolean => "boolean",
            CqlType::Text => "text",
            CqlType::Timestamp => "timestamp",
        }
    }
}

/// The regular (non-key) columns. Key columns (`channel_id`, `bucket`,
/// `message_id`) are stored in the partition and row key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Column {
    AuthorId,
    Content,
    EditedTimestamp,
    Attachments,
    Embeds,
    Mentions,
    MentionRoles,
    MentionEveryone,
    Pinned,
    Tts,
    Type,
    Nonce,
    Flags,
    WebhookId,
}

/// The twelve columns a typical message leaves null.
pub const NULLABLE_COLUMNS: [Column; 12] = [
    Column::EditedTimestamp,
    Column::Attachments,
    Column::Embeds,
    Column::Mentions,
    Column::MentionRoles,
    Column::MentionEveryone,
    Column::Pinned,
    Column::Tts,
    Column::Type,
    Column::Nonce,
    Column::Flags,
    Column::WebhookId,
];

pub const ALL_COLUMNS: [Column; 14] = [
    Column::AuthorId,
    Column::Content,
    Column::EditedTimestamp,
    Column::Attachments,
    Column::Embeds,
    Column::Mentions,
    Column::MentionRoles,
    Column::MentionEveryone,
    Column::Pinned,
    Column::Tts,
    Column::Type,
    Column::Nonce,
    Column::Flags,
    Column::WebhookId,
];

/// Message fields: the 3 key fields plus the 14 regular columns, minus
/// `bucket` which is a storage detail, gives Discord's 16.
pub const MESSAGE_FIELD_COUNT: usize = 16;

impl Column {
    pub fn name(self) -> &'static str {
        match self {
            Column::AuthorId => "author_id",
            Column::Content => "content",
            Column::EditedTimestamp => "edited_timestamp",
            Column::Attachments => "attachments",
            Column::Embeds => "embeds",
            Column::Mentions => "mentions",
            Column::MentionRoles => "mention_roles",
            Column::MentionEveryone => "mention_everyone",
            Column::Pinned => "pinned",
            Column::Tts => "tts",
            Column::Type => "type",
            Column::Nonce => "nonce",
            Column::Flags => "flags",
            Column::WebhookId => "webhook_id",
        }
    }

    pub fn cql_type(self) -> CqlType {
        match self {
            Column::AuthorId | Column::WebhookId => CqlType::BigInt,
            Column::Content
            | Column::Attachments
            | Column::Embeds
            | Column::Mentions
            | Column::MentionRoles
            | Column::Nonce => CqlType::Text,
            Column::EditedTimestamp => CqlType::Timestamp,
            Column::MentionEveryone | Column::Pinned | Column::Tts => CqlType::Boolean,
            Column::Type | Column::Flags => CqlType::Int,
        }
    }

    /// Stable small index, used for bit masks.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Option<Column> {
        ALL_COLUMNS.get(i).copied()
    }
}

/// A non-null column value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    BigInt(i64),
    Int(i32),
    Boolean(bool),
    Text(String),
    /// Milliseconds since the Unix epoch, as CQL's `timestamp`.
    Timestamp(i64),
}

impl Value {
    pub fn cql_type(&self) -> CqlType {
        match self {
            Value::BigInt(_) => CqlType::BigInt,
            Value::Int(_) => CqlType::Int,
            Value::Boolean(_) => CqlType::Boolean,
            Value::Text(_) => CqlType::Text,
            Value::Timestamp(_) => CqlType::Timestamp,
        }
    }

    /// The value's CQL serialization, the bytes Cassandra compares on a
    /// timestamp tie.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Value::BigInt(v) | Value::Timestamp(v) => v.to_be_bytes().to_vec(),
            Value::Int(v) => v.to_be_bytes().to_vec(),
            Value::Boolean(b) => vec![*b as u8],
            Value::Text(s) => s.as_bytes().to_vec(),
        }
    }

    /// Approximate serialized size for partition-size estimates.
    pub fn size(&self) -> usize {
        match self {
            Value::BigInt(_) | Value::Timestamp(_) => 8,
            Value::Int(_) => 4,
            Value::Boolean(_) => 1,
            Value::Text(s) => s.len(),
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::BigInt(v) | Value::Timestamp(v) => write!(f, "{v}"),
            Value::Int(v) => write!(f, "{v}"),
            Value::Boolean(b) => write!(f, "{b}"),
            Value::Text(s) => write!(f, "{s}"),
        }
    }
}
