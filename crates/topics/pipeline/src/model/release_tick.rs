//! One simulated minute of a release: rollbacks that are due, then each active
//! target moves through its canary steps, bake and verification, then newly
//! enabled targets start.

use super::conditions::Outage;
use super::events::{Event, EventKind};
use super::health::{evaluate, sample, HealthSample, SampleKey, Trip};
use super::pipeline::Pipeline;
use super::release::{HealthPoint, Release, ReleaseMode, DEPLOY_MINUTES, HEALTH_LOG_SAMPLES};
use super::spec::{CanaryStep, RollbackMode, RollbackScope};
use super::status::TargetStatus;

impl Release {
    /// Advances the release by one simulated minute.
    pub fn step_minute(&mut self, pipeline: &Pipeline) {
        self.tick = self.tick.saturating_add(1);
        if self.mode == ReleaseMode::Cowboy {
            // Nothing gates a cowboy deploy; the samples only feed the dashboard.
            self.sample_serving(pipeline);
            return;
        }
        if self.rollback_due {
            self.rollback_due = false;
            let scope = pipeline.spec().rollback.on_failure;
            for i in 0..self.runs.len() {
                if scope == RollbackScope::Pipeline || self.status(i) == TargetStatus::Failed {
                    self.roll_back_target(i);
                }
            }
        }
        for &i in pipeline.order() {
            match self.status(i) {
                TargetStatus::Deploying => self.advance_deploy(pipeline, i),
                TargetStatus::Baking => self.advance_bake(pipeline, i),
                TargetStatus::Verifying => self.advance_verify(pipeline, i),
                _ => {}
            }
        }
        self.start_enabled(pipeline);
        self.sample_serving(pipeline);
    }

    /// The dashboard's sample of every target the new version serves this
    /// minute, unless a check already took one. Samples are keyed by minute and
    /// target, so taking one more never changes what a check sees.
    fn sample_serving(&mut self, pipeline: &Pipeline) {
        let tick = self.tick;
        for i in 0..self.runs.len() {
            let fresh = self.runs.get(i).is_some_and(|r| r.sampled_at == Some(tick));
            if self.new_traffic(i) > 0 && !fresh {
                self.sample_health(pipeline, i);
            }
        }
    }

    /// Approves a target waiting at a manual gate; it starts deploying at once.
    pub fn approve(&mut self, i: usize) -> bool {
        if self.status(i) != TargetStatus::AwaitingApproval {
            return false;
        }
        self.events.push(Event {
            tick: self.tick,
            target: Some(i),
            kind: EventKind::Approved,
        });
        self.begin(i);
        true
    }

    pub fn add_outage(&mut self, outage: Outage) {
        self.outages.push(outage);
    }

    pub fn add_defect(&mut self, defect: super::conditions::Defect) {
        if !self.defects.contains(&defect) {
            self.defects.push(defect);
        }
    }

    /// The fraction of all users having a bad time this minute: those on a
    /// defective version, plus those hit by an outage.
    pub fn affected_fraction(&self, pipeline: &Pipeline, shares: &[f64]) -> f64 {
        let total: f64 = (0..self.runs.len())
            .map(|i| {
                let share = shares.get(i).copied().unwrap_or(0.0);
                let Some(t) = pipeline.target(i) else {
                    return 0.0;
                };
                if share <= 0.0 {
                    return 0.0;
                }
                let new = f64::from(self.new_traffic(i)) / 100.0;
                let new_bad = self.defects.iter().any(|d| d.manifests_on(t.environment));
                let old_bad = self.runs.get(i).is_some_and(|r| r.previous_defective);
                let mut hit =
                    if new_bad { new } else { 0.0 } + if old_bad { 1.0 - new } else { 0.0 };
                for o in self
                    .outages
                    .iter()
                    .filter(|o| o.affects(i, t.environment, self.tick))
                {
                    hit += o.user_impact();
                }
                share * hit.min(1.0)
            })
            .sum();
        total.clamp(0.0, 1.0)
    }

