//! The release state machine: timings, gates, canary aborts, rollbacks, cowboy mode.

use super::super::action::Action;
use super::super::events::EventKind;
use super::super::health::Check;
use super::super::playground::Playground;
use super::super::playground_error::PlaygroundError as E;
use super::super::presets::Preset;
use super::super::release::{Outcome, ReleaseMode};
use super::super::status::TargetStatus as S;

fn apply(pg: &mut Playground, actions: &[Action]) {
    for a in actions {
        if let Err(e) = pg.apply(a) {
            panic!("{a:?} refused: {e}");
        }
    }
}

fn event_tick(pg: &Playground, target: &str, want: impl Fn(&EventKind) -> bool) -> Option<u32> {
    let i = pg.pipeline().find(target)?;
    pg.release()?
        .events()
        .iter()
        .find(|e| e.target == Some(i) && want(&e.kind))
        .map(|e| e.tick)
}

#[test]
fn good_release_walks_the_pipeline_in_order() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::StartRelease { bad_build: false },
            Action::RunUntilBlocked,
        ],
    );
    assert_eq!(
        pg.statuses(),
        vec![
            S::Succeeded,
            S::Succeeded,
            S::Succeeded,
            S::AwaitingApproval
        ]
    );
    // dev: 2 min rollout, 2 min bake, 1 min verify.
    assert_eq!(
        event_tick(&pg, "dev", |k| *k == EventKind::Succeeded),
        Some(5)
    );
    assert_eq!(
        event_tick(&pg, "staging", |k| *k == EventKind::Started),
        Some(5)
    );
    assert_eq!(
        event_tick(&pg, "staging", |k| *k == EventKind::Succeeded),
        Some(13)
    );
    assert_eq!(
        event_tick(&pg, "canary", |k| *k == EventKind::WeightSet(10)),
        Some(14)
    );
    assert_eq!(
        event_tick(&pg, "production", |k| *k == EventKind::AwaitingApproval),
        Some(34)
    );
    assert_eq!(pg.current_versions(), vec![43, 43, 43, 42]);
    apply(
        &mut pg,
        &[
            Action::Approve("production".into()),
            Action::RunUntilBlocked,
        ],
    );
    let r = pg.release().map(|r| (r.outcome(), r.minutes()));
    assert_eq!(r, Some((Outcome::Succeeded, 47)));
    assert_eq!(pg.current_versions(), vec![43; 4]);
    assert_eq!(pg.budget().consumed().micros, 0);
}

#[test]
fn manual_gate_refuses_the_wrong_approvals() {
    let mut pg = Playground::default();
    assert_eq!(
        pg.apply(&Action::Approve("production".into())),
        Err(E::NoRelease)
    );
    apply(&mut pg, &[Action::StartRelease { bad_build: false }]);
    let e = pg.apply(&Action::Approve("production".into())).unwrap_err();
    assert_eq!(
        e.to_string(),
        "production is not waiting for approval (it is not started; waiting for canary to succeed)"
    );
    assert!(matches!(
        pg.apply(&Action::Approve("prod".into())),
        Err(E::UnknownTarget { .. })
    ));
    assert!(matches!(
        pg.apply(&Action::StartRelease { bad_build: false }),
        Err(E::ReleaseInProgress { version: 43 })
    ));
    apply(&mut pg, &[Action::RunUntilBlocked]);
    assert!(matches!(
        pg.apply(&Action::RunUntilBlocked),
        Err(E::ReleaseBlocked { .. })
    ));
}

