//! The playground reducer: actions, refusals, snapshots.

use proptest::prelude::*;

use super::super::kernel::{Gamma, KernelKind};
use super::super::presets::Preset;
use super::super::{Action, Playground, Snapshot, Status, SvmError};

#[test]
fn default_state_is_trained() {
    let pg = Playground::default();
    assert_eq!(pg.points().len(), 40);
    assert!(matches!(pg.status(), Status::Converged { .. }));
    assert_eq!(pg.origin(), Some((Preset::BlobsSeparable, 1)));
    assert!(pg.margin_width().is_some());
    assert_eq!(pg.decision_grid(10).len(), 100);
}

#[test]
fn point_edits_change_the_points_and_retrain() {
    let mut pg = Playground::default();
    pg.apply(&Action::AddPoint {
        x: 0.12345,
        y: -0.5,
        label: 1,
    })
    .unwrap();
    assert_eq!(pg.points().len(), 41);
    assert_eq!(pg.points()[40].x, 0.123, "rounded to 3 decimals");
    assert_eq!(pg.origin(), None);
    pg.apply(&Action::MovePoint {
        index: 40,
        x: 0.9,
        y: 0.9,
    })
    .unwrap();
    assert_eq!((pg.points()[40].x, pg.points()[40].y), (0.9, 0.9));
    pg.apply(&Action::SetLabel {
        index: 40,
        label: -1,
    })
    .unwrap();
    assert_eq!(pg.points()[40].label, -1);
    pg.apply(&Action::RemovePoint { index: 40 }).unwrap();
    assert_eq!(pg.points().len(), 40);
    assert!(matches!(pg.status(), Status::Converged { warm: true, .. }));
}

#[test]
fn refused_actions_change_nothing() {
    let mut pg = Playground::default();
    let (snap, fit, status) = (pg.snapshot(), pg.fit().cloned(), pg.status().clone());
    let bad = [
        Action::SetC(0.0),
        Action::SetC(f64::NAN),
        Action::SetGamma(Gamma::Value(-1.0)),
        Action::SetDegree(0),
        Action::SetDegree(11),
        Action::SetCoef0(f64::INFINITY),
        Action::AddPoint {
            x: f64::NAN,
            y: 0.0,
            label: 1,
        },
        Action::MovePoint {
            index: 99,
            x: 0.0,
            y: 0.0,
        },
        Action::RemovePoint { index: 40 },
        Action::SetLabel {
            index: 40,
            label: 1,
        },
        Action::ImportCsv("1,2\n".into()),
        Action::Step(1),
        Action::StepFinish,
    ];
    for a in &bad {
        assert!(pg.apply(a).is_err(), "{a:?} should be refused");
        assert_eq!(pg.snapshot(), snap);
        assert_eq!(pg.fit().cloned(), fit);
        assert_eq!(pg.status(), &status);
    }
    let e = pg.apply(&Action::RemovePoint { index: 40 }).unwrap_err();
    assert_eq!(e.to_string(), "There is no point 40: there are 40 points");
}

#[test]
fn a_kernel_overflow_is_refused_and_undone() {
    let mut pg = Playground::default();
    pg.apply(&Action::ImportCsv("1000,1000,1\n-1000,1000,-1\n".into()))
        .unwrap();
    pg.apply(&Action::SetKernel(KernelKind::Poly)).unwrap();
    pg.apply(&Action::SetDegree(10)).unwrap();
    let snap = pg.snapshot();
    assert_eq!(
        pg.apply(&Action::SetGamma(Gamma::Value(1e6))),
        Err(SvmError::KernelOverflow)
    );
    assert_eq!(pg.snapshot(), snap);
}

