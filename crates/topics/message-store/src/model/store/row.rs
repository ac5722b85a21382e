//! One clustering row, packed into 40 bytes.
//!
//! An INSERT writes the row marker and every cell with one timestamp, so the
//! common row stores that timestamp once: author and content are "inline"
//! (live, written with the marker's timestamp), and the null-column
//! tombstones of the same INSERT are a bit mask. Cells with their own
//! timestamp (edits, deletes of a column) and row deletions go to a side
//! table. Before the marker changes, shared cells are moved out
//! (`materialize`), so a shared timestamp is never rewritten by accident.

use super::super::cell::{Deletion, NO_TS};
use super::super::schema::{Column, ALL_COLUMNS, NULLABLE_COLUMNS};
use super::arena::{Compact, Kind};

pub const NO_EXTRA: u32 = u32::MAX;
const AUTHOR_INLINE: u8 = 1;
const CONTENT_INLINE: u8 = 2;

#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub id: u64,
    /// Primary-key liveness (the "row marker" an INSERT writes); NO_TS if none.
    pub marker: i64,
    /// Values of the inline author and content cells.
    pub author: u64,
    pub content: u64,
    pub extra: u32,
    inline: u8,
    /// Bit i set: `NULLABLE_COLUMNS[i]` holds a tombstone with the marker's
    /// timestamp and local deletion time `mask_ldt(marker)`.
    pub null_mask: u16,
}

#[derive(Clone, Debug, Default)]
pub struct RowExtra {
    pub deletion: Option<Deletion>,
    pub cells: Vec<(Column, Compact)>,
}

/// The local deletion time the null mask implies: the write's own second.
pub fn mask_ldt(marker: i64) -> u32 {
    marker.div_euclid(1_000_000).clamp(0, u32::MAX as i64) as u32
}

/// `NULLABLE_COLUMNS` are the columns after author and content, in order.
pub fn nullable_bit(col: Column) -> Option<u16> {
    let i = col.index();
    (2..2 + NULLABLE_COLUMNS.len())
        .contains(&i)
        .then(|| 1u16 << (i - 2))
}

fn inline_bit(col: Column) -> u8 {
    match col {
        Column::AuthorId => AUTHOR_INLINE,
        Column::Content => CONTENT_INLINE,
        _ => 0,
    }
}

impl Row {
    pub fn new(id: u64) -> Row {
        Row {
            id,
            marker: NO_TS,
            author: 0,
            content: 0,
            extra: NO_EXTRA,
            inline: 0,
            null_mask: 0,
        }
    }

    /// A fresh INSERT of author and content at the marker's timestamp.
    pub fn inserted(id: u64, ts: i64, author: u64, content: u64) -> Row {
        Row {
            id,
            marker: ts,
            author,
            content,
            extra: NO_EXTRA,
            inline: AUTHOR_INLINE | CONTENT_INLINE,
            null_mask: 0,
        }
    }

    pub fn author_inline(&self) -> bool {
        self.inline & AUTHOR_INLINE != 0
    }

    pub fn content_inline(&self) -> bool {
        self.inline & CONTENT_INLINE != 0
    }

