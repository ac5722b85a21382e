//! What can be wrong while a release runs: a defect carried by the new version,
//! or an outage in the environment that hits every version alike.

use serde::{Deserialize, Serialize};

use super::spec::EnvironmentKind;

/// A fault that ships with the new version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Defect {
    /// A bug only real traffic triggers: dev and staging pass, users get errors.
    BadBuild,
    /// The service cannot read its config and fails everywhere, dev included.
    BadConfig,
    /// A slow code path that only production traffic exercises.
    LatencyRegression,
    /// A schema migration step that fails on production data (staging's small,
    /// clean data set passed).
    FailedMigration,
}

impl Defect {
    pub fn manifests_on(self, env: EnvironmentKind) -> bool {
        match self {
            Defect::BadConfig => true,
            _ => env.is_user_facing(),
        }
    }

    /// Extra error rate and a p99 multiplier for the new version's requests.
    pub(super) fn effect(self) -> (f64, f64) {
        match self {
            Defect::BadBuild => (0.08, 1.1),
            Defect::BadConfig => (0.45, 1.0),
            Defect::LatencyRegression => (0.002, 4.0),
            Defect::FailedMigration => (0.25, 1.3),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutageKind {
    /// One of the target's nodes is gone until it is replaced: less capacity,
    /// so latency climbs on that target.
    NodeTerminated { target: usize },
    /// A shared production dependency is down: errors on every user-facing target.
    DependencyOutage,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outage {
    pub kind: OutageKind,
    pub from_tick: u32,
    /// First tick after the outage.
    pub until_tick: u32,
}

impl Outage {
    pub const NODE_MINUTES: u32 = 6;
    pub const DEPENDENCY_MINUTES: u32 = 8;

    pub fn new(kind: OutageKind, from_tick: u32) -> Outage {
        let minutes = match kind {
            OutageKind::NodeTerminated { .. } => Self::NODE_MINUTES,
            OutageKind::DependencyOutage => Self::DEPENDENCY_MINUTES,
        };
        Outage {
            kind,
            from_tick,
            until_tick: from_tick.saturating_add(minutes),
        }
    }

    pub fn is_active(&self, tick: u32) -> bool {
        (self.from_tick..self.until_tick).contains(&tick)
    }

    pub fn affects(&self, target: usize, env: EnvironmentKind, tick: u32) -> bool {
        self.is_active(tick)
            && match self.kind {
                OutageKind::NodeTerminated { target: t } => t == target,
                OutageKind::DependencyOutage => env.is_user_facing(),
            }
    }

    /// The share of an affected target's users who notice: a lost node slows a
    /// quarter of requests; a dead dependency breaks everything.
    pub fn user_impact(&self) -> f64 {
        match self.kind {
            OutageKind::NodeTerminated { .. } => 0.25,
            OutageKind::DependencyOutage => 1.0,
        }
    }

    /// Extra error rate and a p99 multiplier for every request on an affected target.
    pub(super) fn effect(&self) -> (f64, f64) {
        match self.kind {
            OutageKind::NodeTerminated { .. } => (0.004, 4.0),
            OutageKind::DependencyOutage => (0.3, 1.5),
        }
    }
}
