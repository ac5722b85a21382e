//! A copied link restores the whole session: the release in progress, the
//! budget spent and the incident log, not only the config.

use proptest::prelude::*;

use super::super::action::{Action, Snapshot, SnapshotConfig};
use super::super::gameday::{FailureClass, FailureKind, Remediation};
use super::super::journal::{Overflow, MAX_LINK_STEPS};
use super::super::playground::Playground;
use super::super::playground_error::PlaygroundError as E;
use super::super::presets::Preset;
use techshack_core::state::{decode, encode};

const VERSION: u32 = 2;

fn through_link(pg: &Playground) -> Result<Playground, String> {
    let link = encode(VERSION, &pg.snapshot());
    let s: Snapshot = decode(VERSION, &link).map_err(|e| e.to_string())?;
    Playground::from_snapshot(s).map_err(|e| e.to_string())
}

fn played(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    pg
}

/// A release waiting at production's gate with canary done, a gameday filed.
fn mid_release() -> Playground {
    played(&[
        Action::SetSeed(3),
        Action::InjectFailure(FailureKind::LatencySpike),
        Action::RunUntilBlocked,
        Action::Classify {
            class: FailureClass::Performance,
            remediation: Remediation::LatencyCheckInCanary,
        },
        Action::Rollback,
        Action::StartRelease { bad_build: false },
        Action::Tick,
        Action::Tick,
        Action::Advance { minutes: 3 },
    ])
}

#[test]
fn a_link_restores_the_release_in_progress_and_the_incident_log() {
    let pg = mid_release();
    assert!(pg.release().is_some_and(|r| r.minutes() == 5));
    assert_eq!(pg.incidents().records().len(), 1);
    let back = through_link(&pg).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, pg, "every field, release and log included");
    assert_eq!(back.statuses(), pg.statuses());
    assert_eq!(back.snapshot(), pg.snapshot());
    let ticks = pg.snapshot().steps;
    assert_eq!(
        ticks.last(),
        Some(&Action::Advance { minutes: 5 }),
        "a run of ticks is one step"
    );
}

#[test]
fn links_made_before_releases_were_shared_still_open() {
    // The default state's link as the page made it before this change
    // (config, seed, SLO; no steps): postcard bytes 00 00 01 + 99.9 as f64.
    let old = "2.AAABmpmZmZn5WEA";
    let s: Snapshot = decode(VERSION, old).unwrap_or_else(|e| panic!("{e}"));
    let pg = Playground::from_snapshot(s).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pg, Playground::default());
    assert_eq!(
        encode(VERSION, &pg.snapshot()),
        old,
        "and the same state makes the same link"
    );
}

#[test]
fn a_session_with_no_release_is_its_config_alone() {
    let pg = played(&[
        Action::LoadPreset(Preset::Monorepo),
        Action::SetSeed(7),
        Action::SetSlo(99.95),
    ]);
    let s = pg.snapshot();
    assert!(s.steps.is_empty(), "{s:?}");
    assert_eq!(s.config, SnapshotConfig::Preset(Preset::Monorepo));
    assert_eq!(s.seed, 7);
}

#[test]
fn tampered_steps_are_refused_with_the_step_and_its_reason() {
    let mut s = mid_release().snapshot();
    s.steps.push(Action::Approve("ghost".into()));
    let n = s.steps.len();
    let e = Playground::from_snapshot(s.clone()).err();
    assert!(
        matches!(&e, Some(E::LinkStepRefused { step, of, reason }) if *step == n && *of == n && matches!(**reason, E::UnknownTarget { .. })),
        "{e:?}"
    );
    let text = e.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        text.contains("no target `ghost`") && text.contains("fresh one"),
        "{text}"
    );

    s.steps.pop();
    s.steps.push(Action::Advance { minutes: 99_999 });
    assert!(matches!(
        Playground::from_snapshot(s.clone()),
        Err(E::LinkStepRefused { reason, .. }) if matches!(*reason, E::InvalidMinutes { .. })
    ));

    s.steps = vec![Action::SetSeed(1); MAX_LINK_STEPS + 1];
    assert_eq!(
        Playground::from_snapshot(s.clone()).err(),
        Some(E::LinkOverCap(Overflow::Steps))
    );

    s.steps = vec![Action::StartRelease { bad_build: false }];
    s.steps.extend(vec![Action::Advance { minutes: 1440 }; 15]);
    assert_eq!(
        Playground::from_snapshot(s).err(),
        Some(E::LinkOverCap(Overflow::Minutes))
    );
}

