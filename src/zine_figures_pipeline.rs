//! The pipeline's pages say what its model computes.

use super::assert_says;
use topic_pipeline::model::budget::{Availability, Window};
use topic_pipeline::model::gameday::{FailureClass, FailureKind, Remediation};
use topic_pipeline::model::presets::Preset;
use topic_pipeline::model::{Action, ConfigErrorKind, Playground};

fn after(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    pg
}

fn minutes(percent: f64, window: Window) -> String {
    Availability::from_percent(percent)
        .unwrap()
        .allowed_downtime(window)
        .format_minutes()
}

fn bad_release(slo: f64) -> Playground {
    after(&[
        Action::SetSlo(slo),
        Action::StartRelease { bad_build: true },
        Action::RunUntilBlocked,
    ])
}

#[test]
fn the_migrations_page_says_the_budgets_the_catch_and_the_repeat() {
    let gameday = [
        Action::InjectFailure(FailureKind::BadConfig),
        Action::RunUntilBlocked,
        Action::Classify {
            class: FailureClass::Config,
            remediation: Remediation::ValidateConfigInCi,
        },
    ];
    let once = after(&gameday);
    let first = &once.incidents().records()[0];
    let trip = first.report.caught.expect("the gameday is caught");
    let twice = after(&[&gameday[..], &gameday[..]].concat());
    let repeat = &twice.incidents().records()[1];
    assert_eq!(repeat.repeat_of, Some(1), "the model flags the repeat");

    let bad = bad_release(99.99);
    let release = bad.release().expect("a release");
    let canary_trip = release.trips().next().expect("the canary trips");
    let budget = bad.budget();
    assert!(budget.consumed().micros > 0, "the bad canary spent budget");

    assert_says(
        "pipeline",
        "migrations",
        &[
            // The talk's 99% → 99.99%, per 30 days and per week.
            format!("99%: {}", minutes(99.0, Window::ThirtyDays)),
            format!("99.99%: {}", minutes(99.99, Window::ThirtyDays)),
            minutes(99.99, Window::Week),
            format!("Caught at {}:", first.report.caught_at.clone().unwrap()),
            trip.describe(),
            "#2 is a repeat of #1".into(),
            format!("Let's {}.", FailureKind::BadConfig.label()),
            canary_trip.describe(),
            format!("v{} rolled back", release.version()),
            format!("allows {} per 30 days", budget.allowed().format_minutes()),
            format!("used {}", budget.consumed().format_minutes()),
            "10%".into(),
            "50%".into(),
        ],
    );
    assert_eq!(
        minutes(99.99, Window::ThirtyDays),
        "4.32 min",
        "the fact sheet's figure"
    );
}

#[test]
fn the_ordering_comic_says_why_each_target_waits() {
    let fresh = Playground::default();
    let bad = bad_release(99.9);
    let mut figures: Vec<String> = fresh.enablement_reasons().into_iter().flatten().collect();
    assert_eq!(figures.len(), 3, "all but the first target wait");
    let prod = bad.pipeline().find("production").unwrap();
    let blocked = bad.enablement_reasons()[prod]
        .clone()
        .expect("production waits");
    figures.push(format!("No: {blocked}."));
    let p = fresh.pipeline();
    let order: Vec<&str> = p.order().iter().map(|&i| p.id(i)).collect();
    assert_eq!(order, ["dev", "staging", "canary", "production"]);
    figures.push(format!("after {}", order[2]));
    figures.push("awaiting approval".into());
    assert_says("pipeline", "ordering", &figures);
}

#[test]
fn the_airbnb_page_says_the_cycle_the_canary_and_the_budget_saved() {
    let broken = after(&[Action::LoadPreset(Preset::BrokenCycle)]);
    let path = broken
        .editor_errors()
        .iter()
        .find_map(|e| match &e.kind {
            ConfigErrorKind::Cycle { path } => Some(path.join(" → ")),
            _ => None,
        })
        .expect("the broken preset has a cycle");
    let fresh = Playground::default();
    assert_eq!(
        broken.pipeline(),
        fresh.pipeline(),
        "the old pipeline stays"
    );
    let canary = fresh.pipeline().find("canary").unwrap();
    let rate = fresh.pipeline().target(canary).unwrap().health.unwrap();
    let bad = bad_release(99.9);
    let trip = bad.release().unwrap().trips().next().unwrap().describe();
    let cowboy = after(&[
        Action::SetSlo(99.9),
        Action::CowboyDeploy { bad_build: true },
        Action::Advance { minutes: 10 },
    ]);
    let (saved, burnt) = (bad.budget().consumed(), cowboy.budget().consumed());
    assert!(burnt > saved, "the canary spent less than the cowboy");
    assert_says(
        "pipeline",
        "airbnb",
        &[
            format!("Refused: {path} is a cycle."),
            format!("in force: {} targets", fresh.pipeline().len()),
            format!(
                "stops above {}% errors",
                rate.max_error_rate.unwrap() * 100.0
            ),
            trip,
            format!(
                "allows {} per 30 days",
                bad.budget().allowed().format_minutes()
            ),
            format!("through the pipeline: {}", saved.format_minutes()),
            format!("cowboy, 10 minutes: {}", burnt.format_minutes()),
            "blocked: canary was rolled back".into(),
        ],
    );
}
