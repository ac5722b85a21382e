//! One release of a new version across the pipeline's targets.
//!
//! Time is simulated in whole minutes (ticks). Targets start only when every
//! dependency has succeeded, except in cowboy mode, which skips the graph and
//! pushes the new version to every user-facing target at once.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::conditions::{Defect, Outage};
use super::events::{Event, EventKind};
use super::health::{HealthSample, Trip};
use super::pipeline::Pipeline;
use super::spec::Gate;
use super::status::TargetStatus;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReleaseMode {
    Pipeline,
    /// Straight to production, no dependencies, gates, canaries or checks.
    Cowboy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    InProgress,
    Succeeded,
    /// Some target failed and is still waiting for a rollback.
    Failed,
    RolledBack,
}

/// One target's progress in this release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetRun {
    pub status: TargetStatus,
    /// The version this target ran before the release; rollbacks restore it.
    pub previous: u32,
    /// Percent of the target's traffic on the new version.
    pub weight: u8,
    /// Index of the canary step in progress.
    pub(super) step: usize,
    /// Minutes spent in the current step or phase.
    pub(super) minutes: u32,
    pub started_at: Option<u32>,
    pub finished_at: Option<u32>,
    pub last_sample: Option<HealthSample>,
    /// The release minute of `last_sample`.
    pub sampled_at: Option<u32>,
    pub trip: Option<Trip>,
    /// The previous version carries a defect that shows on this target.
    pub(super) previous_defective: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    pub(super) number: u32,
    pub(super) version: u32,
    pub(super) mode: ReleaseMode,
    pub(super) tick: u32,
    pub(super) seed: u64,
    pub(super) runs: Vec<TargetRun>,
    pub(super) events: Vec<Event>,
    pub(super) defects: Vec<Defect>,
    pub(super) outages: Vec<Outage>,
    pub(super) halted: bool,
    /// A failure happened under an automatic policy; the rollback runs next minute.
    pub(super) rollback_due: bool,
    /// The newest `HEALTH_LOG_SAMPLES` samples, oldest first.
    pub(super) health_log: VecDeque<HealthPoint>,
}

/// Minutes a rollout without canary steps takes to reach 100%.
pub const DEPLOY_MINUTES: u32 = 2;

/// Health samples kept per release for the charts, across all targets, so
/// memory (and the copy each undo step keeps) is bounded however big the
/// pipeline: four targets keep over eight hours of minutes.
pub const HEALTH_LOG_SAMPLES: usize = 2048;

/// One health sample of the new version on one target.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthPoint {
    pub tick: u32,
    pub target: usize,
    pub sample: HealthSample,
}

impl Release {
    /// Starts release `number` of `version`; `previous[i]` is what target `i` runs
    /// now and `previous_defective[i]` whether that version misbehaves there.
    pub fn start(
        pipeline: &Pipeline,
        number: u32,
        version: u32,
        seed: u64,
        previous: &[u32],
        previous_defective: &[bool],
        defects: Vec<Defect>,
    ) -> Release {
        let mut r = Release::blank(
            pipeline,
            number,
            version,
            ReleaseMode::Pipeline,
            seed,
            previous,
            previous_defective,
            defects,
        );
        r.start_enabled(pipeline);
        r
    }

