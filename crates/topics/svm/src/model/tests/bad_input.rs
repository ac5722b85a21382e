//! Bad input is refused with a clear message and never panics.

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::{Point, MAX_POINTS};
use super::super::train::{train, TrainParams};
use super::super::SvmError;

fn two() -> Vec<Point> {
    vec![Point::new(0.0, 0.0, -1), Point::new(1.0, 1.0, 1)]
}

fn with_kernel(kind: KernelKind, gamma: Gamma, degree: u32, coef0: f64) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind,
            gamma,
            degree,
            coef0,
        },
        ..TrainParams::default()
    }
}

#[test]
fn data_problems_are_named() {
    let p = TrainParams::default();
    assert_eq!(train(&[], &p, &[]).unwrap_err(), SvmError::EmptyData);
    let one = vec![Point::new(0.0, 0.0, 1), Point::new(0.5, 0.5, 1)];
    let e = train(&one, &p, &[]).unwrap_err();
    assert_eq!(e.to_string(), "Need points of both classes to train (all points have label 1); add a point of another class");
    let mut nan = two();
    nan[1].y = f64::NAN;
    assert_eq!(
        train(&nan, &p, &[]).unwrap_err(),
        SvmError::NotFinite { field: "y" }
    );
    let mut inf = two();
    inf[0].x = f64::NEG_INFINITY;
    assert_eq!(
        train(&inf, &p, &[]).unwrap_err(),
        SvmError::NotFinite { field: "x" }
    );
    let many: Vec<Point> = (0..=MAX_POINTS)
        .map(|i| Point::new(i as f64 * 1e-4, 0.0, if i % 2 == 0 { 1 } else { -1 }))
        .collect();
    let e = train(&many, &p, &[]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Too many points: at most 5000 are allowed (got 5001)"
    );
}

#[test]
fn parameter_problems_are_named() {
    let pts = two();
    for c in [0.0, -1.0, f64::NAN, 2e6] {
        let p = TrainParams {
            c,
            ..TrainParams::default()
        };
        assert!(train(&pts, &p, &[]).is_err(), "C = {c}");
    }
    let e = train(
        &pts,
        &TrainParams {
            c: 0.0,
            ..TrainParams::default()
        },
        &[],
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "C must be greater than 0 and at most 1e6 (got 0)"
    );
    for g in [0.0, -2.0, f64::INFINITY] {
        assert!(
            train(
                &pts,
                &with_kernel(KernelKind::Rbf, Gamma::Value(g), 3, 0.0),
                &[]
            )
            .is_err(),
            "gamma {g}"
        );
    }
    for d in [0, 11] {
        let e = train(
            &pts,
            &with_kernel(KernelKind::Poly, Gamma::Scale, d, 0.0),
            &[],
        )
        .unwrap_err();
        assert_eq!(e, SvmError::InvalidDegree { got: d });
    }
    assert!(train(
        &pts,
        &with_kernel(KernelKind::Sigmoid, Gamma::Scale, 3, f64::NAN),
        &[]
    )
    .is_err());
}

#[test]
fn overflowing_kernels_are_refused() {
    let pts = vec![Point::new(1e5, 1e5, 1), Point::new(-1e5, 1e5, -1)];
    let e = train(
        &pts,
        &with_kernel(KernelKind::Poly, Gamma::Value(1e6), 10, 0.0),
        &[],
    )
    .unwrap_err();
    assert_eq!(e, SvmError::KernelOverflow);
    // The same points are fine with a bounded kernel.
    assert!(train(
        &pts,
        &with_kernel(KernelKind::Rbf, Gamma::Value(1e6), 3, 0.0),
        &[]
    )
    .is_ok());
}

#[test]
fn kernels_too_big_for_the_f32_cache_are_refused() {
    // Found by fuzzing (fuzz/regressions/svm_model_write): |K| up to 6.4e85
    // passed the old bound of 1e100, overflowed the f32 kernel cache to
    // infinity and trained to ρ = NaN, a model file that could not be read.
    let pts = vec![Point::new(1e5, 1e5, 1), Point::new(-1e5, 1e5, -1)];
    let e = train(
        &pts,
        &with_kernel(KernelKind::Poly, Gamma::Value(1e4), 6, 0.0),
        &[],
    )
    .unwrap_err();
    assert_eq!(e, SvmError::KernelOverflow);
    // Just inside the cache's range, it trains to a finite model.
    let fit = train(
        &pts,
        &with_kernel(KernelKind::Poly, Gamma::Value(1e-4), 6, 0.0),
        &[],
    )
    .unwrap();
    assert!(fit.pairs.iter().all(|p| p.rho.is_finite()));
}

#[test]
fn coincident_points_of_opposite_classes_still_converge() {
    let mut pts = vec![Point::new(0.2, 0.2, 1), Point::new(0.2, 0.2, -1)];
    pts.extend((0..10).map(|i| Point::new(-0.8 + 0.05 * i as f64, -0.5, -1)));
    pts.extend((0..10).map(|i| Point::new(0.8 - 0.05 * i as f64, 0.6, 1)));
    for kind in KernelKind::ALL {
        for c in [0.1, 1.0, 100.0] {
            let p = TrainParams {
                c,
                ..with_kernel(kind, Gamma::Scale, 3, 0.0)
            };
            let fit = train(&pts, &p, &[]).unwrap();
            assert!(fit.converged(), "{kind:?} C={c}");
            let f = fit.decision([0.2, 0.2]).unwrap();
            assert!(f.is_finite());
        }
    }
    // Only the two coincident points: K is the same for both, the pair has a = 0.
    let twin = &pts[..2];
    for kind in KernelKind::ALL {
        let fit = train(twin, &with_kernel(kind, Gamma::Scale, 3, 0.0), &[]).unwrap();
        assert!(fit.converged());
        assert!(fit.decision([0.0, 0.0]).unwrap().is_finite());
    }
}

#[test]
fn the_iteration_cap_is_reported_not_fatal() {
    let pts = super::super::presets::Preset::Moons.generate(1);
    let mut p = with_kernel(KernelKind::Linear, Gamma::Scale, 3, 0.0);
    p.c = 1000.0;
    p.config.max_iter = Some(500);
    let fit = train(&pts, &p, &[]).unwrap();
    assert!(!fit.converged());
    assert_eq!(fit.iterations(), 500);
    let status = super::super::Status::from_fit(&fit, false);
    let text = status.to_string();
    assert!(
        text.starts_with("Did not converge after 500 iterations, gap reached "),
        "{text}"
    );
    assert!(fit.decision([0.0, 0.0]).unwrap().is_finite());
}

#[test]
fn huge_values_are_quoted_back_short() {
    let e = super::super::train::check_c(1e308).unwrap_err();
    assert_eq!(
        e.to_string(),
        "C must be greater than 0 and at most 1e6 (got 1e+308)"
    );
}
