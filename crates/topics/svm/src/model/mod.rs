//! The "Live SVM margin visualizer" model: a C-SVC trained with libsvm's SMO
//! solver (svm.cpp 3.37: WSS2 selection, shrinking, LRU kernel cache), plus the
//! playground state, presets, tours and libsvm model-file I/O around it.
//!
//! Layers: the `svm-solver` crate (re-exported here as `solver` and `fastexp`)
//! evaluates the kernel, caches its columns and solves one binary dual; `kernel`
//! resolves the user's choice; `train` runs one-vs-one over the labels and builds
//! a `Fit`; `playground` is the panel's reducer over `Action`s.

pub mod action;
mod cfmt;
pub mod csv;
pub mod dual;
pub mod error;
pub mod fit;
pub mod goals;
pub mod kernel;
pub mod margin;
pub mod model_file;
mod model_parse;
pub mod playground;
pub mod points;
pub mod presets;
mod readout;
pub mod restore;
pub mod snapshot;
pub mod status;
pub mod stepping;
mod story;
pub mod tours;
pub mod train;
pub mod warm;

pub use svm_solver::{fastexp, solver};

pub use action::Action;
pub use dual::{PointDual, Role};
pub use error::SvmError;
pub use fit::{Fit, PairFit, SupportVector};
pub use kernel::{Gamma, Kernel, KernelKind, KernelSpec};
pub use margin::{LinearBoundary, Slack};
pub use model_file::{ModelFile, ModelSv};
pub use playground::Playground;
pub use points::Point;
pub use presets::Preset;
pub use snapshot::Snapshot;
pub use solver::{Phase, SolverConfig, StepInfo};
pub use status::Status;
pub use tours::tours;
pub use train::{train, TrainParams, TrainingRun, TrainingStep};
pub use warm::PairAlpha;

#[cfg(test)]
mod tests;