#[test]
fn the_e2e_tampered_link_is_the_one_intended() {
    // Built byte by byte in tests/e2e/pipeline-links.test.mjs: a session link
    // (tag 2) starting a release, then approving a target that does not exist.
    let s: Snapshot =
        decode(VERSION, "2.AgAAAZqZmZmZ-VhAAgIABgVnaG9zdA").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.steps,
        [
            Action::StartRelease { bad_build: false },
            Action::Approve("ghost".into())
        ]
    );
    let e = Playground::from_snapshot(s)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.starts_with(
            "step 2 of the 2 this link replays cannot be taken (there is no target `ghost`"
        ),
        "{e}"
    );
}

#[test]
fn garbled_links_are_refused_not_panicked_on() {
    let good = encode(VERSION, &mid_release().snapshot());
    for cut in [good.len() / 2, good.len() - 3] {
        let short = good.get(..cut).unwrap_or_default();
        let back = decode::<Snapshot>(VERSION, short)
            .map_err(|e| e.to_string())
            .and_then(|s| Playground::from_snapshot(s).map_err(|e| e.to_string()));
        assert!(back.is_err(), "cut at {cut}");
    }
}

#[test]
fn a_session_past_the_caps_shares_its_config_only() {
    let mut pg = played(&[Action::StartRelease { bad_build: false }]);
    for i in 0..=MAX_LINK_STEPS as u64 {
        pg.apply(&Action::SetSeed(i))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    assert_eq!(pg.link_overflow(), Some(Overflow::Steps));
    let s = pg.snapshot();
    assert!(s.steps.is_empty());
    assert_eq!(s.seed, MAX_LINK_STEPS as u64);
    assert!(through_link(&pg).is_ok());
}

fn action() -> impl Strategy<Value = Action> {
    let target = prop::sample::select(vec!["dev", "staging", "canary", "production", "ghost"]);
    prop_oneof![
        any::<bool>().prop_map(|bad_build| Action::StartRelease { bad_build }),
        Just(Action::Tick),
        (1u32..90).prop_map(|minutes| Action::Advance { minutes }),
        Just(Action::RunUntilBlocked),
        target.prop_map(|t| Action::Approve(t.to_owned())),
        Just(Action::Rollback),
        any::<bool>().prop_map(|bad_build| Action::CowboyDeploy { bad_build }),
        prop::sample::select(FailureKind::ALL.to_vec()).prop_map(Action::InjectFailure),
        (
            prop::sample::select(FailureClass::ALL.to_vec()),
            prop::sample::select(Remediation::ALL.to_vec())
        )
            .prop_map(|(class, remediation)| Action::Classify { class, remediation }),
        prop::sample::select(vec![99.0, 99.9, 99.95, 100.0]).prop_map(Action::SetSlo),
        Just(Action::NewBudgetWindow),
        (0u64..4).prop_map(Action::SetSeed),
        prop::sample::select(Preset::ALL.to_vec()).prop_map(Action::LoadPreset),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any sequence of clicks (refused ones included) comes back whole through
    /// snapshot → encode → decode → restore.
    #[test]
    fn any_session_survives_a_link(actions in prop::collection::vec(action(), 0..40)) {
        let mut pg = Playground::default();
        for a in &actions {
            let _ = pg.apply(a);
        }
        let back = through_link(&pg);
        prop_assert!(back.is_ok(), "{:?}", back.err());
        let back = back.unwrap_or_default();
        prop_assert_eq!(back.statuses(), pg.statuses());
        prop_assert_eq!(back.release(), pg.release());
        prop_assert_eq!(back.incidents(), pg.incidents());
        prop_assert_eq!(back.budget(), pg.budget());
        prop_assert_eq!(&back, &pg);
    }
}
