//! Everything the panel can do, as data: the reducer's actions, and the small
//! snapshot a "copy link" restores.

use serde::{Deserialize, Serialize};

use super::gameday::{FailureClass, FailureKind, Remediation};
use super::presets::Preset;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Action {
    /// Replaces the editor text and re-validates. A valid config takes effect
    /// (and ends any release in progress); an invalid one stays in the editor
    /// with its errors while the last valid pipeline stays in force.
    EditConfig(String),
    LoadPreset(Preset),
    /// Starts releasing the next version through the pipeline. A bad build hides
    /// a bug only real traffic triggers.
    StartRelease {
        bad_build: bool,
    },
    /// One simulated minute.
    Tick,
    Advance {
        minutes: u32,
    },
    /// Minutes pass until the release finishes or waits at a manual gate.
    RunUntilBlocked,
    Approve(String),
    /// Rolls every target the release touched back to its previous version.
    Rollback,
    /// Skips the pipeline: the new version goes to every user-facing target at once.
    CowboyDeploy {
        bad_build: bool,
    },
    /// A gameday: injects a failure into the running release, or starts a release
    /// of a good build with the failure in it.
    InjectFailure(FailureKind),
    /// Files the last gameday in the incident log.
    Classify {
        class: FailureClass,
        remediation: Remediation,
    },
    /// The availability target, in percent (0 < target < 100).
    SetSlo(f64),
    /// Starts a new 30-day budget window: spent budget is forgiven.
    NewBudgetWindow,
    /// Seeds the health samples of later releases.
    SetSeed(u64),
}

/// The config in a snapshot: a preset by name keeps links short.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum SnapshotConfig {
    Preset(Preset),
    Text(String),
}

/// What a shared link restores: the pipeline in force, the seed and the SLO.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub config: SnapshotConfig,
    pub seed: u64,
    pub slo_percent: f64,
}

/// Config text in a link is capped well below the editor's 1 MiB.
pub const MAX_SNAPSHOT_CONFIG_BYTES: usize = 16 * 1024;
