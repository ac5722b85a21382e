//! Every user-level change the SVM panel can make.

use serde::{Deserialize, Serialize};

use super::kernel::{Gamma, KernelKind};
use super::presets::Preset;

/// At most this many SMO iterations per `Step` action.
pub const MAX_STEPS_PER_ACTION: u32 = 100_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Adds a point; coordinates are rounded to 3 decimals (as links store them).
    AddPoint {
        x: f64,
        y: f64,
        label: i32,
    },
    MovePoint {
        index: usize,
        x: f64,
        y: f64,
    },
    RemovePoint {
        index: usize,
    },
    /// Gives a point another label.
    SetLabel {
        index: usize,
        label: i32,
    },
    SetKernel(KernelKind),
    SetC(f64),
    SetGamma(Gamma),
    SetDegree(u32),
    SetCoef0(f64),
    LoadPreset {
        preset: Preset,
        seed: u64,
    },
    /// Removes every point.
    Clear,
    /// Replaces the points with `x,y,label` rows.
    ImportCsv(String),
    /// Replaces the points with `x,y,label` rows and starts a step-by-step run
    /// from α = 0 instead of training at once, so a big file can be trained
    /// in chunks of `Step`s (ended by `StepFinish`) without freezing the page.
    ImportCsvStepwise(String),
    /// Starts a step-by-step run from α = 0 on the current points.
    StepStart,
    /// Advances the step-by-step run by this many SMO iterations.
    Step(u32),
    /// Runs the step-by-step run to the end and keeps its model.
    StepFinish,
}
