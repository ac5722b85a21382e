//! Upserts and deletions. Shadowed data is dropped as it is written, which is
//! what merging memtables and sstables would show on any later read.

use super::super::cell::{CellVersion, Deletion, NO_TS};
use super::super::error::Error;
use super::super::input::Input;
use super::super::schema::{Column, Value, MAX_CONTENT_CHARS};
use super::super::snowflake::MAX_ID;
use super::arena::{Arena, Compact, Kind};
use super::row::{Row, RowExtra};
use super::{Channel, Store, MAX_ROWS};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A write to one row: what one INSERT, UPDATE or DELETE carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowWrite {
    pub channel: u64,
    pub message_id: u64,
    /// An INSERT also writes primary-key liveness (the row marker).
    pub marker: Option<i64>,
    pub deletion: Option<Deletion>,
    pub cells: Vec<(Column, CellVersion)>,
}

pub(super) fn check_id(field: Input, v: u64) -> Result<(), Error> {
    if v > MAX_ID {
        return Err(Error::Invalid {
            field,
            reason: format!("{v} does not fit a signed bigint"),
        });
    }
    Ok(())
}

pub(super) fn check_ts(ts: i64) -> Result<(), Error> {
    if ts == NO_TS {
        return Err(Error::Invalid {
            field: Input::Timestamp,
            reason: "-9223372036854775808 is reserved by Cassandra and cannot be used".into(),
        });
    }
    Ok(())
}

pub(super) fn check_key(channel: u64, id: u64) -> Result<(), Error> {
    check_id(Input::ChannelId, channel)?;
    check_id(Input::MessageId, id)?;
    if id < channel {
        return Err(Error::Invalid {
            field: Input::MessageId,
            reason: format!(
                "{id} is older than its channel {channel}: a channel's ID predates its messages"
            ),
        });
    }
    Ok(())
}

fn check_value(col: Column, v: &Value) -> Result<(), Error> {
    if v.cql_type() != col.cql_type() {
        return Err(Error::Invalid {
            field: Input::Column(col),
            reason: format!(
                "expects {} (got {})",
                col.cql_type().name(),
                v.cql_type().name()
            ),
        });
    }
    if let Value::Text(s) = v {
        if s.chars().count() > MAX_CONTENT_CHARS {
            return Err(Error::Invalid {
                field: Input::Column(col),
                reason: format!("is limited to {MAX_CONTENT_CHARS} characters"),
            });
        }
    }
    Ok(())
}

fn apply_to_row(
    row: &mut Row,
    extras: &mut Vec<RowExtra>,
    arena: &Arena,
    marker: Option<i64>,
    deletion: Option<Deletion>,
    cells: &[(Column, Compact)],
) {
    // A bare row deletion of a plain row shadows all of it: skip moving its
    // cells to the side table only to drop them (a mass delete's hot path).
    if let (None, Some(d), true) = (marker, deletion, cells.is_empty()) {
        if row.is_plain() && d.deletes(row.marker) {
            row.clear_plain();
            row.set_deletion(Some(d), extras);
            return;
        }
    }
    row.materialize(extras);
    if let Some(d) = deletion {
        let cur = row.deletion(extras);
        let merged = Deletion::merge(cur, Some(d));
        if merged != cur {
            row.set_deletion(merged, extras);
            if let Some(m) = merged {
                shadow(row, extras, m);
            }
        }
    }
    let del = row.deletion(extras);
    let deleted = |ts: i64| del.is_some_and(|d| d.deletes(ts));
    if let Some(m) = marker {
        if !deleted(m) && (row.marker == NO_TS || m > row.marker) {
            row.marker = m;
        }
    }
    for (col, c) in cells {
        if deleted(c.ts) {
            continue;
        }
        let cur = row.get(*col, extras);
        if cur.kind == Kind::Absent || arena.compare(*col, c, &cur) == Ordering::Greater {
            row.set(*col, *c, extras);
        }
    }
    row.compress(extras);
}

/// Drops everything a deletion shadows (data written at or before it).
pub(super) fn shadow(row: &mut Row, extras: &mut Vec<RowExtra>, d: Deletion) {
    row.materialize(extras);
    if row.marker != NO_TS && d.deletes(row.marker) {
        row.marker = NO_TS;
    }
    for (col, c) in row.cells(extras) {
        if d.deletes(c.ts) {
            row.set(col, Compact::ABSENT, extras);
        }
    }
}

