//! Read-only views of the playground for the panel and the comic.

use super::fit::Fit;
use super::kernel::{Gamma, KernelSpec};
use super::margin::{LinearBoundary, Slack};
use super::playground::Playground;
use super::points::Point;
use super::presets::Preset;
use super::status::Status;
use super::stepping::StepSession;

/// Largest grid side for `decision_grid`.
pub const MAX_GRID: usize = 400;

impl Playground {
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    pub fn kernel(&self) -> KernelSpec {
        self.kernel
    }

    pub fn c(&self) -> f64 {
        self.c
    }

    /// γ as used by the last fit ('scale' resolved), if there is one.
    pub fn gamma_used(&self) -> Option<f64> {
        match (self.kernel.gamma, &self.fit) {
            (Gamma::Value(g), _) => Some(g),
            (Gamma::Scale, Some(fit)) => Some(fit.kernel.gamma),
            (Gamma::Scale, None) => None,
        }
    }

    /// The preset and seed of the points, while unedited.
    pub fn origin(&self) -> Option<(Preset, u64)> {
        self.origin
    }

    /// The last complete model (kept while a step run is in progress).
    pub fn fit(&self) -> Option<&Fit> {
        self.fit.as_ref()
    }

    pub fn status(&self) -> &Status {
        &self.status
    }

    pub fn stepping(&self) -> Option<&StepSession> {
        self.stepping.as_ref()
    }

    /// What to draw: the step run's current model while stepping, else the fit.
    pub fn shown_fit(&self) -> Option<Fit> {
        match &self.stepping {
            Some(s) if !s.is_finished() => Some(s.preview()),
            _ => self.fit.clone(),
        }
    }

    pub fn support_count(&self) -> usize {
        self.fit.as_ref().map_or(0, |f| f.support_indices().len())
    }

    /// Points whose α is at C in some pair (inside the margin or misclassified).
    pub fn bounded_count(&self) -> usize {
        self.fit.as_ref().map_or(0, |f| f.bounded_indices().len())
    }

    pub fn training_accuracy(&self) -> Option<f64> {
        self.fit.as_ref().map(Fit::training_accuracy)
    }

    pub fn margin_width(&self) -> Option<f64> {
        self.linear_boundary()?.margin_width
    }

    pub fn linear_boundary(&self) -> Option<LinearBoundary> {
        self.fit.as_ref()?.linear_boundary()
    }

    pub fn slacks(&self) -> Vec<Slack> {
        self.fit.as_ref().map_or_else(Vec::new, Fit::slacks)
    }

    /// Values over an `n`×`n` grid covering [-1, 1]², row by row from y = −1: the
    /// decision value for two classes, the predicted label for more. Empty
    /// without a model; `n` is clamped to 2..=MAX_GRID.
    pub fn decision_grid(&self, n: usize) -> Vec<f64> {
        let Some(fit) = self.fit.as_ref() else {
            return Vec::new();
        };
        let n = n.clamp(2, MAX_GRID);
        let step = 2.0 / (n - 1) as f64;
        let mut out = Vec::with_capacity(n * n);
        for r in 0..n {
            for c in 0..n {
                let q = [-1.0 + c as f64 * step, -1.0 + r as f64 * step];
                out.push(match fit.decision(q) {
                    Some(f) => f,
                    None => f64::from(fit.predict(q)),
                });
            }
        }
        out
    }
}
