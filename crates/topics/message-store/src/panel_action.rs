//! What the panel's views dispatch: a model action with its undo choice,
//! a change of focus, and the steps of a workload generated in slices.

use super::focus::Focus;
use super::model::{self, Action};
use serde::{Deserialize, Serialize};

/// Whether an action may keep an undo step. The view decides, because it
/// knows how big the store is; `undo_kind` only sees the action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Undo {
    Keep,
    Off,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PanelAction {
    Model(Action, Undo),
    Focus(Focus),
    BeginWorkload {
        seed: u64,
        messages: u64,
        channels: u32,
    },
    /// Generates up to this many more messages of the running workload.
    WorkloadStep(u64),
    CancelWorkload,
    /// Replays the next part of a link being restored (one heavy action).
    ResumeLink,
}

/// How the last generation ended, for the workload card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkloadEnd {
    pub progress: model::workload::Progress,
    pub cancelled: bool,
}
