//! `Playground::apply`: each action either changes the state or is refused with
//! a reason, leaving everything as it was.

use super::action::Action;
use super::budget::Availability;
use super::conditions::Outage;
use super::gameday::{FailureClass, FailureKind, Injection, Remediation};
use super::journal::{Base, Journal};
use super::limits::MAX_CONFIG_BYTES;
use super::playground::{Gameday, Playground};
use super::playground_error::PlaygroundError as E;
use super::presets::Preset;
use super::release::{Outcome, Release};
use super::status::TargetStatus;
use super::validate::validate_str;

pub const MAX_ADVANCE_MINUTES: u32 = 1440;
/// RunUntilBlocked stops after this many minutes even if the release could go on.
pub const MAX_RUN_MINUTES: u32 = 10_000;

impl Playground {
    /// Applies `action` or refuses it whole; what was applied is noted for links.
    pub fn apply(&mut self, action: &Action) -> Result<(), E> {
        self.act(action)?;
        self.note(action);
        Ok(())
    }

    /// A session with no release and no minute passed is its config alone:
    /// links start over from there. Otherwise the step joins the journal.
    fn note(&mut self, action: &Action) {
        if self.releases > 0 || self.clock > 0 {
            self.journal.push(action, self.clock);
            return;
        }
        self.journal = Journal::new(Base {
            preset: self.preset,
            text: self.config_text.clone(),
            seed: self.seed,
            slo_percent: self.budget.target.percent(),
        });
        // An invalid edit waits in the editor: the link keeps it too.
        if self.editor_text != self.config_text {
            let edit = Action::EditConfig(self.editor_text.to_string());
            self.journal.push(&edit, self.clock);
        }
    }

    fn act(&mut self, action: &Action) -> Result<(), E> {
        match action {
            Action::EditConfig(text) => self.edit(text, None),
            Action::LoadPreset(p) => self.edit(p.toml(), Some(*p)),
            Action::StartRelease { bad_build } => self.start(*bad_build, false),
            Action::CowboyDeploy { bad_build } => self.start(*bad_build, true),
            Action::Tick => self.advance(1),
            Action::Advance { minutes } => self.advance(*minutes),
            Action::RunUntilBlocked => self.run_until_blocked(),
            Action::Approve(id) => self.approve(id),
            Action::Rollback => self.rollback(),
            Action::InjectFailure(kind) => self.inject(*kind),
            Action::Classify { class, remediation } => self.classify(*class, *remediation),
            Action::SetSlo(percent) => {
                self.budget.target = Availability::from_percent(*percent).map_err(E::InvalidSlo)?;
                Ok(())
            }
            Action::NewBudgetWindow => {
                self.budget.reset();
                Ok(())
            }
            Action::SetSeed(seed) => {
                self.seed = *seed;
                Ok(())
            }
        }
    }

    fn edit(&mut self, text: &str, preset: Option<Preset>) -> Result<(), E> {
        if text.len() > MAX_CONFIG_BYTES {
            return Err(E::ConfigTooLarge {
                bytes: text.len(),
                limit: MAX_CONFIG_BYTES,
            });
        }
        match validate_str(text) {
            Ok(pipeline) => self.install(pipeline, text, preset),
            Err(errors) => {
                self.editor_text = text.into();
                self.editor_errors = errors;
            }
        }
        Ok(())
    }

    /// Why a new release cannot start now, if it cannot.
    pub fn release_blocker(&self) -> Option<E> {
        if self.gameday.is_some() {
            return Some(E::GamedayPending);
        }
        if let Some(r) = &self.release {
            if !r.is_finished() {
                return Some(E::ReleaseInProgress {
                    version: r.version(),
                });
            }
            if r.outcome() == Outcome::Failed {
                let failed = r
                    .runs()
                    .iter()
                    .position(|x| x.status == TargetStatus::Failed)
                    .unwrap_or(0);
                return Some(E::FailedNotRolledBack {
                    target: self.pipeline.id(failed).to_owned(),
                });
            }
        }
        if self.budget.is_spent() {
            return Some(E::ReleaseFrozen {
                consumed: self.budget.consumed(),
                allowed: self.budget.allowed(),
            });
        }
        None
    }

    fn start(&mut self, bad_build: bool, cowboy: bool) -> Result<(), E> {
        if let Some(e) = self.release_blocker() {
            return Err(e);
        }
        let defects = if bad_build {
            vec![super::conditions::Defect::BadBuild]
        } else {
            Vec::new()
        };
        self.launch(defects, cowboy);
        Ok(())
    }

    fn launch(&mut self, defects: Vec<super::conditions::Defect>, cowboy: bool) {
        self.versions = self.current_versions();
        let bad_before = self.previous_defective(&self.versions);
        self.releases = self.releases.saturating_add(1);
        let version = self.next_version;
        self.next_version = self.next_version.saturating_add(1);
        if !defects.is_empty() {
            self.defective.insert(version, defects.clone());
        }
        let (p, n, seed) = (&self.pipeline, self.releases, self.seed);
        self.release = Some(if cowboy {
            Release::cowboy(p, n, version, seed, &self.versions, &bad_before, defects)
        } else {
            Release::start(p, n, version, seed, &self.versions, &bad_before, defects)
        });
    }

