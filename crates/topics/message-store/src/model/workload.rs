//! Discord-like synthetic traffic, seeded and generated in slices so the UI
//! can show a progress bar. A few channels get most messages
//! (`channel = floor(channels * u^3)`), messages come in bursts, and some are
//! later edited or deleted.

use super::bucket::DAY_MS;
use super::cell::{CellVersion, Deletion};
use super::error::{check_range, Error};
use super::input::Input;
use super::schema::{Column, Value};
use super::snowflake::{Snowflake, DISCORD_EPOCH_MS};
use super::store::{RowWrite, Store};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub const MAX_MESSAGES: u64 = 5_000_000;
pub const MAX_CHANNELS: u32 = 100_000;
pub const YEAR_MS: u64 = 365 * DAY_MS;
const RECENT: usize = 256;
/// Channels are created up to this long before the period starts.
const MAX_LEAD_DAYS: u64 = 365;

const PHRASES: [&str; 32] = [
    "gg",
    "lol",
    "brb, dinner",
    "anyone up for a raid tonight?",
    "did you see the patch notes",
    "ok",
    "that boss fight was wild",
    "pushing the fix now, give it a minute",
    "who took my spot in voice",
    "nice",
    "can someone pin the schedule please",
    "I think the server is lagging again",
    "welcome!",
    "haha yes",
    "meeting moved to 3pm",
    "check the #rules channel first",
    "same",
    "new map drops friday, hype",
    "here is the link to the doc we talked about",
    "no worries",
    "I'll stream in ten minutes",
    "wait what happened",
    "ty!",
    "queue is 20 minutes, ugh",
    "does anyone have the invite link",
    "lmao",
    "good night everyone",
    "back",
    "that's a bug, I'll file it",
    "the bot is down again",
    "🎉🎉🎉",
    "see you all tomorrow",
];

