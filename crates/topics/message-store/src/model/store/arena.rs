//! Cell values in compact form. Text lives in one byte arena per store, so a
//! message costs its bytes plus a fixed-size row, not a heap allocation each.

use super::super::cell::{compare, CellView};
use super::super::schema::{Column, CqlType, Value};
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Absent,
    Live,
    Tomb,
}

/// A cell without its column: for live cells `payload` is the value (or an
/// arena reference for text), for tombstones the local deletion time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Compact {
    pub ts: i64,
    pub kind: Kind,
    pub payload: u64,
}

impl Compact {
    pub const ABSENT: Compact = Compact {
        ts: 0,
        kind: Kind::Absent,
        payload: 0,
    };

    pub fn tomb(ts: i64, ldt: u32) -> Compact {
        Compact {
            ts,
            kind: Kind::Tomb,
            payload: ldt as u64,
        }
    }

    pub fn ldt(&self) -> u32 {
        self.payload as u32
    }
}

#[derive(Clone, Debug, Default)]
pub struct Arena {
    pub bytes: Vec<u8>,
}

/// Text references pack offset and length into one u64.
fn text_ref(off: usize, len: usize) -> u64 {
    ((off as u64) << 32) | (len as u64 & 0xFFFF_FFFF)
}

impl Arena {
    /// Fails only when the arena would pass 4 GiB, which the caps prevent.
    pub fn push(&mut self, s: &str) -> Option<u64> {
        let off = self.bytes.len();
        if off.checked_add(s.len())? > u32::MAX as usize {
            return None;
        }
        self.bytes.extend_from_slice(s.as_bytes());
        Some(text_ref(off, s.len()))
    }

    pub fn text(&self, payload: u64) -> &[u8] {
        let off = (payload >> 32) as usize;
        let len = (payload & 0xFFFF_FFFF) as usize;
        self.bytes.get(off..off + len).unwrap_or(&[])
    }

    /// Text is only ever pushed from `&str`, so it is valid UTF-8.
    pub fn string(&self, payload: u64) -> String {
        std::str::from_utf8(self.text(payload))
            .unwrap_or("")
            .to_string()
    }

    pub fn encode(&mut self, v: &Value) -> Option<u64> {
        Some(match v {
            Value::BigInt(x) | Value::Timestamp(x) => *x as u64,
            Value::Int(x) => *x as i64 as u64,
            Value::Boolean(b) => *b as u64,
            Value::Text(s) => self.push(s)?,
        })
    }

    pub fn decode(&self, col: Column, payload: u64) -> Value {
        match col.cql_type() {
            CqlType::BigInt => Value::BigInt(payload as i64),
            CqlType::Timestamp => Value::Timestamp(payload as i64),
            CqlType::Int => Value::Int(payload as i64 as i32),
            CqlType::Boolean => Value::Boolean(payload != 0),
            CqlType::Text => Value::Text(self.string(payload)),
        }
    }

    /// Size of the serialized value, for partition-size estimates.
    pub fn value_size(&self, col: Column, payload: u64) -> usize {
        match col.cql_type() {
            CqlType::BigInt | CqlType::Timestamp => 8,
            CqlType::Int => 4,
            CqlType::Boolean => 1,
            CqlType::Text => (payload & 0xFFFF_FFFF) as usize,
        }
    }

    /// The reconcile rule of `cell::compare`, applied to compact cells.
    pub fn compare(&self, col: Column, a: &Compact, b: &Compact) -> Ordering {
        let (mut ba, mut bb) = ([0u8; 8], [0u8; 8]);
        let va = self.view(col, a, &mut ba);
        let vb = self.view(col, b, &mut bb);
        compare(&va, &vb)
    }

    fn view<'a>(&'a self, col: Column, c: &Compact, buf: &'a mut [u8; 8]) -> CellView<'a> {
        let tombstone = c.kind == Kind::Tomb;
        let bytes: &[u8] = if tombstone {
            &[]
        } else {
            match col.cql_type() {
                CqlType::Text => self.text(c.payload),
                CqlType::BigInt | CqlType::Timestamp => {
                    *buf = c.payload.to_be_bytes();
                    &buf[..]
                }
                CqlType::Int => {
                    buf[..4].copy_from_slice(&(c.payload as u32).to_be_bytes());
                    &buf[..4]
                }
                CqlType::Boolean => {
                    buf[0] = (c.payload != 0) as u8;
                    &buf[..1]
                }
            }
        };
        CellView {
            ts: c.ts,
            tombstone,
            ldt: if tombstone { c.ldt() } else { 0 },
            bytes,
        }
    }
}
