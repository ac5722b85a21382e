//! Gamedays (Julia Evans, "High Reliability Infrastructure Migrations"): break
//! something on purpose, see whether the pipeline catches it, classify the
//! failure, pick a remediation, and keep a log so each class of incident
//! happens only once.

use serde::{Deserialize, Serialize};

use super::conditions::{Defect, OutageKind};
use super::decimal::Fixed;
use super::health::Trip;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureKind {
    BadConfig,
    NodeTerminated,
    DependencyOutage,
    LatencySpike,
    FailedMigration,
}

/// How an injected failure enters the simulation.
pub enum Injection {
    /// Shipped inside the new version.
    Defect(Defect),
    /// Happens to the environment; built for the target the playground picks.
    Outage(fn(usize) -> OutageKind),
}

impl FailureKind {
    pub const ALL: [FailureKind; 5] = [
        FailureKind::BadConfig,
        FailureKind::NodeTerminated,
        FailureKind::DependencyOutage,
        FailureKind::LatencySpike,
        FailureKind::FailedMigration,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FailureKind::BadConfig => "push an invalid config",
            FailureKind::NodeTerminated => "terminate a node",
            FailureKind::DependencyOutage => "take down a dependency",
            FailureKind::LatencySpike => "ship a latency spike",
            FailureKind::FailedMigration => "fail a migration step",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            FailureKind::BadConfig => "The new version ships a config the service cannot parse; it errors everywhere, dev included.",
            FailureKind::NodeTerminated => "One node of a user-facing target is killed; until it is replaced, latency climbs there for 6 minutes.",
            FailureKind::DependencyOutage => "A shared production dependency is down for 8 minutes; every user-facing target returns errors, whatever version it runs.",
            FailureKind::LatencySpike => "The new version has a slow path that only real traffic hits: p99 latency quadruples on canary and production.",
            FailureKind::FailedMigration => "A schema migration step in the new version fails on production data; staging's small data set passed.",
        }
    }

    /// The class a careful responder would give it.
    pub fn expected_class(self) -> FailureClass {
        match self {
            FailureKind::BadConfig => FailureClass::Config,
            FailureKind::NodeTerminated => FailureClass::Capacity,
            FailureKind::DependencyOutage => FailureClass::Dependency,
            FailureKind::LatencySpike => FailureClass::Performance,
            FailureKind::FailedMigration => FailureClass::DataMigration,
        }
    }

    pub fn injection(self) -> Injection {
        match self {
            FailureKind::BadConfig => Injection::Defect(Defect::BadConfig),
            FailureKind::LatencySpike => Injection::Defect(Defect::LatencyRegression),
            FailureKind::FailedMigration => Injection::Defect(Defect::FailedMigration),
            FailureKind::NodeTerminated => {
                Injection::Outage(|target| OutageKind::NodeTerminated { target })
            }
            FailureKind::DependencyOutage => Injection::Outage(|_| OutageKind::DependencyOutage),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureClass {
    Config,
    Capacity,
    Dependency,
    Performance,
    DataMigration,
}

impl FailureClass {
    pub const ALL: [FailureClass; 5] = [
        FailureClass::Config,
        FailureClass::Capacity,
        FailureClass::Dependency,
        FailureClass::Performance,
        FailureClass::DataMigration,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FailureClass::Config => "config",
            FailureClass::Capacity => "capacity",
            FailureClass::Dependency => "dependency",
            FailureClass::Performance => "performance",
            FailureClass::DataMigration => "data/migration",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Remediation {
    ValidateConfigInCi,
    CapacityHeadroom,
    TimeoutsAndFallbacks,
    LatencyCheckInCanary,
    RehearseMigration,
    SmallerCanarySteps,
}

impl Remediation {
    pub const ALL: [Remediation; 6] = [
        Remediation::ValidateConfigInCi,
        Remediation::CapacityHeadroom,
        Remediation::TimeoutsAndFallbacks,
        Remediation::LatencyCheckInCanary,
        Remediation::RehearseMigration,
        Remediation::SmallerCanarySteps,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Remediation::ValidateConfigInCi => "validate configs in CI before they ship",
            Remediation::CapacityHeadroom => "run with N+1 capacity and auto-replace nodes",
            Remediation::TimeoutsAndFallbacks => "add timeouts and fallbacks for the dependency",
            Remediation::LatencyCheckInCanary => "add a p99 latency check to canary analysis",
            Remediation::RehearseMigration => {
                "rehearse migrations on a copy of production data, with a down-migration"
            }
            Remediation::SmallerCanarySteps => "start canaries at a smaller weight",
        }
    }

    /// Whether this remediation addresses failures of `class`.
    pub fn fits(self, class: FailureClass) -> bool {
        matches!(
            (self, class),
            (Remediation::ValidateConfigInCi, FailureClass::Config)
                | (Remediation::CapacityHeadroom, FailureClass::Capacity)
                | (Remediation::TimeoutsAndFallbacks, FailureClass::Dependency)
                | (Remediation::LatencyCheckInCanary, FailureClass::Performance)
                | (Remediation::RehearseMigration, FailureClass::DataMigration)
                | (Remediation::SmallerCanarySteps, _)
        )
    }
}

/// What the pipeline saw of an injected failure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GamedayReport {
    pub kind: FailureKind,
    /// The first health check that tripped after the injection, if any.
    pub caught: Option<Trip>,
    pub caught_at: Option<String>,
    /// Downtime-equivalent minutes of users' bad time since the injection.
    pub user_minutes: f64,
}

impl GamedayReport {
    pub fn summary(&self) -> String {
        let users = if self.user_minutes > 0.0 {
            format!("users lost {} budget-minutes", Fixed(self.user_minutes, 2))
        } else {
            "no user noticed".to_owned()
        };
        match (&self.caught, &self.caught_at) {
            (Some(trip), Some(at)) => format!("Caught at {at}: {}; {users}.", trip.describe()),
            _ => format!("The pipeline did not catch it; {users}."),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentRecord {
    /// 1-based.
    pub number: usize,
    pub kind: FailureKind,
    pub class: FailureClass,
    pub remediation: Remediation,
    pub report: GamedayReport,
    /// The earlier incident of the same class, if this class happened before.
    pub repeat_of: Option<usize>,
}

impl IncidentRecord {
    pub fn class_matches(&self) -> bool {
        self.class == self.kind.expected_class()
    }

    pub fn remediation_fits(&self) -> bool {
        self.remediation.fits(self.class)
    }

    /// The "incidents only once" warning, when this class was seen before.
    pub fn repeat_warning(&self, log: &IncidentLog) -> Option<String> {
        let first = log
            .records()
            .iter()
            .find(|r| Some(r.number) == self.repeat_of)?;
        Some(format!(
            "Repeat incident: {} failures already happened in incident #{} (remediation: {}). Incidents should happen only once.",
            self.class.label(),
            first.number,
            first.remediation.label()
        ))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct IncidentLog {
    records: Vec<IncidentRecord>,
}

/// Keeps the log bounded in a long session.
pub const MAX_INCIDENTS: usize = 100;

impl IncidentLog {
    pub fn records(&self) -> &[IncidentRecord] {
        &self.records
    }

    /// Adds an incident and returns it, flagged when its class was seen before.
    pub fn record(
        &mut self,
        class: FailureClass,
        remediation: Remediation,
        report: GamedayReport,
    ) -> IncidentRecord {
        if self.records.len() >= MAX_INCIDENTS {
            self.records.remove(0);
        }
        let repeat_of = self
            .records
            .iter()
            .find(|r| r.class == class)
            .map(|r| r.number);
        let number = self.records.last().map_or(1, |r| r.number + 1);
        let record = IncidentRecord {
            number,
            kind: report.kind,
            class,
            remediation,
            report,
            repeat_of,
        };
        self.records.push(record.clone());
        record
    }

    pub fn repeats(&self) -> usize {
        self.records
            .iter()
            .filter(|r| r.repeat_of.is_some())
            .count()
    }
}
