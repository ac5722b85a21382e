//! Last-write-wins: how Cassandra reconciles two versions of a cell, and how
//! deletions shadow older data.

use super::schema::Value;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Reserved by Cassandra to mean "no timestamp"; USING TIMESTAMP rejects it.
pub const NO_TS: i64 = i64::MIN;

/// A row, partition or cell deletion: `markedForDeleteAt` (µs) plus the local
/// deletion time (s) that starts the gc_grace_seconds countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deletion {
    pub ts: i64,
    pub ldt: u32,
}

impl Deletion {
    /// `DeletionTime.supersedes`: later timestamp, then later local deletion time.
    pub fn supersedes(&self, other: &Deletion) -> bool {
        self.ts > other.ts || (self.ts == other.ts && self.ldt > other.ldt)
    }

    /// A deletion shadows data written at or before its timestamp.
    pub fn deletes(&self, ts: i64) -> bool {
        ts <= self.ts
    }

    /// Compaction may drop it once `ldt < now - gc_grace_seconds`.
    pub fn purgeable(&self, gc_before: i64) -> bool {
        (self.ldt as i64) < gc_before
    }

    pub fn merge(a: Option<Deletion>, b: Option<Deletion>) -> Option<Deletion> {
        match (a, b) {
            (Some(x), Some(y)) => Some(if y.supersedes(&x) { y } else { x }),
            (x, None) => x,
            (None, y) => y,
        }
    }
}

/// One version of a cell. `value: None` is a tombstone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellVersion {
    pub ts: i64,
    /// Local deletion time in seconds; only meaningful for tombstones.
    pub ldt: u32,
    pub value: Option<Value>,
}

impl CellVersion {
    pub fn live(ts: i64, value: Value) -> CellVersion {
        CellVersion {
            ts,
            ldt: 0,
            value: Some(value),
        }
    }

    pub fn tombstone(ts: i64, ldt: u32) -> CellVersion {
        CellVersion {
            ts,
            ldt,
            value: None,
        }
    }

    pub fn is_tombstone(&self) -> bool {
        self.value.is_none()
    }

    fn bytes(&self) -> Vec<u8> {
        self.value.as_ref().map(Value::to_bytes).unwrap_or_default()
    }

    pub fn view<'a>(&self, scratch: &'a mut Vec<u8>) -> CellView<'a> {
        *scratch = self.bytes();
        CellView {
            ts: self.ts,
            tombstone: self.is_tombstone(),
            ldt: if self.is_tombstone() { self.ldt } else { 0 },
            bytes: scratch.as_slice(),
        }
    }
}

/// What the reconcile rule needs to see of a cell.
#[derive(Clone, Copy, Debug)]
pub struct CellView<'a> {
    pub ts: i64,
    pub tombstone: bool,
    pub ldt: u32,
    pub bytes: &'a [u8],
}

/// Cassandra's `Cells.resolveRegular` for non-expiring cells: `Greater` means
/// `a` wins. Higher timestamp wins; on a tie a tombstone beats a live cell;
/// two tombstones prefer the later local deletion time; otherwise the larger
/// value, comparing serialized bytes unsigned (as ScyllaDB's
/// `compare_atomic_cell_for_merge` does).
pub fn compare(a: &CellView, b: &CellView) -> Ordering {
    a.ts.cmp(&b.ts)
        .then_with(|| a.tombstone.cmp(&b.tombstone))
        .then_with(|| {
            if a.tombstone && b.tombstone {
                a.ldt.cmp(&b.ldt)
            } else {
                Ordering::Equal
            }
        })
        .then_with(|| a.bytes.cmp(b.bytes))
}

/// The winner of two versions; ties that compare equal are identical cells.
pub fn reconcile<'a>(a: &'a CellVersion, b: &'a CellVersion) -> &'a CellVersion {
    let (mut sa, mut sb) = (Vec::new(), Vec::new());
    if compare(&a.view(&mut sa), &b.view(&mut sb)) == Ordering::Less {
        b
    } else {
        a
    }
}
