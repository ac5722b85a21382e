//! Which targets may deploy now. Like Airbnb's UI, a target stays disabled until
//! all of its dependencies have succeeded, and says which one it is waiting on.

use serde::{Deserialize, Serialize};

use super::pipeline::Pipeline;
use super::status::TargetStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Enablement {
    /// Every dependency succeeded (or there are none).
    Enabled,
    /// `blocked_by` is the first dependency, in depends_on order, that has not
    /// succeeded; `status` is where it stands.
    Disabled {
        blocked_by: usize,
        status: TargetStatus,
    },
}

impl Enablement {
    pub fn is_enabled(self) -> bool {
        self == Enablement::Enabled
    }

    /// What the panel shows next to a disabled target.
    pub fn reason(self, pipeline: &Pipeline) -> Option<String> {
        let Enablement::Disabled { blocked_by, status } = self else {
            return None;
        };
        let dep = pipeline.id(blocked_by);
        Some(match status {
            TargetStatus::Failed => format!("blocked: {dep} failed"),
            TargetStatus::RolledBack => format!("blocked: {dep} was rolled back"),
            TargetStatus::Skipped => format!("blocked: {dep} was skipped"),
            _ => format!("waiting for {dep} to succeed"),
        })
    }
}

/// Enablement of every target, given each target's status (missing ones count as
/// not started). Linear in targets plus edges.
pub fn enablement(pipeline: &Pipeline, statuses: &[TargetStatus]) -> Vec<Enablement> {
    let status = |i: usize| statuses.get(i).copied().unwrap_or_default();
    (0..pipeline.len())
        .map(|i| {
            pipeline
                .deps(i)
                .iter()
                .find(|&&d| status(d) != TargetStatus::Succeeded)
                .map_or(Enablement::Enabled, |&d| Enablement::Disabled {
                    blocked_by: d,
                    status: status(d),
                })
        })
        .collect()
}
