//! The reducer: edits never lose the last valid pipeline, refusals change
//! nothing, and snapshots round-trip and reject tampering.

use super::super::action::{Action, Snapshot, SnapshotConfig, MAX_SNAPSHOT_CONFIG_BYTES};
use super::super::playground::Playground;
use super::super::playground_error::PlaygroundError as E;
use super::super::presets::Preset;
use super::BASE;

#[test]
fn an_invalid_config_stays_in_the_editor_only() {
    let mut pg = Playground::default();
    pg.apply(&Action::LoadPreset(Preset::BrokenCycle))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pg.pipeline().service(), "bookings");
    assert_eq!(pg.config_text(), Preset::Airbnb.toml());
    assert_eq!(pg.editor_text(), Preset::BrokenCycle.toml());
    assert_eq!(pg.editor_errors().len(), 2);
    pg.apply(&Action::EditConfig(BASE.into()))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pg.pipeline().service(), "shop");
    assert!(pg.editor_errors().is_empty());
    assert_eq!(pg.snapshot().config, SnapshotConfig::Text(BASE.into()));
}

#[test]
fn a_valid_edit_ends_the_release_and_keeps_versions_by_id() {
    let mut pg = Playground::default();
    for a in [
        Action::StartRelease { bad_build: false },
        Action::RunUntilBlocked,
    ] {
        pg.apply(&a).unwrap_or_else(|e| panic!("{e}"));
    }
    let renamed = Preset::Airbnb
        .toml()
        .replace("id = \"canary\"", "id = \"canary-1\"")
        .replace("[\"canary\"]", "[\"canary-1\"]");
    pg.apply(&Action::EditConfig(renamed))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(pg.release().is_none());
    assert_eq!(
        pg.current_versions(),
        vec![43, 43, 42, 42],
        "canary-1 is new, so it starts at v42"
    );
    pg.apply(&Action::StartRelease { bad_build: false })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pg.release().map(|r| r.version()), Some(44));
}

#[test]
fn refused_actions_change_nothing() {
    let mut pg = Playground::default();
    pg.apply(&Action::StartRelease { bad_build: true })
        .unwrap_or_else(|e| panic!("{e}"));
    let before = pg.clone();
    let huge = "#".repeat(2 * 1024 * 1024);
    let refused = [
        Action::EditConfig(huge),
        Action::Advance { minutes: 0 },
        Action::Advance { minutes: 1441 },
        Action::SetSlo(0.0),
        Action::SetSlo(f64::NAN),
        Action::Approve("nope".into()),
        Action::Approve("production".into()),
        Action::StartRelease { bad_build: false },
        Action::CowboyDeploy { bad_build: false },
        Action::Classify {
            class: super::super::gameday::FailureClass::Config,
            remediation: super::super::gameday::Remediation::ValidateConfigInCi,
        },
    ];
    for a in &refused {
        assert!(pg.apply(a).is_err(), "{a:?} should be refused");
        assert_eq!(pg, before, "{a:?} changed the state");
    }
    assert!(matches!(
        pg.apply(&Action::Advance { minutes: 0 }),
        Err(E::InvalidMinutes { got: 0, max: 1440 })
    ));
}

#[test]
fn snapshot_round_trips_through_json() {
    let mut pg = Playground::default();
    for a in [Action::SetSeed(99), Action::SetSlo(99.95)] {
        pg.apply(&a).unwrap_or_else(|e| panic!("{e}"));
    }
    let link = techshack_core::state::encode(2, &pg.snapshot());
    assert!(link.len() < 100, "a preset snapshot is tiny: {link}");
    let back: Snapshot = techshack_core::state::decode(2, &link).unwrap_or_else(|e| panic!("{e}"));
    let restored = Playground::from_snapshot(back).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.snapshot(), pg.snapshot());
    assert_eq!(restored.seed(), 99);
    pg.apply(&Action::EditConfig(BASE.into()))
        .unwrap_or_else(|e| panic!("{e}"));
    let restored = Playground::from_snapshot(pg.snapshot()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(restored.pipeline().service(), "shop");
}

#[test]
fn tampered_snapshots_are_rejected() {
    let good = Playground::default().snapshot();
    let with = |config: SnapshotConfig, slo: f64| Snapshot {
        config,
        seed: 1,
        slo_percent: slo,
        steps: Vec::new(),
    };
    assert!(matches!(
        Playground::from_snapshot(with(good.config.clone(), 100.0)),
        Err(E::InvalidSlo(_))
    ));
    assert!(
        matches!(Playground::from_snapshot(with(SnapshotConfig::Preset(Preset::BrokenCycle), 99.9)), Err(E::InvalidConfig(e)) if e.len() == 2)
    );
    let big = format!("{BASE}#{}", "x".repeat(MAX_SNAPSHOT_CONFIG_BYTES));
    assert!(matches!(
        Playground::from_snapshot(with(SnapshotConfig::Text(big), 99.9)),
        Err(E::ConfigTooLarge { .. })
    ));
    assert!(serde_json::from_str::<Snapshot>(
        "{\"config\":{\"Preset\":\"Nope\"},\"seed\":1,\"slo_percent\":99.9}"
    )
    .is_err());
}

#[test]
fn actions_serialize() {
    let actions = [
        Action::EditConfig("x".into()),
        Action::StartRelease { bad_build: true },
        Action::InjectFailure(super::super::gameday::FailureKind::LatencySpike),
        Action::SetSlo(99.99),
    ];
    for a in actions {
        let link = techshack_core::state::encode(2, &a);
        assert_eq!(
            techshack_core::state::decode::<Action>(2, &link).ok(),
            Some(a)
        );
    }
}

#[test]
fn accessors_for_the_view() {
    let pg = Playground::default();
    assert_eq!(pg.user_shares(), &[0.0, 0.0, 0.1, 0.9]);
    assert_eq!(
        pg.enablement_reasons()[3].as_deref(),
        Some("waiting for canary to succeed")
    );
    assert!(pg.github_actions_yaml().contains("needs: [\"canary\"]"));
    assert!(pg.rollback_preview().is_empty());
    assert_eq!(
        super::super::field_docs::field_docs()
            .iter()
            .filter(|d| d.required)
            .count(),
        3
    );
}
