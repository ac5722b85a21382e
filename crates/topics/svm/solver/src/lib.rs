//! libsvm's `Solver` (svm.cpp 3.37: WSS2 selection, shrinking, LRU kernel cache)
//! for one binary C-SVC dual, and the kernels it evaluates.
//!
//! A crate of its own for one reason: the root `Cargo.toml` gives it
//! `opt-level = 3` (training time is this topic's benchmark against libsvm-js),
//! while the views around it in `topic-svm` stay built for size.
//!
//! Layers: `kernel` evaluates K, `qmatrix` and `cache` hold its columns; `solver`
//! (+ `select`, `update`, `shrink`, `rho`) solves the dual one iteration at a time.
//! The topic's `model::train` runs it once per pair of labels.

mod cache;
pub mod fastexp;
pub mod kernel;
mod qmatrix;
mod rho;
mod select;
mod shrink;
pub mod solver;
mod update;

pub use kernel::{Kernel, KernelKind};
pub use solver::{Bound, Phase, SolverConfig, SolverRun, StepInfo};