#[test]
fn building_a_set_from_nothing_waits_for_two_classes() {
    let mut pg = Playground::default();
    pg.apply(&Action::Clear).unwrap();
    assert_eq!(pg.status(), &Status::Waiting(SvmError::EmptyData));
    assert!(pg.fit().is_none());
    assert!(pg.decision_grid(8).is_empty());
    pg.apply(&Action::AddPoint {
        x: -0.5,
        y: 0.0,
        label: -1,
    })
    .unwrap();
    assert!(pg
        .status()
        .to_string()
        .starts_with("Need points of both classes"));
    pg.apply(&Action::AddPoint {
        x: 0.5,
        y: 0.0,
        label: 1,
    })
    .unwrap();
    assert!(pg.status().has_model());
    assert_eq!(pg.support_count(), 2);
    // Two points 1 apart: the hard margin needs α = 2 > C = 1, so both sit at
    // α = C, w = x₊ − x₋ and the street is 2/‖w‖ = 2 wide.
    assert_eq!(pg.bounded_count(), 2);
    let w = pg.margin_width().unwrap();
    assert!((w - 2.0).abs() < 1e-9, "margin {w}");
    pg.apply(&Action::SetC(10.0)).unwrap();
    let w = pg.margin_width().unwrap();
    assert!((w - 1.0).abs() < 1e-9, "hard margin {w}");
}

#[test]
fn csv_import_replaces_the_points() {
    let mut pg = Playground::default();
    pg.apply(&Action::ImportCsv(
        "x,y,label\n0,0,1\n1,1,-1\n0.5,0.2,1\n".into(),
    ))
    .unwrap();
    assert_eq!(pg.points().len(), 3);
    let e = pg
        .apply(&Action::ImportCsv("0,0,1\n0,oops,1\n".into()))
        .unwrap_err();
    assert_eq!(e.to_string(), "CSV line 2: y is not a number: 'oops'");
    assert_eq!(pg.points().len(), 3);
}

#[test]
fn a_stepwise_import_trains_in_chunks_to_the_same_model() {
    let text = "x,y,label\n0,0,1\n1,1,-1\n0.5,0.2,1\n0.9,0.6,-1\n";
    let mut at_once = Playground::default();
    at_once.apply(&Action::ImportCsv(text.into())).unwrap();
    let mut pg = Playground::default();
    pg.apply(&Action::ImportCsvStepwise(text.into())).unwrap();
    assert_eq!(pg.points(), at_once.points());
    assert!(pg.fit().is_none(), "no model until the run ends");
    assert!(matches!(
        pg.status(),
        Status::Stepping { iterations: 0, .. }
    ));
    while pg.stepping().is_some_and(|s| !s.is_finished()) {
        pg.apply(&Action::Step(1)).unwrap();
    }
    pg.apply(&Action::StepFinish).unwrap();
    assert!(pg.stepping().is_none());
    assert_eq!(
        pg.fit().map(|f| f.pairs[0].alpha.clone()),
        at_once.fit().map(|f| f.pairs[0].alpha.clone())
    );
    // Bad rows are refused as by ImportCsv; one class waits.
    let e = pg
        .apply(&Action::ImportCsvStepwise("0,0,1\n0,oops,1\n".into()))
        .unwrap_err();
    assert_eq!(e.to_string(), "CSV line 2: y is not a number: 'oops'");
    assert_eq!(pg.points().len(), 4);
    pg.apply(&Action::ImportCsvStepwise("0,0,1\n".into()))
        .unwrap();
    assert!(matches!(
        pg.status(),
        Status::Waiting(SvmError::SingleClass { .. })
    ));
    assert!(pg.stepping().is_none() && pg.fit().is_none());
}

#[test]
fn snapshots_restore_the_state() {
    let mut pg = Playground::default();
    pg.apply(&Action::SetKernel(KernelKind::Rbf)).unwrap();
    pg.apply(&Action::SetGamma(Gamma::Value(3.0))).unwrap();
    pg.apply(&Action::SetC(4.0)).unwrap();
    let snap = pg.snapshot();
    assert!(
        snap.points.is_empty(),
        "an unedited preset is stored as its seed"
    );
    let link = techshack_core::state::encode(2, &snap);
    let back: Snapshot = techshack_core::state::decode(2, &link).unwrap();
    let restored = Playground::from_snapshot(back).unwrap();
    assert_eq!(restored.points(), pg.points());
    assert_eq!(restored.snapshot(), snap);

    pg.apply(&Action::AddPoint {
        x: 0.1,
        y: 0.2,
        label: 1,
    })
    .unwrap();
    let snap = pg.snapshot();
    assert_eq!(snap.points.len(), 41);
    let restored = Playground::from_snapshot(snap.clone()).unwrap();
    assert_eq!(restored.snapshot(), snap);
    let (a, b) = (pg.fit().unwrap(), restored.fit().unwrap());
    for p in pg.points() {
        let (fa, fb) = (
            a.decision(p.coords()).unwrap(),
            b.decision(p.coords()).unwrap(),
        );
        assert!((fa - fb).abs() < 1e-2, "{fa} vs {fb}");
    }
}

