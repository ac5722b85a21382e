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

/// What a shared link restores: the config, seed and SLO the session started
/// from and the steps taken since (see `journal`), so the release in progress,
/// the budget spent and the incident log come back too.
///
/// Links carry actions by position (postcard writes an enum's variant index):
/// add `Action` variants at the end only, or old links replay the wrong step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(from = "SnapshotWire", into = "SnapshotWire")]
pub struct Snapshot {
    pub config: SnapshotConfig,
    pub seed: u64,
    pub slo_percent: f64,
    pub steps: Vec<Action>,
}

/// A snapshot as links spell it. Tags 0 and 1 are byte for byte the links made
/// before releases were shared (config, then seed, then SLO), so those links
/// still open and a session without steps still makes one.
#[derive(Serialize, Deserialize)]
enum SnapshotWire {
    Preset(Preset, u64, f64),
    Text(String, u64, f64),
    Session(SnapshotConfig, u64, f64, Vec<Action>),
}

impl From<SnapshotWire> for Snapshot {
    fn from(w: SnapshotWire) -> Self {
        let (config, seed, slo_percent, steps) = match w {
            SnapshotWire::Preset(p, seed, slo) => {
                (SnapshotConfig::Preset(p), seed, slo, Vec::new())
            }
            SnapshotWire::Text(t, seed, slo) => (SnapshotConfig::Text(t), seed, slo, Vec::new()),
            SnapshotWire::Session(config, seed, slo, steps) => (config, seed, slo, steps),
        };
        Snapshot {
            config,
            seed,
            slo_percent,
            steps,
        }
    }
}

impl From<Snapshot> for SnapshotWire {
    fn from(s: Snapshot) -> Self {
        match (s.config, s.steps.is_empty()) {
            (SnapshotConfig::Preset(p), true) => SnapshotWire::Preset(p, s.seed, s.slo_percent),
            (SnapshotConfig::Text(t), true) => SnapshotWire::Text(t, s.seed, s.slo_percent),
            (config, false) => SnapshotWire::Session(config, s.seed, s.slo_percent, s.steps),
        }
    }
}

/// Config text in a link is capped well below the editor's 1 MiB.
pub const MAX_SNAPSHOT_CONFIG_BYTES: usize = 16 * 1024;
