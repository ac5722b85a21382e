//! Generated workloads: a million messages made at once (a link's replay) or
//! in slices with progress (the panel's generator), then logged as one
//! action.

use super::super::action::Action;
use super::super::error::Error;
use super::super::input::Input;
use super::super::store::MAX_ROWS;
use super::super::workload::{Progress, WorkloadConfig, WorkloadGen};
use super::{Outcome, Playground};

/// A workload generated in slices: its generator, and whether the store
/// has been fitted to the rows once all are made.
#[derive(Clone, Debug)]
pub(super) struct Pending {
    gen: WorkloadGen,
    tidied: bool,
}

impl Playground {
    pub(super) fn generate(
        &mut self,
        seed: u64,
        messages: u64,
        channels: u32,
    ) -> Result<(), Error> {
        let cfg = self.workload_config(seed, messages, channels);
        let mut gen = WorkloadGen::new(cfg.clone())?;
        if self.store.row_count() as u64 + messages > MAX_ROWS as u64 {
            return Err(Error::TooMuchData {
                what: "the number of rows",
                limit: MAX_ROWS as u64,
            });
        }
        let p = gen.next_chunk(&mut self.store, messages)?;
        self.finish_workload(&cfg, p);
        Ok(())
    }

    /// Starts generating a workload in slices (see `workload_step`).
    pub fn begin_workload(
        &mut self,
        seed: u64,
        messages: u64,
        channels: u32,
    ) -> Result<Progress, Error> {
        if self.pending.is_some() || self.slicing.is_some() {
            return Err(Error::WorkloadRunning);
        }
        let gen = WorkloadGen::new(self.workload_config(seed, messages, channels))?;
        let p = gen.progress();
        self.pending = Some(Pending { gen, tidied: false });
        Ok(p)
    }

    /// Generates up to `n` more messages. Once all are made, two more steps
    /// end the workload: one fits the store's memory to its rows, the next
    /// logs the action as if `GenerateWorkload` had been applied and reports
    /// `finished`. Each is a step of its own so that, in the browser, the
    /// last messages, the tidy-up and the first full render of a million
    /// rows never share one task.
    pub fn workload_step(&mut self, n: u64) -> Result<Progress, Error> {
        let Some(mut pending) = self.pending.take() else {
            return Err(Error::Invalid {
                field: Input::Workload,
                reason: "no workload is being generated".into(),
            });
        };
        let made = pending.gen.progress();
        if !made.finished {
            let p = pending.gen.next_chunk(&mut self.store, n)?;
            self.pending = Some(pending);
            return Ok(Progress {
                finished: false,
                ..p
            });
        }
        if !pending.tidied {
            self.store.shrink();
            pending.tidied = true;
            self.pending = Some(pending);
            return Ok(Progress {
                finished: false,
                ..made
            });
        }
        let c = pending.gen.config().clone();
        self.finish_workload(&c, made);
        let action = Action::GenerateWorkload {
            seed: c.seed,
            messages: c.messages,
            channels: c.channels,
        };
        // Ends as `apply` would have: the read on screen sees the new rows.
        if let Some(change) = action.rereads_after() {
            self.reread(change);
        }
        self.remember(&action);
        Ok(made)
    }

    /// Stops a workload; the messages generated so far stay, and the read
    /// on screen sees them.
    pub fn cancel_workload(&mut self) -> Option<Progress> {
        let made = self.pending.take().map(|p| p.gen.progress());
        if made.is_some() {
            self.reread("the generated messages");
        }
        made
    }

    /// How far a running workload is; `finished` stays false until the
    /// step that ends it.
    pub fn workload_progress(&self) -> Option<Progress> {
        self.pending.as_ref().map(|p| Progress {
            finished: false,
            ..p.gen.progress()
        })
    }

    pub(super) fn workload_config(
        &self,
        seed: u64,
        messages: u64,
        channels: u32,
    ) -> WorkloadConfig {
        let mut c = WorkloadConfig::new(seed, messages, channels, self.now_ms);
        c.write_nulls = self.write_nulls;
        c
    }

    pub(super) fn finish_workload(&mut self, c: &WorkloadConfig, p: Progress) {
        self.store.shrink();
        self.log_cql(format!(
            "-- generated workload (seed {}, {} messages, {} channels): its rows are not exported",
            c.seed, c.messages, c.channels
        ));
        self.outcome = Outcome::Generated(p);
    }
}