    fn advance_deploy(&mut self, pipeline: &Pipeline, i: usize) {
        let Some(spec) = pipeline.target(i) else {
            return;
        };
        let Some(run) = self.runs.get(i) else { return };
        let (step, minutes) = (run.step, run.minutes);
        match spec.canary_steps.get(step) {
            Some(CanaryStep::SetWeight(w)) => {
                self.update(i, |r| {
                    r.weight = *w;
                    r.step += 1;
                });
                self.events.push(Event {
                    tick: self.tick,
                    target: Some(i),
                    kind: EventKind::WeightSet(*w),
                });
            }
            Some(CanaryStep::PauseMinutes(m)) => {
                let done = minutes + 1 >= *m;
                self.update(i, |r| {
                    r.minutes = if done { 0 } else { minutes + 1 };
                    r.step += usize::from(done);
                });
            }
            Some(CanaryStep::Analysis) => {
                if self.check(pipeline, i).is_none() {
                    self.update(i, |r| r.step += 1);
                    self.events.push(Event {
                        tick: self.tick,
                        target: Some(i),
                        kind: EventKind::AnalysisPassed,
                    });
                }
            }
            None if spec.canary_steps.is_empty() && minutes + 1 < DEPLOY_MINUTES => {
                self.update(i, |r| r.minutes = minutes + 1);
            }
            None => {
                let baking = spec.bake_minutes > 0;
                self.update(i, |r| {
                    r.weight = 100;
                    r.minutes = 0;
                    r.status = if baking {
                        TargetStatus::Baking
                    } else {
                        TargetStatus::Verifying
                    };
                });
                self.events.push(Event {
                    tick: self.tick,
                    target: Some(i),
                    kind: EventKind::Promoted,
                });
            }
        }
    }

    fn advance_verify(&mut self, pipeline: &Pipeline, i: usize) {
        if self.check(pipeline, i).is_none() {
            self.finish(i);
        }
    }

    fn advance_bake(&mut self, pipeline: &Pipeline, i: usize) {
        if self.check(pipeline, i).is_some() {
            return;
        }
        let bake = pipeline.target(i).map_or(0, |t| t.bake_minutes);
        self.update(i, |r| {
            r.minutes += 1;
            if r.minutes >= bake {
                r.minutes = 0;
                r.status = TargetStatus::Verifying;
            }
        });
    }

    /// Samples the new version and applies the target's thresholds; on a breach
    /// the target fails (a canary aborts to weight 0 first) and the release stops.
    fn check(&mut self, pipeline: &Pipeline, i: usize) -> Option<Trip> {
        let s = self.sample_health(pipeline, i)?;
        let (check, observed, threshold) = evaluate(pipeline.target(i)?.health, s)?;
        let trip = Trip {
            target: i,
            check,
            observed,
            threshold,
            tick: self.tick,
        };
        let tick = self.tick;
        self.events.push(Event {
            tick,
            target: Some(i),
            kind: EventKind::Tripped(trip),
        });
        let canary = self.status(i) == TargetStatus::Deploying;
        if canary {
            self.events.push(Event {
                tick,
                target: Some(i),
                kind: EventKind::Aborted,
            });
        }
        self.update(i, |r| {
            r.trip = Some(trip);
            r.status = TargetStatus::Failed;
            r.finished_at = Some(tick);
            if canary {
                r.weight = 0;
            }
        });
        self.events.push(Event {
            tick,
            target: Some(i),
            kind: EventKind::Failed,
        });
        self.halt();
        if pipeline.spec().rollback.mode == RollbackMode::Automatic {
            self.rollback_due = true;
        }
        Some(trip)
    }

    fn sample_health(&mut self, pipeline: &Pipeline, i: usize) -> Option<HealthSample> {
        let env = pipeline.target(i)?.environment;
        let key = SampleKey {
            seed: self.seed,
            release: self.number,
            tick: self.tick,
            target: i,
        };
        let s = sample(key, env, &self.defects, &self.outages);
        let tick = self.tick;
        self.update(i, |r| {
            r.last_sample = Some(s);
            r.sampled_at = Some(tick);
        });
        if self.health_log.len() >= HEALTH_LOG_SAMPLES {
            self.health_log.pop_front();
        }
        self.health_log.push_back(HealthPoint {
            tick,
            target: i,
            sample: s,
        });
        Some(s)
    }

    fn finish(&mut self, i: usize) {
        let tick = self.tick;
        self.update(i, |r| {
            r.status = TargetStatus::Succeeded;
            r.finished_at = Some(tick);
        });
        self.events.push(Event {
            tick,
            target: Some(i),
            kind: EventKind::Succeeded,
        });
    }

    fn update(&mut self, i: usize, f: impl FnOnce(&mut super::release::TargetRun)) {
        if let Some(run) = self.runs.get_mut(i) {
            f(run);
        }
    }
}
