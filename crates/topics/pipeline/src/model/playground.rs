//! The panel's state: the pipeline in force, the editor, the release being
//! simulated, the error budget and the incident log. Changed only by `apply`.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::action::{Snapshot, SnapshotConfig, MAX_SNAPSHOT_CONFIG_BYTES};
use super::budget::{Availability, Downtime};
use super::burn::ErrorBudget;
use super::conditions::Defect;
use super::enablement::{enablement, Enablement};
use super::error::ConfigError;
use super::gameday::{FailureKind, GamedayReport, IncidentLog};
use super::github_actions::to_github_actions;
use super::journal::{self, Base, Journal, Overflow};
use super::pipeline::Pipeline;
use super::playground_error::PlaygroundError;
use super::presets::Preset;
use super::release::Release;
use super::rollback::RollbackItem;
use super::status::TargetStatus;
use super::traffic::user_shares;
use super::validate::validate_str;

/// Every target runs this version before the first release.
pub const BASE_VERSION: u32 = 42;
pub const DEFAULT_SEED: u64 = 1;
pub const DEFAULT_SLO_PERCENT: f64 = 99.9;

/// An injected failure waiting to be classified.
#[derive(Clone, Debug, PartialEq)]
pub struct Gameday {
    pub kind: FailureKind,
    pub release_number: u32,
    /// The release minute it was injected at.
    pub injected_at: u32,
    pub(super) consumed_before: Downtime,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    // Shared (not copied) by the clones an undo history keeps: a config can
    // be a megabyte and a pipeline thousands of targets.
    pub(super) config_text: Rc<str>,
    pub(super) preset: Option<Preset>,
    pub(super) editor_text: Rc<str>,
    pub(super) editor_errors: Vec<ConfigError>,
    pub(super) pipeline: Rc<Pipeline>,
    pub(super) shares: Vec<f64>,
    /// What each target ran before the current release.
    pub(super) versions: Vec<u32>,
    pub(super) defective: BTreeMap<u32, Vec<Defect>>,
    pub(super) next_version: u32,
    pub(super) releases: u32,
    pub(super) release: Option<Release>,
    pub(super) seed: u64,
    pub(super) budget: ErrorBudget,
    pub(super) clock: u32,
    pub(super) gameday: Option<Gameday>,
    pub(super) incidents: IncidentLog,
    /// What a link replays to come back here.
    pub(super) journal: Journal,
}

impl Default for Playground {
    /// The Airbnb-style preset, seed 1, a 99.9% SLO.
    fn default() -> Self {
        let slo =
            Availability::from_percent(DEFAULT_SLO_PERCENT).unwrap_or(Availability::TWO_NINES);
        match validate_str(Preset::Airbnb.toml()) {
            Ok(p) => Playground::with(
                p,
                Preset::Airbnb.toml(),
                Some(Preset::Airbnb),
                DEFAULT_SEED,
                slo,
            ),
            // The preset is a constant checked by tests; this arm is unreachable.
            Err(_) => Playground::with(Pipeline::single("production"), "", None, DEFAULT_SEED, slo),
        }
    }
}

impl Playground {
    fn with(
        pipeline: Pipeline,
        text: &str,
        preset: Option<Preset>,
        seed: u64,
        slo: Availability,
    ) -> Self {
        let text: Rc<str> = text.into();
        let journal = Journal::new(Base {
            preset,
            text: text.clone(),
            seed,
            slo_percent: slo.percent(),
        });
        Playground {
            config_text: text.clone(),
            preset,
            editor_text: text,
            editor_errors: Vec::new(),
            shares: user_shares(&pipeline),
            versions: vec![BASE_VERSION; pipeline.len()],
            pipeline: Rc::new(pipeline),
            defective: BTreeMap::new(),
            next_version: BASE_VERSION + 1,
            releases: 0,
            release: None,
            seed,
            budget: ErrorBudget::new(slo),
            clock: 0,
            gameday: None,
            incidents: IncidentLog::default(),
            journal,
        }
    }

