//! Gamedays: where each injected failure is (or is not) caught, classification,
//! and the "incidents only once" log.

use super::super::action::Action;
use super::super::gameday::{FailureClass as C, FailureKind as F, Remediation as R};
use super::super::health::Check;
use super::super::playground::Playground;
use super::super::playground_error::PlaygroundError as E;

fn run(kind: F) -> Playground {
    let mut pg = Playground::default();
    for a in [Action::InjectFailure(kind), Action::RunUntilBlocked] {
        pg.apply(&a).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
    }
    pg
}

fn caught(pg: &Playground) -> Option<(String, Check)> {
    let r = pg.gameday_report()?;
    Some((r.caught_at?, r.caught?.check))
}

#[test]
fn where_each_failure_is_caught() {
    assert_eq!(
        caught(&run(F::BadConfig)),
        Some(("dev".into(), Check::ErrorRate))
    );
    assert_eq!(
        caught(&run(F::LatencySpike)),
        Some(("canary".into(), Check::P99Latency))
    );
    assert_eq!(
        caught(&run(F::FailedMigration)),
        Some(("canary".into(), Check::ErrorRate))
    );
    // Injected as the release starts, these are over before it reaches users' targets.
    assert_eq!(caught(&run(F::NodeTerminated)), None);
    assert_eq!(caught(&run(F::DependencyOutage)), None);
}

#[test]
fn what_users_felt() {
    let config = run(F::BadConfig).gameday_report().map(|r| r.user_minutes);
    assert_eq!(config, Some(0.0), "dev caught it before any user");
    let outage = run(F::DependencyOutage)
        .gameday_report()
        .map(|r| r.user_minutes);
    assert_eq!(
        outage,
        Some(8.0),
        "all users, 8 minutes, and the pipeline never saw it"
    );
    let report = run(F::DependencyOutage)
        .gameday_report()
        .map(|r| r.summary());
    assert_eq!(
        report.as_deref(),
        Some("The pipeline did not catch it; users lost 8.00 budget-minutes.")
    );
}

#[test]
fn a_node_dying_under_a_canary_rolls_back_a_good_build() {
    let mut pg = Playground::default();
    pg.apply(&Action::StartRelease { bad_build: false })
        .unwrap_or_else(|e| panic!("{e}"));
    while pg.release().is_some_and(|r| r.new_traffic(2) == 0) {
        pg.apply(&Action::Tick).unwrap_or_else(|e| panic!("{e}"));
    }
    for a in [
        Action::InjectFailure(F::NodeTerminated),
        Action::RunUntilBlocked,
    ] {
        pg.apply(&a).unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(caught(&pg), Some(("canary".into(), Check::P99Latency)));
    assert!(
        pg.release().is_some_and(|r| r.defects().is_empty()),
        "the build itself was fine"
    );
}

#[test]
fn classification_rules() {
    let mut pg = Playground::default();
    let classify = Action::Classify {
        class: C::Config,
        remediation: R::ValidateConfigInCi,
    };
    assert_eq!(pg.apply(&classify), Err(E::NoGameday));
    pg.apply(&Action::InjectFailure(F::BadConfig))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pg.apply(&classify), Err(E::GamedayStillRunning));
    assert_eq!(
        pg.apply(&Action::InjectFailure(F::LatencySpike)),
        Err(E::GamedayPending)
    );
    pg.apply(&Action::RunUntilBlocked)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        pg.apply(&Action::StartRelease { bad_build: false }),
        Err(E::GamedayPending)
    );
    pg.apply(&classify).unwrap_or_else(|e| panic!("{e}"));
    let first = pg
        .incidents()
        .records()
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("recorded"));
    assert_eq!(
        (first.number, first.class, first.repeat_of),
        (1, C::Config, None)
    );
    assert!(first.class_matches() && first.remediation_fits());
    assert!(pg.gameday().is_none());
}

#[test]
fn a_repeated_class_is_flagged() {
    let mut pg = Playground::default();
    let script = [
        Action::InjectFailure(F::BadConfig),
        Action::RunUntilBlocked,
        Action::Classify {
            class: C::Config,
            remediation: R::ValidateConfigInCi,
        },
        Action::InjectFailure(F::FailedMigration),
        Action::RunUntilBlocked,
        // Misfiled on purpose: a migration failure called a config failure.
        Action::Classify {
            class: C::Config,
            remediation: R::SmallerCanarySteps,
        },
    ];
    for a in &script {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    let log = pg.incidents();
    let second = &log.records()[1];
    assert_eq!(second.repeat_of, Some(1));
    assert!(!second.class_matches(), "the catalogue says data/migration");
    assert_eq!(second.kind.expected_class(), C::DataMigration);
    assert_eq!(log.repeats(), 1);
    let warning = second.repeat_warning(log).unwrap_or_default();
    assert!(
        warning.starts_with("Repeat incident: config failures already happened in incident #1"),
        "{warning}"
    );
}

#[test]
fn catalogue_is_complete() {
    let classes: Vec<C> = F::ALL.iter().map(|k| k.expected_class()).collect();
    assert_eq!(classes, C::ALL.to_vec(), "one failure kind per class");
    for c in C::ALL {
        assert!(
            R::ALL
                .iter()
                .any(|r| r.fits(c) && *r != R::SmallerCanarySteps),
            "{c:?} has a specific fix"
        );
    }
    let mut labels: Vec<&str> = F::ALL.iter().map(|k| k.label()).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), 5);
}