/// Maps the low `width` bits of `bits` onto `0..n` by multiply-shift.
fn scale(bits: u64, width: u32, n: u64) -> u64 {
    ((bits & ((1 << width) - 1)) * n) >> width
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkloadConfig {
    pub seed: u64,
    pub messages: u64,
    pub channels: u32,
    pub period_ms: u64,
    /// Messages are spread over `[end_ms - period_ms, end_ms]`.
    pub end_ms: u64,
    pub edits_per_mille: u32,
    pub deletes_per_mille: u32,
    pub bursts_per_mille: u32,
    pub write_nulls: bool,
}

impl WorkloadConfig {
    pub fn new(seed: u64, messages: u64, channels: u32, end_ms: u64) -> WorkloadConfig {
        WorkloadConfig {
            seed,
            messages,
            channels,
            period_ms: YEAR_MS,
            end_ms,
            edits_per_mille: 20,
            deletes_per_mille: 10,
            bursts_per_mille: 30,
            write_nulls: false,
        }
    }

    pub fn validate(&self) -> Result<(), Error> {
        check_range(Input::Messages, self.messages, 1, MAX_MESSAGES)?;
        check_range(
            Input::Channels,
            self.channels as u64,
            1,
            MAX_CHANNELS as u64,
        )?;
        check_range(Input::Period, self.period_ms, 3_600_000, 10 * YEAR_MS)?;
        for (f, v) in [
            (Input::EditsPerMille, self.edits_per_mille),
            (Input::DeletesPerMille, self.deletes_per_mille),
            (Input::BurstsPerMille, self.bursts_per_mille),
        ] {
            check_range(f, v as u64, 0, 500)?;
        }
        let earliest = DISCORD_EPOCH_MS + self.period_ms + MAX_LEAD_DAYS * DAY_MS;
        if self.end_ms < earliest || Snowflake::largest_at(self.end_ms).is_err() {
            return Err(Error::Invalid {
                field: Input::Clock,
                reason: format!(
                    "a {}-day workload needs the clock at or after {earliest} ms so every channel is created after the Discord epoch",
                    self.period_ms / DAY_MS
                ),
            });
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    pub edits: u64,
    pub deletes: u64,
    pub finished: bool,
}

impl Progress {
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

#[derive(Clone, Debug)]
pub struct WorkloadGen {
    cfg: WorkloadConfig,
    rng: ChaCha8Rng,
    channel_ids: Vec<u64>,
    progress: Progress,
    recent: Vec<(u64, u64)>,
    burst: Option<(usize, u32)>,
    last_ts: i64,
    /// Store slot per channel, filled on first use.
    slots: Vec<Option<usize>>,
}

/// Average phrase length, for reserving text space up front.
const AVG_TEXT: usize = 20;

impl WorkloadGen {
    pub fn new(cfg: WorkloadConfig) -> Result<WorkloadGen, Error> {
        cfg.validate()?;
        let start = cfg.end_ms - cfg.period_ms;
        let channel_ids: Vec<u64> = (0..cfg.channels as u64)
            .map(|k| {
                let lead = DAY_MS + (k * 7919 % MAX_LEAD_DAYS) * DAY_MS;
                let t = start.saturating_sub(lead);
                let low = k & 0x3F_FFFF;
                Snowflake::smallest_at(t).map(|s| s.0 | low).unwrap_or(0)
            })
            .collect();
        Ok(WorkloadGen {
            rng: ChaCha8Rng::seed_from_u64(cfg.seed),
            progress: Progress {
                total: cfg.messages,
                ..Progress::default()
            },
            cfg,
            recent: Vec::with_capacity(RECENT),
            burst: None,
            last_ts: i64::MIN + 1,
            slots: vec![None; channel_ids.len()],
            channel_ids,
        })
    }

    pub fn config(&self) -> &WorkloadConfig {
        &self.cfg
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// The channel IDs, busiest (index 0) first.
    pub fn channel_ids(&self) -> &[u64] {
        &self.channel_ids
    }

    /// The store slot of channel `c`, reserving its expected share of rows
    /// (`u^3` skew: channel k gets `((k+1)/C)^(1/3) - (k/C)^(1/3)`).
    fn slot(&mut self, store: &mut Store, c: usize) -> Result<usize, Error> {
        if let Some(Some(s)) = self.slots.get(c) {
            return Ok(*s);
        }
        let s = store.channel_slot(self.channel_ids[c])?;
        let n = self.cfg.channels as f64;
        let share = ((c as f64 + 1.0) / n).cbrt() - (c as f64 / n).cbrt();
        let left = (self.cfg.messages - self.progress.done) as f64;
        store.reserve(s, (left * share * 1.05) as usize + 4, 0);
        if let Some(slot) = self.slots.get_mut(c) {
            *slot = Some(s);
        }
        Ok(s)
    }

    /// `r` is the step's random draw: bits 16..32 decide a burst, 37..48
    /// its length.
    fn pick_channel(&mut self, r: u64) -> usize {
        if let Some((c, left)) = self.burst {
            self.burst = if left > 1 { Some((c, left - 1)) } else { None };
            return c;
        }
        // 53 random bits as a uniform u in [0, 1).
        let u = (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        let c = ((self.cfg.channels as f64) * u * u * u) as usize;
        let c = c.min(self.channel_ids.len() - 1);
        if scale(r >> 16, 16, 1000) < self.cfg.bursts_per_mille as u64 {
            self.burst = Some((c, 5 + scale(r >> 37, 11, 45) as u32));
        }
        c
    }

    /// Generates up to `n` more messages (plus the edits and deletes that
    /// fall between them) into `store`.
    pub fn next_chunk(&mut self, store: &mut Store, n: u64) -> Result<Progress, Error> {
        let cfg = &self.cfg;
        let (start, period, total) = (cfg.end_ms - cfg.period_ms, cfg.period_ms, cfg.messages);
        let stop = self.progress.done.saturating_add(n).min(total);
        if self.progress.done == 0 {
            store.reserve(usize::MAX, 0, total as usize * AVG_TEXT);
        }
        while self.progress.done < stop {
            let i = self.progress.done;
            let t = start + i.checked_mul(period).map_or(period, |x| x / total);
            let ts = (t as i64 * 1000).max(self.last_ts + 1);
            self.last_ts = ts;
            let ldt = (ts / 1_000_000) as u32;
            // One draw gives the roll, burst, author and phrase choices.
            let r = self.rng.next_u64();
            let roll = scale(r, 16, 1000) as u32;
            if roll < self.cfg.edits_per_mille + self.cfg.deletes_per_mille
                && !self.recent.is_empty()
            {
                let pick = scale(r >> 16, 16, self.recent.len() as u64) as usize;
                let (channel, id) = self.recent[pick];
                let edit = roll < self.cfg.edits_per_mille;
                if !edit {
                    // Sequential traffic never edits a message it deleted.
                    self.recent.swap_remove(pick);
                }
                let w = RowWrite {
                    channel,
                    message_id: id,
                    marker: None,
                    deletion: (!edit).then_some(Deletion { ts, ldt }),
                    cells: if edit {
                        vec![(
                            Column::Content,
                            CellVersion::live(
                                ts,
                                Value::Text(format!(
                                    "{} (edited)",
                                    PHRASES[id as usize % PHRASES.len()]
                                )),
                            ),
                        )]
                    } else {
                        Vec::new()
                    },
                };
                store.apply_row(&w)?;
                if edit {
                    self.progress.edits += 1;
                } else {
                    self.progress.deletes += 1;
                }
                continue;
            }
            let c = self.pick_channel(r);
            let channel = self.channel_ids[c];
            let slot = self.slot(store, c)?;
            // Worker IDs below 16: the panel's own writes use 16..31.
            let id = Snowflake::smallest_at(t).map(|s| s.0).unwrap_or(0) | (i & 0x1F_FFFF);
            let author = 80_000_000_000_000_000 + scale(r >> 48, 16, 10_000);
            let content = PHRASES[scale(r >> 32, 5, PHRASES.len() as u64) as usize];
            store.insert_message_at(slot, id, author, content, ts, ldt, self.cfg.write_nulls)?;
            if self.recent.len() < RECENT {
                self.recent.push((channel, id));
            } else {
                let k = (i as usize) % RECENT;
                self.recent[k] = (channel, id);
            }
            self.progress.done += 1;
        }
        self.progress.finished = self.progress.done >= total;
        Ok(self.progress)
    }
}
