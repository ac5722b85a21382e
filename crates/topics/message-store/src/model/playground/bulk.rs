//! Bulk writes that only the single-node store takes: bursts of messages and
//! API-style mass deletes, at once or in slices (generated workloads are in
//! `generate.rs`).

use super::super::action::Action;
use super::super::cell::Deletion;
use super::super::cql;
use super::super::error::{check_range, Error};
use super::super::input::Input;
use super::super::store::{RowWrite, MAX_ROWS};
use super::writes::{ldt, snowflake, snowflake_time};
use super::{Outcome, Playground};
use std::fmt::Write;

/// A burst or bulk delete of more than this many rows may be applied in
/// slices (see `begin_sliced`).
pub const SLICED_OVER: u32 = 1_000;
/// Rows in the first slice of each phase: its code is cold then.
pub const FIRST_SLICE: u64 = 250;

/// The most rows the next slice of a phase may take: from `FIRST_SLICE`,
/// doubling with each slice of the phase. The caller sizes slices by the
/// time the last one took, and a phase's rows cost differently from the
/// last phase's (a delete costs more than a look for one): a caller's size
/// learnt on cheap looks made the first slices of deletes take 100 ms.
fn ramp_cap(ramp: u32) -> u64 {
    FIRST_SLICE << ramp.min(24)
}

/// A burst, checked and sized for.
#[derive(Clone, Debug)]
pub(super) struct BurstPlan {
    slot: usize,
    channel: u64,
    author: u64,
    count: u64,
    spacing_ms: u64,
    end: u64,
}

#[derive(Clone, Debug)]
enum SliceWork {
    Burst(BurstPlan),
    /// The rows to delete are picked first, in slices of their own
    /// (`picking` is where the next starts), then deleted.
    Delete {
        channel: u64,
        count: u32,
        ids: Vec<u64>,
        picking: Option<usize>,
    },
}

/// What a sliced action does, for a progress line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceKind {
    Writing,
    /// Finding the live messages a bulk delete deletes.
    Picking,
    Deleting,
}

/// A burst or bulk delete being applied in slices.
#[derive(Clone, Debug)]
pub(super) struct Slicing {
    action: Action,
    /// Where its statements start (see `Playground::last_statements`).
    mark: usize,
    /// Rows done so far.
    done: u64,
    /// Slices taken in the current phase (see `ramp_cap`).
    ramp: u32,
    work: SliceWork,
}

impl Slicing {
    fn total(&self) -> u64 {
        match &self.work {
            SliceWork::Burst(b) => b.count,
            SliceWork::Delete {
                count,
                ids,
                picking,
                ..
            } => match picking {
                Some(_) => u64::from(*count),
                None => ids.len() as u64,
            },
        }
    }
}

pub const MAX_BURST: u32 = 200_000;
/// Bulk actions log this many statements, then a count.
const BULK_LOGGED: usize = 20;

impl Playground {
    pub(super) fn burst(
        &mut self,
        channel: u64,
        author: u64,
        count: u32,
        spacing_ms: u64,
    ) -> Result<(), Error> {
        let plan = self.burst_begin(channel, author, count, spacing_ms)?;
        self.burst_rows(&plan, 0, plan.count)?;
        self.burst_end(&plan);
        Ok(())
    }

