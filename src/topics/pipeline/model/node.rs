//! A TOML document as a tree that remembers where each key and value came from.
//!
//! `toml::Spanned<T>` stops at the first type mismatch, but the panel must list every
//! problem at once, so the config is read into this loose tree and checked by hand.
//! Spans come from the same serde hook `toml::Spanned` uses; its private field names
//! are read from `toml::Spanned` itself rather than copied, so they cannot drift.

use std::fmt;
use std::sync::OnceLock;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

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

/// A value and, when the parser knows it, where it is. Implicit tables (made by a
/// dotted header such as `[a.b]`) have no span of their own.
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

/// Parses TOML text into a tree; the error is toml's, with its span.
pub fn parse(text: &str) -> Result<Vec<Entry>, toml::de::Error> {
    match toml::from_str::<Node>(text)? {
        Node::Table(entries) => Ok(entries),
        // A document is always a table; anything else would be a toml bug.
        _ => Ok(Vec::new()),
    }
}

struct SpannedNames {
    name: &'static str,
    fields: &'static [&'static str],
}

/// Asks `toml::Spanned` which struct name and fields it requests from a deserializer.
fn spanned_names() -> &'static SpannedNames {
    static NAMES: OnceLock<SpannedNames> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut probe = Probe(None);
        let _ = toml::Spanned::<bool>::deserialize(&mut probe);
        let (name, fields) = probe.0.unwrap_or(("", &[]));
        SpannedNames { name, fields }
    })
}

struct Probe(Option<(&'static str, &'static [&'static str])>);

impl<'de> Deserializer<'de> for &mut Probe {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some((name, fields));
        Err(de::Error::custom("probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
        enum identifier ignored_any
    }
}

fn field(i: usize) -> &'static str {
    spanned_names().fields.get(i).copied().unwrap_or("")
}

/// Either the spanned wrapper's map (start, end, value) or a plain value.
struct SpannedVisitor;

impl<'de> Visitor<'de> for SpannedVisitor {
    type Value = Spanned;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Spanned, A::Error> {
        let first = match map.next_key_seed(KeySeed)? {
            None => return Ok(plain(Node::Table(Vec::new()))),
            Some(KeyOrField::Key(k)) => return NodeVisitor.table_from(k, map).map(plain),
            Some(KeyOrField::Field(i)) => i,
        };
        // The wrapper's fields: start, end, value, in that order.
        let mut start = 0usize;
        let mut end = 0usize;
        let mut field = Some(first);
        let mut node = None;
        while let Some(i) = field {
            match i {
                0 => start = map.next_value()?,
                1 => end = map.next_value()?,
                _ => node = Some(map.next_value::<Node>()?),
            }
            field = match map.next_key_seed(KeySeed)? {
                Some(KeyOrField::Field(i)) => Some(i),
                _ => None,
            };
        }
        Ok(Spanned {
            span: Some(Span::new(start, end)),
            node: node.unwrap_or(Node::Table(Vec::new())),
        })
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Spanned, E> {
        NodeVisitor.visit_bool(v).map(plain)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Spanned, E> {
        NodeVisitor.visit_i64(v).map(plain)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Spanned, E> {
        NodeVisitor.visit_u64(v).map(plain)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Spanned, E> {
        NodeVisitor.visit_f64(v).map(plain)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Spanned, E> {
        NodeVisitor.visit_str(v).map(plain)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Spanned, A::Error> {
        NodeVisitor.visit_seq(seq).map(plain)
    }
}

fn plain(node: Node) -> Spanned {
    Spanned { span: None, node }
}

impl<'de> Deserialize<'de> for Spanned {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = spanned_names();
        d.deserialize_struct(names.name, names.fields, SpannedVisitor)
    }
}

/// A table key with its span when the parser has one.
struct Key(String, Option<Span>);

/// A map key: a real table key, or one of the span wrapper's private fields
/// (by index), told apart without allocating for the latter.
enum KeyOrField {
    Key(Key),
    Field(usize),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = KeyOrField;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<KeyOrField, D::Error> {
        let names = spanned_names();
        d.deserialize_struct(names.name, names.fields, KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyOrField;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyOrField, E> {
        let names = spanned_names();
        Ok(match names.fields.iter().position(|f| *f == v) {
            Some(i) => KeyOrField::Field(i),
            None => KeyOrField::Key(Key(v.to_owned(), None)),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrField, A::Error> {
        let mut start = 0usize;
        let mut end = 0usize;
        let mut text = String::new();
        while let Some(k) = map.next_key_seed(KeySeed)? {
            match k {
                KeyOrField::Field(0) => start = map.next_value()?,
                KeyOrField::Field(1) => end = map.next_value()?,
                _ => text = map.next_value()?,
            }
        }
        Ok(KeyOrField::Key(Key(text, Some(Span::new(start, end)))))
    }
}

struct NodeVisitor;

impl NodeVisitor {
    fn table_from<'de, A: MapAccess<'de>>(self, first: Key, mut map: A) -> Result<Node, A::Error> {
        // toml hands dates over as a one-entry map under a private key.
        if first.0.starts_with("$__toml_private_datetime") {
            let text: String = map.next_value()?;
            return Ok(Node::Datetime(text));
        }
        let mut entries = Vec::new();
        let mut key = Some(first);
        while let Some(Key(k, key_span)) = key {
            let value: Spanned = map.next_value()?;
            entries.push(Entry {
                key: k,
                key_span,
                value,
            });
            key = match map.next_key_seed(KeySeed)? {
                Some(KeyOrField::Key(k)) => Some(k),
                // A real table never has the wrapper's private names as keys.
                Some(KeyOrField::Field(i)) => Some(Key(field(i).to_owned(), None)),
                None => None,
            };
        }
        Ok(Node::Table(entries))
    }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(i64::try_from(v).unwrap_or(i64::MAX)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        match map.next_key_seed(KeySeed)? {
            Some(KeyOrField::Key(first)) => self.table_from(first, map),
            Some(KeyOrField::Field(i)) => self.table_from(Key(field(i).to_owned(), None), map),
            None => Ok(Node::Table(Vec::new())),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}
