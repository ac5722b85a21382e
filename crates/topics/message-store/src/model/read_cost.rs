//! What a read costs in time and garbage: Discord's 2017 incident was a read
//! that took 20 s and set off 10 s stop-the-world GC pauses, not a read that
//! failed. The store counts what a read scanned (`ReadStats`); this turns the
//! counts into an estimate.
//!
//! Facts and assumptions are kept apart. The thresholds are Cassandra's
//! (`cassandra.yaml`: `tombstone_warn_threshold: 1000`,
//! `tombstone_failure_threshold: 100000`, both compared with `>`; the store
//! holds them in `StoreConfig`). Everything in `Assumptions` is ours, not
//! measured: values chosen so that the incident as Discord told it ("millions"
//! of tombstones; we take 2 000 000) costs about 20 s and a 10 s pause. All of
//! it is integer arithmetic, so the figures print without the float formatter.

use super::store::ReadStats;
use std::fmt;

/// Tombstones assumed for Discord's channel: the blog says only "millions".
pub const INCIDENT_TOMBSTONES: u64 = 2_000_000;

/// The cost model's knobs, each an assumption calibrated to the incident.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assumptions {
    /// µs to read and merge one row, live or dead.
    pub row_us: u64,
    /// Extra µs for each tombstone a read scans (counted or past grace):
    /// every one is read from the SSTables and merged before it is dropped.
    pub tombstone_us: u64,
    /// Bytes of heap one scanned tombstone leaves behind.
    pub tombstone_bytes: u64,
    /// Young generation (MB): garbage that fits dies young and costs a
    /// short minor pause; the rest is held by the slow read long enough to
    /// be promoted and has to be collected stop-the-world.
    pub young_gen_mb: u64,
    /// How fast a stop-the-world collection clears the promoted garbage (MB/s).
    pub gc_mb_per_s: u64,
}

/// Calibration (assumed, not measured): 2 000 000 tombstones × (1 + 9) µs =
/// 20 s; 2 000 000 × 500 B = 1 000 MB, of which 1 000 − 200 = 800 MB
/// outlives the young generation, cleared at 80 MB/s = 10 s.
pub const DISCORD_2017: Assumptions = Assumptions {
    row_us: 1,
    tombstone_us: 9,
    tombstone_bytes: 500,
    young_gen_mb: 200,
    gc_mb_per_s: 80,
};

impl Default for Assumptions {
    fn default() -> Self {
        DISCORD_2017
    }
}

/// One knob of the model, named so its error can be shown beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Knob {
    RowUs,
    TombstoneUs,
    TombstoneBytes,
    YoungGenMb,
    GcMbPerS,
}

pub const KNOBS: [Knob; 5] = [
    Knob::RowUs,
    Knob::TombstoneUs,
    Knob::TombstoneBytes,
    Knob::YoungGenMb,
    Knob::GcMbPerS,
];

impl Knob {
    pub fn label(self) -> &'static str {
        match self {
            Knob::RowUs => "µs per row scanned",
            Knob::TombstoneUs => "Extra µs per tombstone",
            Knob::TombstoneBytes => "Garbage per tombstone (bytes)",
            Knob::YoungGenMb => "Young generation (MB)",
            Knob::GcMbPerS => "Stop-the-world GC speed (MB/s)",
        }
    }

    /// Largest value accepted: beyond it the figure is no longer a JVM on a
    /// server (a second per row, a GB per tombstone, a 1 TB young generation).
    pub fn max(self) -> u64 {
        match self {
            Knob::RowUs | Knob::TombstoneUs => 1_000_000,
            Knob::TombstoneBytes => 1_000_000_000,
            Knob::YoungGenMb | Knob::GcMbPerS => 1_000_000,
        }
    }

    pub fn get(self, a: &Assumptions) -> u64 {
        match self {
            Knob::RowUs => a.row_us,
            Knob::TombstoneUs => a.tombstone_us,
            Knob::TombstoneBytes => a.tombstone_bytes,
            Knob::YoungGenMb => a.young_gen_mb,
            Knob::GcMbPerS => a.gc_mb_per_s,
        }
    }
}

/// Why a knob's value was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KnobError {
    NotANumber { knob: Knob, text: String },
    Negative { knob: Knob },
    Zero { knob: Knob },
    TooLarge { knob: Knob },
}