    /// The link's content: the session's base and its steps, or, past the
    /// journal's caps, the config in force alone.
    pub fn snapshot(&self) -> Snapshot {
        if self.journal.overflow().is_some() {
            return Snapshot {
                config: match self.preset {
                    Some(p) => SnapshotConfig::Preset(p),
                    None => SnapshotConfig::Text(self.config_text.to_string()),
                },
                seed: self.seed,
                slo_percent: self.budget.target.percent(),
                steps: Vec::new(),
            };
        }
        let base = self.journal.base();
        Snapshot {
            config: base.config(),
            seed: base.seed,
            slo_percent: base.slo_percent,
            steps: self.journal.steps().to_vec(),
        }
    }

    /// Why a link would carry the config only (the session is past a cap), if so.
    pub fn link_overflow(&self) -> Option<Overflow> {
        self.journal.overflow()
    }

    /// Restores a shared link; everything in it is checked, as links can be
    /// edited: the base like a config, each step like a click.
    pub fn from_snapshot(s: Snapshot) -> Result<Self, PlaygroundError> {
        if s.steps.len() > journal::MAX_LINK_STEPS {
            return Err(PlaygroundError::LinkOverCap(Overflow::Steps));
        }
        let text: usize = s.steps.iter().map(journal::text_bytes).sum();
        if text > journal::MAX_LINK_TEXT_BYTES {
            return Err(PlaygroundError::LinkOverCap(Overflow::Text));
        }
        let mut pg = Playground::from_base(&s)?;
        let of = s.steps.len();
        for (i, step) in s.steps.iter().enumerate() {
            pg.apply(step)
                .map_err(|e| PlaygroundError::LinkStepRefused {
                    step: i + 1,
                    of,
                    reason: Box::new(e),
                })?;
            // A link our snapshots make never goes past a cap: this one was edited.
            if let Some(o) = pg.journal.overflow() {
                return Err(PlaygroundError::LinkOverCap(o));
            }
        }
        Ok(pg)
    }

    fn from_base(s: &Snapshot) -> Result<Self, PlaygroundError> {
        let slo = Availability::from_percent(s.slo_percent).map_err(PlaygroundError::InvalidSlo)?;
        let (text, preset) = match &s.config {
            SnapshotConfig::Preset(p) => (p.toml(), Some(*p)),
            SnapshotConfig::Text(t) => (t.as_str(), None),
        };
        if text.len() > MAX_SNAPSHOT_CONFIG_BYTES {
            return Err(PlaygroundError::ConfigTooLarge {
                bytes: text.len(),
                limit: MAX_SNAPSHOT_CONFIG_BYTES,
            });
        }
        let pipeline = validate_str(text).map_err(PlaygroundError::InvalidConfig)?;
        Ok(Playground::with(pipeline, text, preset, s.seed, slo))
    }