    /// Checks a burst and sizes the store for it.
    fn burst_begin(
        &mut self,
        channel: u64,
        author: u64,
        count: u32,
        spacing_ms: u64,
    ) -> Result<BurstPlan, Error> {
        let ch = snowflake(Input::Channel, channel)?;
        snowflake(Input::Author, author)?;
        check_range(Input::Count, count as u64, 1, MAX_BURST as u64)?;
        check_range(Input::Spacing, spacing_ms, 0, 86_400_000)?;
        if self.now_ms < ch.unix_ms() {
            return Err(Error::Invalid {
                field: Input::Channel,
                reason: "was created after the playground's clock".into(),
            });
        }
        let end = self.now_ms + spacing_ms * (count as u64 - 1);
        snowflake_time(end)?;
        if self.store.row_count() + count as usize > MAX_ROWS {
            return Err(Error::TooMuchData {
                what: "the number of rows",
                limit: MAX_ROWS as u64,
            });
        }
        // Sized once: a burst may be 200 000 rows, each with about 26 bytes
        // of text.
        let slot = self.store.channel_slot(channel)?;
        self.store
            .reserve(slot, count as usize, count as usize * 26);
        Ok(BurstPlan {
            slot,
            channel,
            author,
            count: count as u64,
            spacing_ms,
            end,
        })
    }

    /// Writes messages `from..to` of a burst (the clock stays at its start).
    fn burst_rows(&mut self, b: &BurstPlan, from: u64, to: u64) -> Result<(), Error> {
        let mut content = String::new();
        for k in from..to {
            let at = self.now_ms + b.spacing_ms * k;
            let seq = self.next_seq();
            let id = self.message_id(at, seq)?;
            let prev = self.now_ms;
            self.now_ms = at;
            let ts = self.next_ts();
            self.now_ms = prev;
            content.clear();
            let _ = write!(content, "message {} of the burst", k + 1);
            self.store.insert_message_at(
                b.slot,
                id,
                b.author,
                &content,
                ts,
                ldt(ts),
                self.write_nulls,
            )?;
            if (k as usize) < BULK_LOGGED {
                self.log_cql(self.insert_cql(b.channel, id, b.author, &content, ts, None));
            }
        }
        Ok(())
    }

    fn burst_end(&mut self, b: &BurstPlan) {
        if b.count as usize > BULK_LOGGED {
            self.log_cql(format!(
                "-- ... and {} more INSERTs like these",
                b.count as usize - BULK_LOGGED
            ));
        }
        self.now_ms = b.end;
        self.outcome = Outcome::Bulk { rows: b.count };
    }

    pub(super) fn delete_newest(&mut self, channel: u64, count: u32) -> Result<(), Error> {
        let ids = self.delete_begin(channel, count)?;
        self.delete_rows(channel, &ids, 0, ids.len())?;
        self.delete_end(ids.len());
        Ok(())
    }

    /// Checks a bulk delete and picks the rows it deletes.
    fn delete_begin(&mut self, channel: u64, count: u32) -> Result<Vec<u64>, Error> {
        snowflake(Input::Channel, channel)?;
        check_range(Input::Count, count as u64, 1, MAX_ROWS as u64)?;
        Ok(self
            .store
            .newest_live_ids(channel, count as usize, self.now_ms))
    }

    /// Deletes rows `from..to` of `ids`.
    fn delete_rows(
        &mut self,
        channel: u64,
        ids: &[u64],
        from: usize,
        to: usize,
    ) -> Result<(), Error> {
        let size = self.store.config().bucket;
        for (k, id) in ids.iter().enumerate().take(to).skip(from) {
            let ts = self.next_ts();
            let w = RowWrite {
                channel,
                message_id: *id,
                marker: None,
                deletion: Some(Deletion { ts, ldt: ldt(ts) }),
                cells: Vec::new(),
            };
            self.store.apply_row(&w)?;
            if k < BULK_LOGGED {
                self.log_cql(cql::delete_row_statement(
                    channel,
                    size.bucket(*id),
                    *id,
                    ts,
                ));
            }
        }
        Ok(())
    }

    fn delete_end(&mut self, deleted: usize) {
        if deleted > BULK_LOGGED {
            self.log_cql(format!(
                "-- ... and {} more DELETEs like these",
                deleted - BULK_LOGGED
            ));
        }
        self.outcome = Outcome::Bulk {
            rows: deleted as u64,
        };
    }