    /// Cowboy mode: every canary and production target gets the new version at
    /// 100% immediately; the rest are skipped.
    pub fn cowboy(
        pipeline: &Pipeline,
        number: u32,
        version: u32,
        seed: u64,
        previous: &[u32],
        previous_defective: &[bool],
        defects: Vec<Defect>,
    ) -> Release {
        let mut r = Release::blank(
            pipeline,
            number,
            version,
            ReleaseMode::Cowboy,
            seed,
            previous,
            previous_defective,
            defects,
        );
        for (i, t) in pipeline.targets().iter().enumerate() {
            let Some(run) = r.runs.get_mut(i) else {
                continue;
            };
            if t.environment.is_user_facing() {
                run.status = TargetStatus::Succeeded;
                run.weight = 100;
                run.started_at = Some(0);
                run.finished_at = Some(0);
            } else {
                run.status = TargetStatus::Skipped;
            }
        }
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn blank(
        pipeline: &Pipeline,
        number: u32,
        version: u32,
        mode: ReleaseMode,
        seed: u64,
        previous: &[u32],
        previous_defective: &[bool],
        defects: Vec<Defect>,
    ) -> Release {
        let runs = (0..pipeline.len())
            .map(|i| TargetRun {
                status: TargetStatus::NotStarted,
                previous: previous.get(i).copied().unwrap_or(0),
                weight: 0,
                step: 0,
                minutes: 0,
                started_at: None,
                finished_at: None,
                last_sample: None,
                sampled_at: None,
                trip: None,
                previous_defective: previous_defective.get(i).copied().unwrap_or(false),
            })
            .collect();
        Release {
            number,
            version,
            mode,
            tick: 0,
            seed,
            runs,
            events: vec![Event {
                tick: 0,
                target: None,
                kind: EventKind::ReleaseStarted {
                    version,
                    cowboy: mode == ReleaseMode::Cowboy,
                },
            }],
            defects,
            outages: Vec::new(),
            halted: false,
            rollback_due: false,
            health_log: VecDeque::new(),
        }
    }

    pub fn version(&self) -> u32 {
        self.version
    }
    pub fn number(&self) -> u32 {
        self.number
    }
    pub fn mode(&self) -> ReleaseMode {
        self.mode
    }
    /// Minutes since the release started.
    pub fn minutes(&self) -> u32 {
        self.tick
    }
    pub fn runs(&self) -> &[TargetRun] {
        &self.runs
    }
    pub fn run(&self, i: usize) -> Option<&TargetRun> {
        self.runs.get(i)
    }
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    pub fn defects(&self) -> &[Defect] {
        &self.defects
    }
    pub fn outages(&self) -> &[Outage] {
        &self.outages
    }
    pub fn statuses(&self) -> Vec<TargetStatus> {
        self.runs.iter().map(|r| r.status).collect()
    }
    pub fn status(&self, i: usize) -> TargetStatus {
        self.runs.get(i).map(|r| r.status).unwrap_or_default()
    }

    /// Target `i`'s kept samples as (release minute, sample), oldest first.
    pub fn health_history(&self, i: usize) -> Vec<(u32, HealthSample)> {
        self.health_log
            .iter()
            .filter(|p| p.target == i)
            .map(|p| (p.tick, p.sample))
            .collect()
    }

    /// Every health check that failed in this release, in order.
    pub fn trips(&self) -> impl Iterator<Item = &Trip> + '_ {
        self.events.iter().filter_map(|e| match &e.kind {
            EventKind::Tripped(t) => Some(t),
            _ => None,
        })
    }

    /// The version target `i` counts as running: the new one once it succeeded.
    pub fn version_of(&self, i: usize) -> u32 {
        match self.runs.get(i) {
            Some(r) if r.status == TargetStatus::Succeeded => self.version,
            Some(r) => r.previous,
            None => 0,
        }
    }

    /// Percent of target `i`'s traffic on the new version.
    pub fn new_traffic(&self, i: usize) -> u8 {
        match self.runs.get(i) {
            Some(r) if r.status == TargetStatus::Succeeded => 100,
            Some(r) if r.status.is_active() || r.status == TargetStatus::Failed => r.weight,
            _ => 0,
        }
    }

    pub fn is_finished(&self) -> bool {
        !self.rollback_due && self.runs.iter().all(|r| r.status.is_settled())
    }

    /// Nothing can move until someone approves a gate: no target is mid-deploy
    /// (targets that have not started wait behind the gate too).
    pub fn is_waiting_for_approval(&self) -> bool {
        !self.rollback_due
            && self
                .runs
                .iter()
                .any(|r| r.status == TargetStatus::AwaitingApproval)
            && !self.runs.iter().any(|r| r.status.is_active())
    }

    pub fn outcome(&self) -> Outcome {
        if !self.is_finished() {
            Outcome::InProgress
        } else if self.runs.iter().any(|r| r.status == TargetStatus::Failed) {
            Outcome::Failed
        } else if self
            .runs
            .iter()
            .any(|r| r.status == TargetStatus::RolledBack)
        {
            Outcome::RolledBack
        } else {
            Outcome::Succeeded
        }
    }

    /// Starts (or parks at their gate) targets whose dependencies all succeeded.
    pub(super) fn start_enabled(&mut self, pipeline: &Pipeline) {
        if self.halted || self.mode == ReleaseMode::Cowboy {
            return;
        }
        for &i in pipeline.order() {
            if self.status(i) != TargetStatus::NotStarted
                || pipeline
                    .deps(i)
                    .iter()
                    .any(|&d| self.status(d) != TargetStatus::Succeeded)
            {
                continue;
            }
            let manual = pipeline.target(i).is_some_and(|t| t.gate == Gate::Manual);
            if manual {
                self.set_status(i, TargetStatus::AwaitingApproval);
                self.events.push(Event {
                    tick: self.tick,
                    target: Some(i),
                    kind: EventKind::AwaitingApproval,
                });
            } else {
                self.begin(i);
            }
        }
    }

    pub(super) fn begin(&mut self, i: usize) {
        let tick = self.tick;
        if let Some(run) = self.runs.get_mut(i) {
            run.status = TargetStatus::Deploying;
            run.started_at = Some(tick);
            run.step = 0;
            run.minutes = 0;
            self.events.push(Event {
                tick,
                target: Some(i),
                kind: EventKind::Started,
            });
        }
    }

    pub(super) fn set_status(&mut self, i: usize, status: TargetStatus) {
        if let Some(run) = self.runs.get_mut(i) {
            run.status = status;
        }
    }
}