#[test]
fn canary_failing_at_10_percent_aborts_to_0_and_rolls_back() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
    );
    let r = pg.release().cloned().unwrap_or_else(|| panic!("release"));
    let trip = r
        .trips()
        .next()
        .copied()
        .unwrap_or_else(|| panic!("a trip"));
    assert_eq!(pg.pipeline().id(trip.target), "canary");
    assert_eq!(
        (trip.check, trip.tick, trip.threshold),
        (Check::ErrorRate, 20, 0.01)
    );
    assert!(trip.observed > 0.05);
    assert_eq!(
        event_tick(&pg, "canary", |k| *k == EventKind::Aborted),
        Some(20)
    );
    assert_eq!(
        event_tick(&pg, "canary", |k| matches!(
            k,
            EventKind::RolledBack { to_version: 42 }
        )),
        Some(21)
    );
    assert_eq!(
        event_tick(&pg, "production", |k| *k == EventKind::Skipped),
        Some(20)
    );
    assert_eq!(
        pg.statuses(),
        vec![S::Succeeded, S::Succeeded, S::RolledBack, S::Skipped]
    );
    assert_eq!(r.outcome(), Outcome::RolledBack);
    // 10% of users on canary, 10% weight, minutes 14–19.
    assert_eq!(pg.budget().consumed().format_minutes(), "0.06 min");
    assert_eq!(pg.affected_fraction(), 0.0);
    assert_eq!(pg.current_versions(), vec![43, 43, 42, 42]);
}

#[test]
fn manual_rollback_policy_waits_for_a_person() {
    let mut pg = Playground::default();
    let manual = Preset::Airbnb
        .toml()
        .replace("mode = \"automatic\"", "mode = \"manual\"");
    apply(
        &mut pg,
        &[
            Action::EditConfig(manual),
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
    );
    assert_eq!(pg.statuses()[2], S::Failed);
    assert_eq!(pg.release().map(|r| r.outcome()), Some(Outcome::Failed));
    assert!(matches!(
        pg.apply(&Action::StartRelease { bad_build: false }),
        Err(E::FailedNotRolledBack { .. })
    ));
    let preview = pg.rollback_preview();
    let targets: Vec<(&str, u32, u32)> = preview
        .iter()
        .map(|i| (i.target.as_str(), i.from_version, i.to_version))
        .collect();
    assert_eq!(
        targets,
        vec![("dev", 43, 42), ("staging", 43, 42), ("canary", 43, 42)]
    );
    apply(&mut pg, &[Action::Rollback]);
    assert_eq!(pg.current_versions(), vec![42; 4]);
    assert_eq!(pg.apply(&Action::Rollback), Err(E::NothingToRollBack));
    apply(&mut pg, &[Action::StartRelease { bad_build: false }]);
    assert_eq!(pg.release().map(|r| r.version()), Some(44));
}

#[test]
fn rollback_restores_each_targets_own_previous_version() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
    );
    // dev and staging now run v43, canary and production still v42.
    apply(&mut pg, &[Action::StartRelease { bad_build: false }]);
    let k = (0..100).find(|_| {
        let _ = pg.apply(&Action::Tick);
        pg.statuses()[2] == S::Deploying
    });
    assert!(k.is_some());
    assert_eq!(pg.current_versions(), vec![44, 44, 42, 42]);
    apply(&mut pg, &[Action::Rollback]);
    assert_eq!(pg.current_versions(), vec![43, 43, 42, 42]);
    assert_eq!(
        pg.statuses(),
        vec![S::RolledBack, S::RolledBack, S::RolledBack, S::Skipped]
    );
}

#[test]
fn pipeline_scope_rolls_back_everything_touched() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::LoadPreset(Preset::Monorepo),
            Action::StartRelease { bad_build: false },
            Action::RunUntilBlocked,
            Action::Approve("canary".into()),
        ],
    );
    while pg.statuses()[3] != S::Baking {
        apply(&mut pg, &[Action::Tick]);
    }
    apply(
        &mut pg,
        &[
            Action::InjectFailure(super::super::gameday::FailureKind::NodeTerminated),
            Action::RunUntilBlocked,
        ],
    );
    assert_eq!(pg.statuses(), vec![S::RolledBack; 6]);
    assert_eq!(pg.current_versions(), vec![42; 6]);
}

