//! Undoing a release: what a rollback would touch, and doing it. Every target
//! goes back to the version it ran before the release, not to a fixed one.

use serde::{Deserialize, Serialize};

use super::events::{Event, EventKind};
use super::pipeline::Pipeline;
use super::release::Release;
use super::status::TargetStatus;

/// What a rollback would undo on one target.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollbackItem {
    pub target: String,
    pub from_version: u32,
    pub to_version: u32,
    /// Percent of the target's traffic on the new version right now.
    pub new_traffic_percent: u8,
    pub status: TargetStatus,
}

impl Release {
    /// What `rollback` would undo: every target the new version touched.
    pub fn rollback_preview(&self, pipeline: &Pipeline) -> Vec<RollbackItem> {
        self.runs
            .iter()
            .enumerate()
            .filter(|(_, r)| touched(r.status))
            .map(|(i, r)| RollbackItem {
                target: pipeline.id(i).to_owned(),
                from_version: self.version,
                to_version: r.previous,
                new_traffic_percent: self.new_traffic(i),
                status: r.status,
            })
            .collect()
    }

    /// Sends every touched target back to its previous version and stops the rest.
    pub fn rollback(&mut self) {
        for i in 0..self.runs.len() {
            self.roll_back_target(i);
        }
        self.halt();
        self.rollback_due = false;
    }

    pub(super) fn roll_back_target(&mut self, i: usize) {
        let tick = self.tick;
        let Some(run) = self.runs.get_mut(i) else {
            return;
        };
        if touched(run.status) {
            run.status = TargetStatus::RolledBack;
            run.weight = 0;
            run.finished_at = Some(tick);
            let to_version = run.previous;
            self.events.push(Event {
                tick,
                target: Some(i),
                kind: EventKind::RolledBack { to_version },
            });
        }
    }

    /// Stops the release: targets that have not started are skipped.
    pub(super) fn halt(&mut self) {
        self.halted = true;
        let tick = self.tick;
        for (i, run) in self.runs.iter_mut().enumerate() {
            if matches!(
                run.status,
                TargetStatus::NotStarted | TargetStatus::AwaitingApproval
            ) {
                run.status = TargetStatus::Skipped;
                self.events.push(Event {
                    tick,
                    target: Some(i),
                    kind: EventKind::Skipped,
                });
            }
        }
    }
}

/// The new version ran (or runs) here, so a rollback has something to undo.
pub(super) fn touched(status: TargetStatus) -> bool {
    status.is_active() || matches!(status, TargetStatus::Succeeded | TargetStatus::Failed)
}