    /// Begins `action` in slices when it is a big burst or bulk delete
    /// (`Ok(true)`: call `slice_step` until it reports the end), so a page
    /// can stay responsive while a tour step writes 120 000 messages; any
    /// other action is applied whole (`Ok(false)`). The end state is the
    /// one `apply` makes. On error nothing has changed.
    pub fn begin_sliced(&mut self, action: &Action) -> Result<bool, Error> {
        if self.pending.is_some() || self.slicing.is_some() {
            return Err(Error::WorkloadRunning);
        }
        let work = match action {
            Action::Burst {
                channel,
                author,
                count,
                spacing_ms,
            } if *count > SLICED_OVER => {
                SliceWork::Burst(self.burst_begin(*channel, *author, *count, *spacing_ms)?)
            }
            Action::DeleteNewest { channel, count } if *count > SLICED_OVER => {
                snowflake(Input::Channel, *channel)?;
                check_range(Input::Count, u64::from(*count), 1, MAX_ROWS as u64)?;
                SliceWork::Delete {
                    channel: *channel,
                    count: *count,
                    ids: Vec::new(),
                    picking: Some(0),
                }
            }
            _ => {
                self.apply(action)?;
                return Ok(false);
            }
        };
        self.slicing = Some(Slicing {
            action: action.clone(),
            mark: self.statements.len(),
            done: 0,
            ramp: 0,
            work,
        });
        Ok(true)
    }

    /// Applies up to `n` more rows of the action `begin_sliced` began;
    /// `Ok(true)` once it is whole (logged and the read on screen re-read,
    /// as `apply` does). An error ends it where it stopped.
    pub fn slice_step(&mut self, n: u64) -> Result<bool, Error> {
        let Some(mut s) = self.slicing.take() else {
            return Ok(true);
        };
        if let SliceWork::Delete {
            channel,
            count,
            ids,
            picking: picking @ Some(_),
        } = &mut s.work
        {
            let from = picking.unwrap_or(0);
            let scan = n.clamp(1, ramp_cap(s.ramp));
            *picking = self.store.newest_live_ids_part(
                *channel,
                *count as usize,
                self.now_ms,
                from,
                scan as usize,
                ids,
            );
            // The deletes are a new phase, with rows of another cost.
            s.ramp = if picking.is_some() { s.ramp + 1 } else { 0 };
            self.slicing = Some(s);
            return Ok(false);
        }
        let n = n.clamp(1, ramp_cap(s.ramp));
        s.ramp += 1;
        let total = s.total();
        let to = (s.done + n).min(total);
        match &s.work {
            SliceWork::Burst(b) => self.burst_rows(b, s.done, to)?,
            SliceWork::Delete { channel, ids, .. } => {
                self.delete_rows(*channel, ids, s.done as usize, to as usize)?
            }
        }
        s.done = to;
        if to < total {
            self.slicing = Some(s);
            return Ok(false);
        }
        match &s.work {
            SliceWork::Burst(b) => self.burst_end(b),
            SliceWork::Delete { ids, .. } => self.delete_end(ids.len()),
        }
        if let Some(change) = s.action.rereads_after() {
            self.reread(change);
        }
        self.last_mark = s.mark;
        self.remember(&s.action);
        Ok(true)
    }

    /// The action being applied in slices: what it does, and rows done of
    /// rows in all.
    pub fn slice_progress(&self) -> Option<(SliceKind, u64, u64)> {
        self.slicing.as_ref().map(|s| {
            let kind = match s.work {
                SliceWork::Burst(_) => SliceKind::Writing,
                SliceWork::Delete {
                    picking: Some(_), ..
                } => SliceKind::Picking,
                SliceWork::Delete { .. } => SliceKind::Deleting,
            };
            let done = match &s.work {
                SliceWork::Delete {
                    ids,
                    picking: Some(_),
                    ..
                } => ids.len() as u64,
                _ => s.done,
            };
            (kind, done, s.total())
        })
    }
}