#[test]
fn cowboy_mode_reaches_every_user_at_once() {
    let mut pg = Playground::default();
    apply(&mut pg, &[Action::CowboyDeploy { bad_build: true }]);
    assert_eq!(pg.release().map(|r| r.mode()), Some(ReleaseMode::Cowboy));
    assert_eq!(
        pg.statuses(),
        vec![S::Skipped, S::Skipped, S::Succeeded, S::Succeeded]
    );
    assert_eq!(pg.current_versions(), vec![42, 42, 43, 43]);
    assert_eq!(pg.affected_fraction(), 1.0);
    apply(&mut pg, &[Action::Advance { minutes: 7 }]);
    assert_eq!(pg.budget().consumed().format_minutes(), "7 min");
    apply(&mut pg, &[Action::Rollback]);
    assert_eq!(pg.affected_fraction(), 0.0);
    let mut good = Playground::default();
    apply(
        &mut good,
        &[
            Action::CowboyDeploy { bad_build: false },
            Action::Advance { minutes: 7 },
        ],
    );
    assert_eq!(good.budget().consumed().micros, 0);
}

#[test]
fn a_target_without_health_checks_lets_a_bad_build_through() {
    let unchecked = Preset::Airbnb.toml().replace("gate = \"manual\"\nbake_minutes = 10\nhealth = { max_error_rate = 0.01, max_p99_latency_ms = 400 }\n", "");
    let unchecked = unchecked.replace("canary_steps = [\n  { set_weight = 10 },\n  { pause_minutes = 5 },\n  { analysis = true },\n  { set_weight = 50 },\n  { pause_minutes = 5 },\n  { analysis = true },\n]\n", "")
        .replace("health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }\n", "");
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::EditConfig(unchecked),
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
    );
    assert!(pg.editor_errors().is_empty());
    assert_eq!(pg.release().map(|r| r.outcome()), Some(Outcome::Succeeded));
    assert_eq!(
        pg.affected_fraction(),
        1.0,
        "every user now runs the bad build"
    );
    let before = pg.budget().consumed();
    apply(&mut pg, &[Action::Advance { minutes: 2 }]);
    assert_eq!(pg.budget().consumed().micros - before.micros, 120_000_000);
}

#[test]
fn health_history_keeps_each_sample_and_is_bounded() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ],
    );
    let canary = pg.pipeline().find("canary").unwrap_or(0);
    let r = pg.release().unwrap_or_else(|| panic!("a release"));
    let h = r.health_history(canary);
    assert!(!h.is_empty(), "the canary was sampled");
    assert_eq!(
        h.last().map(|(_, s)| *s),
        r.run(canary).and_then(|x| x.last_sample)
    );
    assert!(h.windows(2).all(|w| w[0].0 < w[1].0));
    // A long cowboy release keeps only the newest samples, across all targets.
    let mut pg = Playground::default();
    apply(&mut pg, &[Action::CowboyDeploy { bad_build: true }]);
    for _ in 0..12 {
        apply(&mut pg, &[Action::Advance { minutes: 100 }]);
    }
    let r = pg.release().unwrap_or_else(|| panic!("a release"));
    let prod = pg.pipeline().find("production").unwrap_or(0);
    let (c, p) = (r.health_history(canary), r.health_history(prod));
    assert_eq!(c.len() + p.len(), super::super::release::HEALTH_LOG_SAMPLES);
    assert_eq!(p.last().map(|x| x.0), Some(1200));
    assert_eq!(p.first().map(|x| x.0), Some(1200 - 1023));
}

#[test]
fn the_dashboard_samples_every_minute_the_new_version_serves() {
    let mut pg = Playground::default();
    apply(
        &mut pg,
        &[
            Action::StartRelease { bad_build: false },
            Action::RunUntilBlocked,
        ],
    );
    let canary = pg.pipeline().find("canary").unwrap_or(0);
    let r = pg.release().unwrap_or_else(|| panic!("a release"));
    let run = r
        .run(canary)
        .cloned()
        .unwrap_or_else(|| panic!("canary run"));
    let Some(start) = run.started_at else {
        panic!("the canary ran: {run:?}");
    };
    let minutes: Vec<u32> = r.health_history(canary).iter().map(|h| h.0).collect();
    // From its first weight step (the minute after it started) to now, every minute.
    let expected: Vec<u32> = (start + 1..=r.minutes()).collect();
    assert_eq!(minutes, expected);
}
