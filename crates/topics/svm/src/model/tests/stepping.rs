//! Step mode: stepping to the end is the same computation as a full run.

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::presets::Preset;
use super::super::train::{train, TrainParams, TrainingRun};
use super::super::{Action, Playground, Status, SvmError};

fn params(kind: KernelKind) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind,
            gamma: Gamma::Value(3.0),
            ..KernelSpec::default()
        },
        c: 2.0,
        ..TrainParams::default()
    }
}

#[test]
fn stepping_to_the_end_equals_a_full_run() {
    for (preset, kind) in [
        (Preset::Moons, KernelKind::Rbf),
        (Preset::BlobsOverlap, KernelKind::Linear),
        (Preset::ThreeBlobs, KernelKind::Poly),
    ] {
        let pts = preset.generate(5);
        let p = params(kind);
        let full = train(&pts, &p, &[]).unwrap();
        let mut run = TrainingRun::new(&pts, &p, &[]).unwrap();
        let mut steps = 0;
        let mut last_objective = f64::INFINITY;
        let mut last_pair = None;
        while let Some(s) = run.step() {
            steps += 1;
            let info = s.info;
            assert_ne!(info.i, info.j);
            assert!(info.gap >= p.config.eps);
            for a in [info.alpha_i.1, info.alpha_j.1] {
                assert!((0.0..=p.c).contains(&a));
            }
            if last_pair != Some((s.negative, s.positive)) {
                last_objective = f64::INFINITY;
                last_pair = Some((s.negative, s.positive));
            }
            // SMO never increases the dual objective (all these kernels are PSD).
            assert!(info.objective <= last_objective + 1e-12);
            last_objective = info.objective;
            for idx in [info.i, info.j] {
                let l = pts[idx].label;
                assert!(l == s.negative || l == s.positive);
            }
        }
        assert!(run.is_finished());
        let stepped = run.into_fit();
        assert_eq!(steps, full.iterations());
        assert_eq!(stepped, full, "{preset:?} {kind:?}");
    }
}

#[test]
fn every_step_keeps_the_equality_constraint() {
    let pts = Preset::Circles.generate(2);
    let mut run = TrainingRun::new(&pts, &params(KernelKind::Rbf), &[]).unwrap();
    for _ in 0..30 {
        if run.step().is_none() {
            break;
        }
        let fit = run.preview();
        let pair = &fit.pairs[0];
        let balance: f64 = pair
            .alpha
            .iter()
            .zip(&pts)
            .map(|(a, p)| a * f64::from(p.label))
            .sum();
        assert!(balance.abs() < 1e-9, "yᵀα = {balance}");
    }
}

#[test]
fn playground_step_mode() {
    let mut pg = Playground::default();
    let before = pg.fit().cloned();
    assert_eq!(pg.apply(&Action::Step(1)), Err(SvmError::NoStepRun));
    assert_eq!(pg.fit().cloned(), before);

    pg.apply(&Action::StepStart).unwrap();
    pg.apply(&Action::Step(2)).unwrap();
    assert!(matches!(
        pg.status(),
        Status::Stepping { iterations: 2, .. }
    ));
    let session = pg.stepping().unwrap();
    assert_eq!(session.history().count(), 2);
    let first = session.history().next().unwrap();
    assert_eq!(first.info.iteration, 1);
    assert_eq!(first.info.alpha_i.0, 0.0);
    // The last full fit stays available while stepping.
    assert_eq!(pg.fit().cloned(), before);

    pg.apply(&Action::StepFinish).unwrap();
    assert!(pg.stepping().is_none());
    let cold = train(
        pg.points(),
        &TrainParams {
            kernel: pg.kernel(),
            c: pg.c(),
            ..TrainParams::default()
        },
        &[],
    )
    .unwrap();
    assert_eq!(pg.fit(), Some(&cold));
    assert!(matches!(pg.status(), Status::Converged { warm: false, .. }));
}

#[test]
fn step_mode_reports_the_end_and_then_stays_put() {
    let mut pg = Playground::default();
    pg.apply(&Action::StepStart).unwrap();
    pg.apply(&Action::Step(10_000)).unwrap();
    assert!(pg.stepping().unwrap().is_finished());
    let status = pg.status().clone();
    assert!(matches!(status, Status::Converged { .. }));
    pg.apply(&Action::Step(5)).unwrap();
    assert_eq!(pg.status(), &status);
    // Another action leaves step mode.
    pg.apply(&Action::SetC(2.0)).unwrap();
    assert!(pg.stepping().is_none());
}

#[test]
fn step_start_refuses_a_single_class() {
    let mut pg = Playground::default();
    pg.apply(&Action::Clear).unwrap();
    pg.apply(&Action::AddPoint {
        x: 0.0,
        y: 0.0,
        label: 1,
    })
    .unwrap();
    let err = pg.apply(&Action::StepStart).unwrap_err();
    assert!(matches!(err, SvmError::SingleClass { label: 1 }));
    assert!(pg.stepping().is_none());
}