    fn advance(&mut self, minutes: u32) -> Result<(), E> {
        if !(1..=MAX_ADVANCE_MINUTES).contains(&minutes) {
            return Err(E::InvalidMinutes {
                got: minutes,
                max: MAX_ADVANCE_MINUTES,
            });
        }
        for _ in 0..minutes {
            self.minute();
        }
        Ok(())
    }

    /// One minute: the release moves, then the minute's bad user time is charged.
    fn minute(&mut self) {
        self.clock = self.clock.saturating_add(1);
        if let Some(r) = self.release.as_mut() {
            r.step_minute(&self.pipeline);
        }
        let affected = self.affected_fraction();
        self.budget.burn(affected, 1);
    }

    fn run_until_blocked(&mut self) -> Result<(), E> {
        let r = self
            .release
            .as_ref()
            .filter(|r| !r.is_finished())
            .ok_or(E::NoRelease)?;
        if r.is_waiting_for_approval() {
            return Err(E::ReleaseBlocked {
                waiting: self.awaiting_approval(),
            });
        }
        for _ in 0..MAX_RUN_MINUTES {
            self.minute();
            match &self.release {
                Some(r) if !r.is_finished() && !r.is_waiting_for_approval() => {}
                _ => break,
            }
        }
        Ok(())
    }

    /// Ids of targets waiting at a manual gate.
    pub fn awaiting_approval(&self) -> Vec<String> {
        self.statuses()
            .iter()
            .enumerate()
            .filter(|(_, s)| **s == TargetStatus::AwaitingApproval)
            .map(|(i, _)| self.pipeline.id(i).to_owned())
            .collect()
    }

    fn approve(&mut self, id: &str) -> Result<(), E> {
        let i = self.pipeline.find(id).ok_or_else(|| E::UnknownTarget {
            id: id.chars().take(64).collect(),
        })?;
        let reason = self
            .enablement()
            .get(i)
            .and_then(|e| e.reason(&self.pipeline));
        let r = self.release.as_mut().ok_or(E::NoRelease)?;
        let status = r.status(i);
        if r.approve(i) {
            Ok(())
        } else {
            Err(E::NotAwaitingApproval {
                target: id.to_owned(),
                status,
                reason,
            })
        }
    }

    fn rollback(&mut self) -> Result<(), E> {
        if self.rollback_preview().is_empty() {
            return Err(E::NothingToRollBack);
        }
        if let Some(r) = self.release.as_mut() {
            r.rollback();
        }
        Ok(())
    }

    fn inject(&mut self, kind: FailureKind) -> Result<(), E> {
        if self.gameday.is_some() {
            return Err(E::GamedayPending);
        }
        let running = self.release.as_ref().is_some_and(|r| !r.is_finished());
        if !running {
            if let Some(e) = self.release_blocker() {
                return Err(e);
            }
            self.launch(Vec::new(), false);
        }
        let target = self.node_to_terminate();
        let consumed_before = self.budget.consumed();
        let Some(r) = self.release.as_mut() else {
            return Err(E::NoRelease);
        };
        let now = r.minutes();
        match kind.injection() {
            Injection::Defect(d) => {
                r.add_defect(d);
                let version = r.version();
                let list = self.defective.entry(version).or_default();
                if !list.contains(&d) {
                    list.push(d);
                }
            }
            // From the next minute: the injection lands between two samples.
            Injection::Outage(make) => {
                r.add_outage(Outage::new(make(target), now.saturating_add(1)))
            }
        }
        self.gameday = Some(Gameday {
            kind,
            release_number: r.number(),
            injected_at: now,
            consumed_before,
        });
        Ok(())
    }

    /// A user-facing target mid-deploy if there is one, else the first
    /// user-facing target, else whatever is deploying, else the first target.
    fn node_to_terminate(&self) -> usize {
        let statuses = self.statuses();
        let order = self.pipeline.order();
        let facing = |i: usize| {
            self.pipeline
                .target(i)
                .is_some_and(|t| t.environment.is_user_facing())
        };
        let active = |i: usize| statuses.get(i).is_some_and(|s| s.is_active());
        order
            .iter()
            .copied()
            .find(|&i| facing(i) && active(i))
            .or_else(|| order.iter().copied().find(|&i| facing(i)))
            .or_else(|| order.iter().copied().find(|&i| active(i)))
            .unwrap_or(0)
    }

    fn classify(&mut self, class: FailureClass, remediation: Remediation) -> Result<(), E> {
        let g = self.gameday.as_ref().ok_or(E::NoGameday)?;
        let busy = self
            .release
            .as_ref()
            .filter(|r| r.number() == g.release_number)
            .is_some_and(|r| !r.is_finished() && !r.is_waiting_for_approval());
        if busy {
            return Err(E::GamedayStillRunning);
        }
        let report = self.gameday_report().ok_or(E::NoGameday)?;
        self.incidents.record(class, remediation, report);
        self.gameday = None;
        Ok(())
    }
}

/// What the core's panel state and tour builder are written against.
impl techshack_core::state::Playground for Playground {
    type Action = Action;
    type Refusal = E;

    fn apply(&mut self, action: &Action) -> Result<(), E> {
        Playground::apply(self, action)
    }

    fn goal_holds(&self, goal: &str) -> Option<bool> {
        super::goals::goal_holds(self, goal)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        super::story::values(self)
    }

    fn story_set(&self, key: &str, value: f64) -> Option<Action> {
        super::story::set(key, value)
    }
}