impl fmt::Display for KnobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KnobError::NotANumber { knob, text } => {
                write!(f, "{}: enter a whole number (got \"{text}\")", knob.label())
            }
            KnobError::Negative { knob } => write!(f, "{} cannot be negative", knob.label()),
            KnobError::Zero { knob } => write!(
                f,
                "{} must be at least 1: nothing is free in this model",
                knob.label()
            ),
            KnobError::TooLarge { knob } => {
                write!(f, "{} must be at most {}", knob.label(), knob.max())
            }
        }
    }
}

impl Assumptions {
    /// Sets one knob from what a person typed, or leaves all as they were.
    pub fn set(&mut self, knob: Knob, text: &str) -> Result<(), KnobError> {
        let t = text.trim();
        if t.starts_with('-') {
            return Err(KnobError::Negative { knob });
        }
        if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(KnobError::NotANumber {
                knob,
                text: t.to_string(),
            });
        }
        // All digits: a parse failure can only be an overflow.
        let v = t.parse::<u64>().map_err(|_| KnobError::TooLarge { knob })?;
        if v == 0 {
            return Err(KnobError::Zero { knob });
        }
        if v > knob.max() {
            return Err(KnobError::TooLarge { knob });
        }
        *match knob {
            Knob::RowUs => &mut self.row_us,
            Knob::TombstoneUs => &mut self.tombstone_us,
            Knob::TombstoneBytes => &mut self.tombstone_bytes,
            Knob::YoungGenMb => &mut self.young_gen_mb,
            Knob::GcMbPerS => &mut self.gc_mb_per_s,
        } = v;
        Ok(())
    }
}

/// Where a read's tombstone count stands against Cassandra's thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    Under,
    /// Over `tombstone_warn_threshold`: logged, the read goes on.
    Warned,
    /// Over `tombstone_failure_threshold`: the read is aborted.
    Failed,
}

/// Cassandra compares with `>` (ReadCommand: `tombstones > failureThreshold`).
pub fn threshold(tombstones: u64, warn: u64, fail: u64) -> Threshold {
    if tombstones > fail {
        Threshold::Failed
    } else if tombstones > warn {
        Threshold::Warned
    } else {
        Threshold::Under
    }
}

/// The estimate for one read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadCost {
    pub time_us: u64,
    pub garbage_bytes: u64,
    /// Stop-the-world pause to clear what outlived the young generation; 0
    /// when it all fit there (a minor collection, not modelled).
    pub pause_us: u64,
}

const MB: u64 = 1_000_000;

impl Assumptions {
    /// `rows` rows read, `tombstones` of which scanned tombstones.
    pub fn cost(&self, rows: u64, tombstones: u64) -> ReadCost {
        let time_us = rows
            .saturating_mul(self.row_us)
            .saturating_add(tombstones.saturating_mul(self.tombstone_us));
        let garbage_bytes = tombstones.saturating_mul(self.tombstone_bytes);
        let promoted = garbage_bytes.saturating_sub(self.young_gen_mb.saturating_mul(MB));
        // bytes / (MB/s) in µs = bytes / (bytes per µs); `set` keeps the speed ≥ 1.
        let pause_us = promoted / self.gc_mb_per_s.max(1);
        ReadCost {
            time_us,
            garbage_bytes,
            pause_us,
        }
    }

    /// A finished or aborted read: every scanned tombstone costs, the ones
    /// dropped as past grace too ("dropped unread" by the counters, but read
    /// from disk all the same).
    pub fn of_read(&self, s: &ReadStats) -> ReadCost {
        let tombstones = s.tombstones.saturating_add(s.purgeable_skipped);
        self.cost(s.rows_examined.max(tombstones), tombstones)
    }

    /// A channel with one live row and `tombstones` row tombstones, as in the
    /// incident, read with no failure threshold.
    pub fn of_channel(&self, tombstones: u64) -> ReadCost {
        self.cost(tombstones.saturating_add(1), tombstones)
    }
}

/// Tombstone counts the growth table shows, up to the incident's.
pub const GROWTH: [u64; 5] = [1_000, 100_000, 500_000, 1_000_000, INCIDENT_TOMBSTONES];

#[cfg(test)]
#[path = "read_cost_tests.rs"]
mod tests;