    /// Puts a valid pipeline in force; versions carry over by target id.
    pub(super) fn install(&mut self, pipeline: Pipeline, text: &str, preset: Option<Preset>) {
        let current = self.current_versions();
        let versions = pipeline
            .targets()
            .iter()
            .map(|t| {
                self.pipeline
                    .find(&t.id)
                    .and_then(|i| current.get(i).copied())
                    .unwrap_or(BASE_VERSION)
            })
            .collect();
        self.shares = user_shares(&pipeline);
        self.versions = versions;
        self.pipeline = Rc::new(pipeline);
        let text: Rc<str> = text.into();
        self.config_text = text.clone();
        self.preset = preset;
        self.editor_text = text;
        self.editor_errors.clear();
        self.release = None;
        self.gameday = None;
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }
    /// The text of the pipeline in force.
    pub fn config_text(&self) -> &str {
        &self.config_text
    }
    /// The preset in force, if the config in force is one.
    pub fn preset(&self) -> Option<Preset> {
        self.preset
    }
    /// What the editor shows; may differ from the config in force when invalid.
    pub fn editor_text(&self) -> &str {
        &self.editor_text
    }
    pub fn editor_errors(&self) -> &[ConfigError] {
        &self.editor_errors
    }
    pub fn release(&self) -> Option<&Release> {
        self.release.as_ref()
    }
    /// The share of real users (percent) the release sends to the new build
    /// on the target named `canary`, if there is a release and such a target:
    /// what the canary tours ask about.
    pub fn canary_traffic(&self) -> Option<u8> {
        let p = self.pipeline();
        let canary = (0..p.len()).find(|&i| p.id(i) == "canary")?;
        self.release().map(|r| r.new_traffic(canary))
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn budget(&self) -> &ErrorBudget {
        &self.budget
    }
    pub fn is_frozen(&self) -> bool {
        self.budget.is_spent()
    }
    /// Simulated minutes since the session began.
    pub fn clock(&self) -> u32 {
        self.clock
    }
    pub fn incidents(&self) -> &IncidentLog {
        &self.incidents
    }
    pub fn gameday(&self) -> Option<&Gameday> {
        self.gameday.as_ref()
    }
    pub fn user_shares(&self) -> &[f64] {
        &self.shares
    }
    pub fn github_actions_yaml(&self) -> String {
        to_github_actions(&self.pipeline)
    }

    /// The version each target runs now (the new one only once it succeeded).
    pub fn current_versions(&self) -> Vec<u32> {
        match &self.release {
            Some(r) => (0..self.pipeline.len()).map(|i| r.version_of(i)).collect(),
            None => self.versions.clone(),
        }
    }

    pub fn statuses(&self) -> Vec<TargetStatus> {
        match &self.release {
            Some(r) => r.statuses(),
            None => vec![TargetStatus::NotStarted; self.pipeline.len()],
        }
    }

    pub fn enablement(&self) -> Vec<Enablement> {
        enablement(&self.pipeline, &self.statuses())
    }

    /// Per target: why it is disabled ("waiting for staging to succeed"), if it is.
    pub fn enablement_reasons(&self) -> Vec<Option<String>> {
        self.enablement()
            .into_iter()
            .map(|e| e.reason(&self.pipeline))
            .collect()
    }

    pub fn rollback_preview(&self) -> Vec<RollbackItem> {
        self.release
            .as_ref()
            .map(|r| r.rollback_preview(&self.pipeline))
            .unwrap_or_default()
    }

    /// The fraction of all users having a bad time right now.
    pub fn affected_fraction(&self) -> f64 {
        match &self.release {
            Some(r) => r.affected_fraction(&self.pipeline, &self.shares),
            None => {
                let bad = self.previous_defective(&self.versions);
                bad.iter()
                    .zip(&self.shares)
                    .map(|(b, s)| if *b { *s } else { 0.0 })
                    .sum()
            }
        }
    }

    /// Per target: does the version it runs carry a defect that shows there?
    pub(super) fn previous_defective(&self, versions: &[u32]) -> Vec<bool> {
        self.pipeline
            .targets()
            .iter()
            .zip(versions)
            .map(|(t, v)| {
                self.defective
                    .get(v)
                    .is_some_and(|ds| ds.iter().any(|d| d.manifests_on(t.environment)))
            })
            .collect()
    }

    /// What the pipeline has seen so far of the pending gameday's failure.
    pub fn gameday_report(&self) -> Option<GamedayReport> {
        let g = self.gameday.as_ref()?;
        let release = self
            .release
            .as_ref()
            .filter(|r| r.number() == g.release_number);
        let caught = release.and_then(|r| r.trips().find(|t| t.tick > g.injected_at).copied());
        Some(GamedayReport {
            kind: g.kind,
            caught_at: caught.map(|t| self.pipeline.id(t.target).to_owned()),
            caught,
            user_minutes: Downtime {
                micros: self
                    .budget
                    .consumed()
                    .micros
                    .saturating_sub(g.consumed_before.micros),
            }
            .minutes(),
        })
    }
}
