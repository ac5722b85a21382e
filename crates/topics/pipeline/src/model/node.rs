//! A TOML document as a tree that remembers where each key and value came from.
//!
//! Deserializing into typed structs stops at the first type mismatch, but the panel
//! must list every problem at once, so the config is read into this loose tree and
//! checked by hand. The tree is built from toml's own spanned parse tree
//! (`toml::de::DeTable`), which skips serde entirely: that is most of what makes
//! validation of a 2 000-target config fit in a frame.

use std::borrow::Cow;

use toml::de::{DeTable, DeValue};
use toml::Spanned as TomlSpanned;

use super::position::Span;

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Datetime(String),
    Array(Vec<Spanned>),
    Table(Vec<Entry>),
}

/// A value and where it is. Implicit tables (made by a dotted header such as
/// `[a.b]`) are placed at the key that made them.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned {
    pub span: Option<Span>,
    pub node: Node,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Option<Span>,
    pub value: Spanned,
}

impl Node {
    /// How a value is named in "must be X (got Y)" messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Str(_) => "a string",
            Node::Int(_) => "an integer",
            Node::Float(_) => "a float",
            Node::Bool(_) => "a boolean",
            Node::Datetime(_) => "a date/time",
            Node::Array(_) => "an array",
            Node::Table(_) => "a table",
        }
    }
}

/// Parses TOML text into a tree in document order; the error is toml's, with its span.
/// Of several syntax errors the first in the text is reported: toml notices some
/// (an unclosed string, say) only after a later one, and the reader fixes from the top.
pub fn parse(text: &str) -> Result<Vec<Entry>, toml::de::Error> {
    let (root, errors) = DeTable::parse_recoverable(text);
    match errors
        .into_iter()
        .min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start))
    {
        Some(first) => Err(first),
        None => Ok(entries(root.into_inner())),
    }
}

fn entries(table: DeTable<'_>) -> Vec<Entry> {
    let mut out: Vec<Entry> = table
        .into_iter()
        .map(|(key, value)| Entry {
            key_span: Some(Span::from(key.span())),
            key: key.into_inner().into_owned(),
            value: spanned(value),
        })
        .collect();
    // toml keeps tables sorted by key; errors and the editor want source order.
    out.sort_by_key(|e| e.key_span.map_or(usize::MAX, |s| s.start));
    out
}

fn spanned(value: TomlSpanned<DeValue<'_>>) -> Spanned {
    let span = Some(Span::from(value.span()));
    let node = match value.into_inner() {
        DeValue::String(s) => Node::Str(Cow::into_owned(s)),
        DeValue::Integer(i) => Node::Int(i64::from_str_radix(i.as_str(), i.radix()).unwrap_or(
            // Out of i64's range: saturate, so the field's range check reports it.
            if i.as_str().starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            },
        )),
        DeValue::Float(f) => Node::Float(f.as_str().parse().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Node::Bool(b),
        DeValue::Datetime(d) => Node::Datetime(d.to_string()),
        DeValue::Array(items) => Node::Array(items.into_iter().map(spanned).collect()),
        DeValue::Table(t) => Node::Table(entries(t)),
    };
    Spanned { span, node }
}
