//! The pipeline spec: what a service owner writes, after its fields are checked.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::position::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnvironmentKind {
    Dev,
    Staging,
    Canary,
    Production,
    Other,
}

impl EnvironmentKind {
    pub const ALL: [EnvironmentKind; 5] = [
        EnvironmentKind::Dev,
        EnvironmentKind::Staging,
        EnvironmentKind::Canary,
        EnvironmentKind::Production,
        EnvironmentKind::Other,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EnvironmentKind::Dev => "dev",
            EnvironmentKind::Staging => "staging",
            EnvironmentKind::Canary => "canary",
            EnvironmentKind::Production => "production",
            EnvironmentKind::Other => "other",
        }
    }

    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == s)
    }

    /// Canary and production hosts serve real users; the rest see synthetic traffic.
    pub fn is_user_facing(self) -> bool {
        matches!(self, EnvironmentKind::Canary | EnvironmentKind::Production)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gate {
    Automatic,
    /// The target waits for an explicit Approve once its dependencies succeed.
    Manual,
}

impl Gate {
    pub fn name(self) -> &'static str {
        match self {
            Gate::Automatic => "automatic",
            Gate::Manual => "manual",
        }
    }
}

/// Thresholds a target's new version must stay within; a missing one is not checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HealthChecks {
    /// Fraction of failed requests, 0..=1.
    pub max_error_rate: Option<f64>,
    pub max_p99_latency_ms: Option<u32>,
}

/// Argo Rollouts' canary steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CanaryStep {
    /// Percent of the target's traffic sent to the new version.
    SetWeight(u8),
    PauseMinutes(u32),
    /// Compare the new version's health against the thresholds; failing aborts.
    Analysis,
}

impl fmt::Display for CanaryStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanaryStep::SetWeight(w) => write!(f, "set weight {w}%"),
            CanaryStep::PauseMinutes(m) => write!(f, "pause {m} min"),
            CanaryStep::Analysis => write!(f, "analysis"),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RollbackMode {
    /// A failed target is rolled back on the next minute without asking.
    #[default]
    Automatic,
    /// A failed target keeps serving until someone presses Rollback.
    Manual,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RollbackScope {
    /// Only the failed target goes back.
    #[default]
    Target,
    /// Every target this release touched goes back.
    Pipeline,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollbackPolicy {
    pub mode: RollbackMode,
    pub on_failure: RollbackScope,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dependency {
    pub id: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetSpec {
    pub id: String,
    /// Where the id's value is written, for errors about this target.
    pub id_span: Span,
    pub environment: EnvironmentKind,
    pub depends_on: Vec<Dependency>,
    pub gate: Gate,
    pub bake_minutes: u32,
    pub health: Option<HealthChecks>,
    pub canary_steps: Vec<CanaryStep>,
}

impl TargetSpec {
    /// A target with every optional field at its default.
    pub fn new(id: impl Into<String>, environment: EnvironmentKind) -> Self {
        TargetSpec {
            id: id.into(),
            id_span: Span::default(),
            environment,
            depends_on: Vec::new(),
            gate: Gate::Automatic,
            bake_minutes: 0,
            health: None,
            canary_steps: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PipelineSpec {
    pub service: String,
    pub targets: Vec<TargetSpec>,
    pub rollback: RollbackPolicy,
}
