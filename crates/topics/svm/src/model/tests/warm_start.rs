//! Warm starts reach the cold-start answer, in fewer iterations for small edits.

use super::super::fit::Fit;
use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::presets::Preset;
use super::super::train::{train, TrainParams};
use super::super::{Action, Playground, Status};

fn params(kind: KernelKind, c: f64) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind,
            gamma: Gamma::Value(2.0),
            ..KernelSpec::default()
        },
        c,
        ..TrainParams::default()
    }
}

/// Both fits stop at m − M < eps, so their decision values agree to about
/// eps · max(1, |f|); allow twice that.
fn assert_same_model(a: &Fit, b: &Fit, eps: f64) {
    let scale = a
        .points
        .iter()
        .map(|p| a.decision(p.coords()).unwrap().abs())
        .fold(1.0, f64::max);
    for p in &a.points {
        let (fa, fb) = (
            a.decision(p.coords()).unwrap(),
            b.decision(p.coords()).unwrap(),
        );
        assert!((fa - fb).abs() <= 2.0 * eps * scale, "{fa} vs {fb}");
    }
}

fn overlap() -> Vec<Point> {
    Preset::BlobsOverlap.generate(3)
}

#[test]
fn moving_a_point_warm_matches_cold_with_fewer_iterations() {
    for kind in [KernelKind::Rbf, KernelKind::Linear, KernelKind::Poly] {
        let p = params(kind, 1.0);
        let mut pts = overlap();
        let old = train(&pts, &p, &[]).unwrap();
        // Nudge a support vector: the case where the old α is close but not optimal.
        let sv = old.binary().unwrap().support[0].index;
        pts[sv].x += 0.05;
        let cold = train(&pts, &p, &[]).unwrap();
        let warm = train(&pts, &p, &old.warm_start()).unwrap();
        assert_same_model(&cold, &warm, p.config.eps);
        assert!(
            warm.iterations() < cold.iterations(),
            "{kind:?}: warm {} vs cold {}",
            warm.iterations(),
            cold.iterations()
        );
    }
}

#[test]
fn adding_and_removing_points_warm_matches_cold() {
    let p = params(KernelKind::Rbf, 1.0);
    let mut pts = overlap();
    let old = train(&pts, &p, &[]).unwrap();
    let mut warm_alpha = old.warm_start();
    pts.push(Point::new(0.05, 0.0, 1));
    warm_alpha.iter_mut().for_each(|w| w.alpha.push(0.0));
    let cold = train(&pts, &p, &[]).unwrap();
    let warm = train(&pts, &p, &warm_alpha).unwrap();
    assert_same_model(&cold, &warm, p.config.eps);
    assert!(warm.iterations() < cold.iterations());

    // Remove a support vector: its α is lost, and repair restores yᵀα = 0.
    let mut warm_alpha = warm.warm_start();
    let sv = warm.binary().unwrap().support[0].index;
    pts.remove(sv);
    warm_alpha.iter_mut().for_each(|w| {
        w.alpha.remove(sv);
    });
    let cold = train(&pts, &p, &[]).unwrap();
    let warm = train(&pts, &p, &warm_alpha).unwrap();
    assert_same_model(&cold, &warm, p.config.eps);
}

#[test]
fn changing_c_warm_matches_cold_even_when_alpha_must_be_clipped() {
    let pts = overlap();
    let old = train(&pts, &params(KernelKind::Rbf, 2.0), &[]).unwrap();
    for c in [1.0, 0.3, 5.0] {
        let p = params(KernelKind::Rbf, c);
        let cold = train(&pts, &p, &[]).unwrap();
        let warm = train(&pts, &p, &old.warm_start()).unwrap();
        assert_same_model(&cold, &warm, p.config.eps);
        let pair = warm.binary().unwrap();
        assert!(pair.support.iter().all(|s| s.alpha <= c));
    }
}

#[test]
fn playground_warm_starts_after_edits_and_c_changes() {
    let mut pg = Playground::default();
    pg.apply(&Action::LoadPreset {
        preset: Preset::BlobsOverlap,
        seed: 3,
    })
    .unwrap();
    pg.apply(&Action::SetKernel(KernelKind::Rbf)).unwrap();
    let cold_iters = pg.fit().unwrap().iterations();
    pg.apply(&Action::SetC(1.2)).unwrap();
    let Status::Converged { iterations, warm } = pg.status().clone() else {
        panic!("expected convergence, got {}", pg.status());
    };
    assert!(warm);
    assert!(
        iterations < cold_iters,
        "C 1 -> 1.2: warm {iterations} vs cold {cold_iters}"
    );
    let cold = train(
        pg.points(),
        &TrainParams {
            kernel: pg.kernel(),
            c: 1.2,
            ..TrainParams::default()
        },
        &[],
    )
    .unwrap();
    assert_same_model(&cold, pg.fit().unwrap(), 1e-3);
    // A kernel change starts cold.
    pg.apply(&Action::SetKernel(KernelKind::Linear)).unwrap();
    assert!(matches!(pg.status(), Status::Converged { warm: false, .. }));
}