impl Store {
    /// The general write path: any mix of marker, row deletion and cells.
    pub fn apply_row(&mut self, w: &RowWrite) -> Result<(), Error> {
        check_key(w.channel, w.message_id)?;
        for ts in w.marker.iter().chain(w.deletion.iter().map(|d| &d.ts)) {
            check_ts(*ts)?;
        }
        for (col, c) in &w.cells {
            check_ts(c.ts)?;
            if let Some(v) = &c.value {
                check_value(*col, v)?;
            }
        }
        let bucket = self.config.bucket.bucket(w.message_id);
        let slot = self.slot(w.channel).ok_or(Error::TooMuchData {
            what: "the number of channels",
            limit: super::MAX_CHANNELS as u64,
        })?;
        // Partition and range tombstones shadow a late write with an older timestamp.
        let pd = self.channels[slot].covering_deletion(bucket, w.message_id);
        let alive = |ts: i64| !pd.is_some_and(|p| p.deletes(ts));
        let deletion = w.deletion.filter(|d| pd.is_none_or(|p| d.supersedes(&p)));
        let marker = w.marker.filter(|m| alive(*m));
        let mut cells = Vec::with_capacity(w.cells.len());
        for (col, c) in &w.cells {
            if !alive(c.ts) {
                continue;
            }
            let compact = match &c.value {
                None => Compact::tomb(c.ts, c.ldt),
                Some(v) => Compact {
                    ts: c.ts,
                    kind: Kind::Live,
                    payload: self.arena.encode(v).ok_or(Error::TooMuchData {
                        what: "text stored",
                        limit: u32::MAX as u64,
                    })?,
                },
            };
            cells.push((*col, compact));
        }
        if marker.is_none() && deletion.is_none() && cells.is_empty() {
            self.count_write(w, bucket);
            return Ok(());
        }
        let Store {
            channels, arena, ..
        } = self;
        let ch = &mut channels[slot];
        match ch.rows.binary_search_by_key(&w.message_id, |r| r.id) {
            Ok(i) => {
                apply_to_row(
                    &mut ch.rows[i],
                    &mut ch.extras,
                    arena,
                    marker,
                    deletion,
                    &cells,
                );
                if ch.rows[i].is_empty(&ch.extras) {
                    ch.rows.remove(i);
                    self.rows -= 1;
                }
            }
            Err(i) => {
                if self.rows >= MAX_ROWS {
                    return Err(Error::TooMuchData {
                        what: "the number of rows",
                        limit: MAX_ROWS as u64,
                    });
                }
                let mut row = Row::new(w.message_id);
                apply_to_row(&mut row, &mut ch.extras, arena, marker, deletion, &cells);
                if !row.is_empty(&ch.extras) {
                    ch.rows.insert(i, row);
                    self.rows += 1;
                }
            }
        }
        ch.refresh_newest();
        self.count_write(w, bucket);
        Ok(())
    }

    fn count_write(&mut self, w: &RowWrite, bucket: u64) {
        let c = &mut self.counters;
        if w.marker.is_some() {
            c.inserts += 1;
        } else if !w.cells.is_empty() {
            c.updates += 1;
        }
        if w.deletion.is_some() {
            c.row_deletes += 1;
        }
        c.cell_tombstones_written +=
            w.cells.iter().filter(|(_, v)| v.is_tombstone()).count() as u64;
        if w.marker.is_some() || w.cells.iter().any(|(_, v)| !v.is_tombstone()) {
            self.empty.invalidate(w.channel, bucket);
        }
    }

    /// `DELETE FROM messages WHERE channel_id = ? AND bucket = ?`
    pub fn delete_partition(
        &mut self,
        channel: u64,
        bucket: u64,
        d: Deletion,
    ) -> Result<(), Error> {
        check_id(Input::ChannelId, channel)?;
        check_ts(d.ts)?;
        let size = self.config.bucket;
        let slot = self.slot(channel).ok_or(Error::TooMuchData {
            what: "the number of channels",
            limit: super::MAX_CHANNELS as u64,
        })?;
        self.counters.partition_deletes += 1;
        let ch = &mut self.channels[slot];
        let cur = ch.partition_deletion(bucket);
        let merged = Deletion::merge(cur, Some(d));
        if merged == cur {
            return Ok(());
        }
        let Some(m) = merged else { return Ok(()) };
        ch.partition_deletions.retain(|(b, _)| *b != bucket);
        ch.partition_deletions.push((bucket, m));
        let end = size.last_id(bucket).saturating_add(1);
        self.rows -= shadow_slice(ch, size.first_id(bucket), end, m);
        Ok(())
    }
}

/// Applies a partition or range deletion to the rows with IDs in `lo..end`
/// and drops the rows it empties; returns how many were dropped.
pub(super) fn shadow_slice(ch: &mut Channel, lo: u64, end: u64, d: Deletion) -> usize {
    let start = ch.rows.partition_point(|r| r.id < lo);
    let stop = ch.rows.partition_point(|r| r.id < end);
    for i in start..stop.max(start) {
        let row = &mut ch.rows[i];
        shadow(row, &mut ch.extras, d);
        if row
            .deletion(&ch.extras)
            .is_some_and(|rd| !rd.supersedes(&d))
        {
            row.set_deletion(None, &mut ch.extras);
        }
        row.compress(&mut ch.extras);
    }
    let before = ch.rows.len();
    let extras = &ch.extras;
    ch.rows.retain(|r| !r.is_empty(extras));
    ch.refresh_newest();
    before - ch.rows.len()
}
