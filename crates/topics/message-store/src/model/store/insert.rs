//! The append path for new messages. Generated traffic arrives in ID order
//! per channel, so most inserts are a push onto the channel's row vector;
//! anything else (an older ID, a partition tombstone, long text) takes the
//! general `apply_row`.

use super::super::cell::CellVersion;
use super::super::error::Error;
use super::super::input::Input;
use super::super::schema::{Column, Value, MAX_CONTENT_CHARS};
use super::row::{mask_ldt, Row};
use super::write::{check_id, check_key, check_ts, RowWrite};
use super::{Store, MAX_ROWS};

impl Store {
    /// The hot path for new messages: an INSERT of author and content (and,
    /// when `write_nulls`, explicit nulls for the other twelve columns).
    #[allow(clippy::too_many_arguments)]
    pub fn insert_message(
        &mut self,
        channel: u64,
        id: u64,
        author: u64,
        content: &str,
        ts: i64,
        ldt: u32,
        write_nulls: bool,
    ) -> Result<(), Error> {
        match self.index.get(&channel) {
            Some(&slot) => {
                self.insert_message_at(slot as usize, id, author, content, ts, ldt, write_nulls)
            }
            None => self.apply_row(&message_write(
                channel,
                id,
                author,
                content,
                ts,
                ldt,
                write_nulls,
            )),
        }
    }

    /// `insert_message` for a channel slot from `channel_slot`. Appends when
    /// the ID is the channel's newest; anything else takes `apply_row`.
    #[allow(clippy::too_many_arguments)]
    pub fn insert_message_at(
        &mut self,
        slot: usize,
        id: u64,
        author: u64,
        content: &str,
        ts: i64,
        ldt: u32,
        write_nulls: bool,
    ) -> Result<(), Error> {
        let Some(ch) = self.channels.get(slot) else {
            return Err(Error::Invalid {
                field: Input::Channel,
                reason: format!("slot {slot} does not exist"),
            });
        };
        let channel = ch.id;
        check_key(channel, id)?;
        check_id(Input::Column(Column::AuthorId), author)?;
        check_ts(ts)?;
        // Byte length bounds character count, so short text needs no scan.
        let fast = content.len() <= MAX_CONTENT_CHARS
            && self.rows < MAX_ROWS
            && (!write_nulls || ldt == mask_ldt(ts))
            && ch.newest.is_none_or(|n| n < id)
            && ch.partition_deletions.is_empty()
            && ch.ranges.is_empty();
        if !fast {
            return self.apply_row(&message_write(
                channel,
                id,
                author,
                content,
                ts,
                ldt,
                write_nulls,
            ));
        }
        let Some(payload) = self.arena.push(content) else {
            return Err(Error::TooMuchData {
                what: "text stored",
                limit: u32::MAX as u64,
            });
        };
        let mut row = Row::inserted(id, ts, author, payload);
        if write_nulls {
            row.null_mask = (1 << super::super::schema::NULLABLE_COLUMNS.len()) - 1;
            self.counters.cell_tombstones_written += 12;
        }
        let ch = &mut self.channels[slot];
        ch.rows.push(row);
        ch.newest = Some(id);
        self.rows += 1;
        self.counters.inserts += 1;
        if !self.empty.is_empty() {
            let bucket = self.config.bucket.bucket(id);
            self.empty.invalidate(channel, bucket);
        }
        Ok(())
    }

    /// The slot of a channel (created if new), for `insert_message_at`.
    pub fn channel_slot(&mut self, channel: u64) -> Result<usize, Error> {
        check_id(Input::ChannelId, channel)?;
        self.slot(channel).ok_or(Error::TooMuchData {
            what: "the number of channels",
            limit: super::MAX_CHANNELS as u64,
        })
    }

    /// Sizes each channel's row vector for a bulk load of messages to these
    /// channels (one entry per message) and the text arena for `text_bytes`
    /// more, so the load grows memory once instead of by repeated doubling.
    /// Invalid or surplus channels are left to the inserts to report.
    pub fn reserve_for_messages(&mut self, channels: &[u64], text_bytes: usize) {
        let mut counts: Vec<usize> = Vec::new();
        for &c in channels {
            if check_id(Input::ChannelId, c).is_err() {
                continue;
            }
            let Some(slot) = self.slot(c) else { continue };
            if counts.len() <= slot {
                counts.resize(slot + 1, 0);
            }
            counts[slot] += 1;
        }
        for (ch, n) in self.channels.iter_mut().zip(counts) {
            ch.rows.reserve(n);
        }
        self.arena.bytes.reserve(text_bytes);
    }

    /// Capacity hints for bulk loads.
    pub fn reserve(&mut self, slot: usize, rows: usize, text_bytes: usize) {
        if let Some(ch) = self.channels.get_mut(slot) {
            ch.rows.reserve(rows);
        }
        self.arena.bytes.reserve(text_bytes);
    }
}

/// The RowWrite an INSERT of a message amounts to.
pub fn message_write(
    channel: u64,
    id: u64,
    author: u64,
    content: &str,
    ts: i64,
    ldt: u32,
    write_nulls: bool,
) -> RowWrite {
    let mut cells = vec![
        (
            Column::AuthorId,
            CellVersion::live(ts, Value::BigInt(author as i64)),
        ),
        (
            Column::Content,
            CellVersion::live(ts, Value::Text(content.to_string())),
        ),
    ];
    if write_nulls {
        for col in super::super::schema::NULLABLE_COLUMNS {
            cells.push((col, CellVersion::tombstone(ts, ldt)));
        }
    }
    RowWrite {
        channel,
        message_id: id,
        marker: Some(ts),
        deletion: None,
        cells,
    }
}