#[test]
fn tampered_snapshots_are_refused() {
    let good = Playground::default().snapshot();
    let edit = |f: fn(&mut Snapshot)| {
        let mut s = good.clone();
        f(&mut s);
        Playground::from_snapshot(s)
    };
    assert!(edit(|s| s.c = -1.0).is_err());
    assert!(edit(|s| s.gamma = Gamma::Value(f64::NAN)).is_err());
    assert!(edit(|s| s.degree = 0).is_err());
    assert!(edit(|s| s.seed = None).is_err());
    assert!(
        edit(|s| s.points = vec![(0.0, 0.0, 1)]).is_err(),
        "preset and points at once"
    );
    assert!(edit(|s| {
        s.preset = None;
        s.seed = None;
        s.points = vec![(f64::INFINITY, 0.0, 1)];
    })
    .is_err());
    assert!(edit(|s| {
        s.preset = None;
        s.seed = None;
        s.points = vec![(0.0, 0.0, 1); 5001];
    })
    .is_err());
    assert!(edit(|s| {
        s.preset = None;
        s.seed = None;
        s.points = (0..11).map(|i| (0.0, 0.0, i)).collect();
    })
    .is_err());
    let msg = edit(|s| s.c = 0.0).unwrap_err().to_string();
    assert!(
        msg.starts_with("The link could not be restored: C must be"),
        "{msg}"
    );
    // A snapshot with one class is a valid (untrained) state.
    let one = edit(|s| {
        s.preset = None;
        s.seed = None;
        s.points = vec![(0.0, 0.0, 1)];
    })
    .unwrap();
    assert!(matches!(one.status(), Status::Waiting(_)));
}

fn action() -> impl Strategy<Value = Action> {
    let coord = prop_oneof![-1.5f64..1.5, Just(f64::NAN), Just(1e7)];
    prop_oneof![
        (
            coord.clone(),
            -1.5f64..1.5,
            prop_oneof![Just(-1), Just(1), Just(2)]
        )
            .prop_map(|(x, y, label)| Action::AddPoint { x, y, label }),
        (0usize..60, coord, -1.5f64..1.5).prop_map(|(index, x, y)| Action::MovePoint {
            index,
            x,
            y
        }),
        (0usize..60).prop_map(|index| Action::RemovePoint { index }),
        (0usize..60, -1i32..3).prop_map(|(index, label)| Action::SetLabel { index, label }),
        (0usize..4).prop_map(|k| Action::SetKernel(KernelKind::ALL[k])),
        prop_oneof![-1.0f64..100.0, Just(1e9)].prop_map(Action::SetC),
        prop_oneof![Just(Gamma::Scale), (-1.0f64..50.0).prop_map(Gamma::Value)]
            .prop_map(Action::SetGamma),
        (0u32..12).prop_map(Action::SetDegree),
        (-2.0f64..2.0).prop_map(Action::SetCoef0),
        (0usize..7, 0u64..4).prop_map(|(p, seed)| Action::LoadPreset {
            preset: Preset::ALL[p],
            seed
        }),
        Just(Action::Clear),
        Just(Action::StepStart),
        (0u32..40).prop_map(Action::Step),
        Just(Action::StepFinish),
        Just(Action::ImportCsv("0,0,1\n1,1,-1\nx\n".into())),
        Just(Action::ImportCsvStepwise("0,0,1\n1,1,-1\n".into())),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_action_sequences_never_panic_and_errors_keep_state(actions in proptest::collection::vec(action(), 1..25)) {
        let mut pg = Playground::default();
        for a in &actions {
            let before = pg.snapshot();
            if pg.apply(a).is_err() {
                prop_assert_eq!(pg.snapshot(), before);
            }
            if let Some(fit) = pg.fit() {
                prop_assert_eq!(fit.points.len(), pg.points().len());
            }
            let _ = pg.status().to_string();
        }
    }
}
