//! Step mode: a training run advanced a few SMO iterations at a time, keeping the
//! most recent working pairs for display.

use std::collections::VecDeque;

use super::fit::Fit;
use super::train::{TrainingRun, TrainingStep};

/// How many recent iterations step mode remembers.
pub const HISTORY: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub struct StepSession {
    run: TrainingRun,
    history: VecDeque<TrainingStep>,
    iterations: usize,
    finished: bool,
    /// Started by the panel itself (a big import, a restored link) rather
    /// than by the reader's Step button: the view drives it in slices.
    in_chunks: bool,
}

impl StepSession {
    pub fn new(run: TrainingRun) -> Self {
        StepSession {
            run,
            history: VecDeque::with_capacity(HISTORY),
            iterations: 0,
            finished: false,
            in_chunks: false,
        }
    }

    /// A run the view trains in slices, with a progress bar.
    pub fn in_chunks(run: TrainingRun) -> Self {
        StepSession {
            in_chunks: true,
            ..StepSession::new(run)
        }
    }

    pub fn is_in_chunks(&self) -> bool {
        self.in_chunks
    }

    /// Runs up to `n` iterations. Returns the model when the run ends here.
    pub fn advance(&mut self, n: u32) -> Option<Fit> {
        if self.finished {
            return None;
        }
        for _ in 0..n {
            match self.run.step() {
                Some(step) => self.record(step),
                None => break,
            }
        }
        // The solver learns it is optimal only when it next looks for a pair, so
        // the call after the last update is the one that reports the end.
        if self.run.is_finished() {
            self.finished = true;
            return Some(self.run.preview());
        }
        None
    }

    fn record(&mut self, step: TrainingStep) {
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(step);
        self.iterations += 1;
    }

    pub fn finish(mut self) -> Fit {
        self.run.run_to_end();
        self.run.preview()
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Iterations so far (all pairs) and the current pair's gap.
    pub fn progress(&self) -> (usize, f64) {
        let gap = self.run.current_progress().map_or(0.0, |(gap, _, _)| gap);
        (self.iterations, gap)
    }

    /// The most recent iterations, oldest first.
    pub fn history(&self) -> impl Iterator<Item = &TrainingStep> {
        self.history.iter()
    }

    pub fn last(&self) -> Option<&TrainingStep> {
        self.history.back()
    }

    /// The model as it stands mid-run.
    pub fn preview(&self) -> Fit {
        self.run.preview()
    }
}