    pub fn extra<'a>(&self, extras: &'a [RowExtra]) -> Option<&'a RowExtra> {
        if self.extra == NO_EXTRA {
            None
        } else {
            extras.get(self.extra as usize)
        }
    }

    fn extra_mut<'a>(&mut self, extras: &'a mut Vec<RowExtra>) -> &'a mut RowExtra {
        if self.extra == NO_EXTRA || self.extra as usize >= extras.len() {
            self.extra = extras.len() as u32;
            extras.push(RowExtra::default());
        }
        let i = self.extra as usize;
        &mut extras[i]
    }

    pub fn deletion(&self, extras: &[RowExtra]) -> Option<Deletion> {
        self.extra(extras).and_then(|e| e.deletion)
    }

    pub fn set_deletion(&mut self, d: Option<Deletion>, extras: &mut Vec<RowExtra>) {
        if d.is_none() && self.extra == NO_EXTRA {
            return;
        }
        self.extra_mut(extras).deletion = d;
    }

    pub fn get(&self, col: Column, extras: &[RowExtra]) -> Compact {
        let bit = inline_bit(col);
        if self.inline & bit != 0 {
            let payload = if col == Column::AuthorId {
                self.author
            } else {
                self.content
            };
            return Compact {
                ts: self.marker,
                kind: Kind::Live,
                payload,
            };
        }
        if let Some(b) = nullable_bit(col) {
            if self.null_mask & b != 0 {
                return Compact::tomb(self.marker, mask_ldt(self.marker));
            }
        }
        self.extra(extras)
            .and_then(|e| e.cells.iter().find(|(c, _)| *c == col))
            .map(|(_, v)| *v)
            .unwrap_or(Compact::ABSENT)
    }

    /// Stores a cell; author and content go inline when they share the
    /// marker's timestamp. Callers `materialize` before changing the marker.
    pub fn set(&mut self, col: Column, v: Compact, extras: &mut Vec<RowExtra>) {
        let bit = inline_bit(col);
        if let Some(b) = nullable_bit(col) {
            self.null_mask &= !b;
        }
        let inline =
            bit != 0 && v.kind == Kind::Live && self.marker != NO_TS && v.ts == self.marker;
        self.inline &= !bit;
        if inline {
            self.inline |= bit;
            if col == Column::AuthorId {
                self.author = v.payload;
            } else {
                self.content = v.payload;
            }
        }
        if inline || v.kind == Kind::Absent {
            if self.extra != NO_EXTRA {
                if let Some(e) = extras.get_mut(self.extra as usize) {
                    e.cells.retain(|(c, _)| *c != col);
                }
            }
            return;
        }
        let e = self.extra_mut(extras);
        match e.cells.iter_mut().find(|(c, _)| *c == col) {
            Some(slot) => slot.1 = v,
            None => e.cells.push((col, v)),
        }
    }

    /// Whether every cell of the row shares the marker's timestamp (no
    /// side-table entry): the row an INSERT leaves.
    pub fn is_plain(&self) -> bool {
        self.extra == NO_EXTRA && self.marker != NO_TS
    }

    /// Drops the marker and every cell that shares its timestamp: what a
    /// deletion at or after the marker does to a plain row.
    pub fn clear_plain(&mut self) {
        self.marker = NO_TS;
        self.inline = 0;
        self.null_mask = 0;
    }

    /// Moves every cell that borrows the marker's timestamp into the side
    /// table, so the marker can change.
    pub fn materialize(&mut self, extras: &mut Vec<RowExtra>) {
        if self.null_mask == 0 && self.inline == 0 {
            return;
        }
        let live = |payload| Compact {
            ts: self.marker,
            kind: Kind::Live,
            payload,
        };
        let mut shared = Vec::new();
        if self.author_inline() {
            shared.push((Column::AuthorId, live(self.author)));
        }
        if self.content_inline() {
            shared.push((Column::Content, live(self.content)));
        }
        let tomb = Compact::tomb(self.marker, mask_ldt(self.marker));
        for (i, col) in NULLABLE_COLUMNS.iter().enumerate() {
            if self.null_mask & (1 << i) != 0 {
                shared.push((*col, tomb));
            }
        }
        self.null_mask = 0;
        self.inline = 0;
        let e = self.extra_mut(extras);
        for (col, v) in shared {
            e.cells.retain(|(c, _)| *c != col);
            e.cells.push((col, v));
        }
    }

    /// Folds side-table cells that share the marker's write back into the
    /// row, and forgets an emptied side-table entry.
    pub fn compress(&mut self, extras: &mut Vec<RowExtra>) {
        if self.extra == NO_EXTRA {
            return;
        }
        if self.marker != NO_TS {
            let (marker, ldt) = (self.marker, mask_ldt(self.marker));
            let cells = self
                .extra(extras)
                .map(|e| e.cells.clone())
                .unwrap_or_default();
            for (col, c) in cells {
                if inline_bit(col) != 0 && c.kind == Kind::Live && c.ts == marker {
                    self.set(col, c, extras);
                } else if let Some(b) = nullable_bit(col) {
                    if c.kind == Kind::Tomb && c.ts == marker && c.ldt() == ldt {
                        self.set(col, Compact::ABSENT, extras);
                        self.null_mask |= b;
                    }
                }
            }
        }
        if let Some(e) = self.extra(extras) {
            if e.deletion.is_none() && e.cells.is_empty() {
                self.extra = NO_EXTRA;
            }
        }
    }

    /// Every regular column with a cell, in column order.
    pub fn cells(&self, extras: &[RowExtra]) -> Vec<(Column, Compact)> {
        ALL_COLUMNS
            .iter()
            .map(|c| (*c, self.get(*c, extras)))
            .filter(|(_, v)| v.kind != Kind::Absent)
            .collect()
    }

    pub fn is_empty(&self, extras: &[RowExtra]) -> bool {
        self.marker == NO_TS
            && self.inline == 0
            && self.null_mask == 0
            && self
                .extra(extras)
                .map(|e| e.deletion.is_none() && e.cells.is_empty())
                .unwrap_or(true)
    }
}
