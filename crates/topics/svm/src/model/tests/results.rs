//! What a fit reports: support vectors, slack, accuracy, w, b and the margin.

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::presets::Preset;
use super::super::train::{train, TrainParams};

fn linear(c: f64) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Linear,
            ..KernelSpec::default()
        },
        c,
        ..TrainParams::default()
    }
}

#[test]
fn a_symmetric_pair_has_the_textbook_solution() {
    // Points at x = ±1: w = (1, 0), b = 0, margin 2, α = 0.5 each.
    let pts = [Point::new(-1.0, 0.0, -1), Point::new(1.0, 0.0, 1)];
    let fit = train(&pts, &linear(10.0), &[]).unwrap();
    let lb = fit.linear_boundary().unwrap();
    assert!((lb.w[0] - 1.0).abs() < 1e-12 && lb.w[1].abs() < 1e-12);
    assert!(lb.b.abs() < 1e-12);
    assert!((lb.margin_width.unwrap() - 2.0).abs() < 1e-12);
    let pair = fit.binary().unwrap();
    assert_eq!(pair.free_count(), 2);
    for s in &pair.support {
        assert!((s.alpha - 0.5).abs() < 1e-12);
        assert_eq!(s.coef, s.alpha * f64::from(pts[s.index].label));
    }
    assert!(fit.slacks().is_empty());
    assert_eq!(fit.training_accuracy(), 1.0);
}

#[test]
fn w_matches_the_decision_function() {
    let pts = Preset::BlobsOverlap.generate(11);
    let fit = train(&pts, &linear(1.0), &[]).unwrap();
    let lb = fit.linear_boundary().unwrap();
    for q in [[0.3, -0.2], [-0.9, 0.4], [0.0, 0.0]] {
        let f = lb.w[0] * q[0] + lb.w[1] * q[1] + lb.b;
        assert!((f - fit.decision(q).unwrap()).abs() < 1e-12);
    }
    let norm = lb.w[0].hypot(lb.w[1]);
    assert!((lb.margin_width.unwrap() - 2.0 / norm).abs() < 1e-12);
}

#[test]
fn slack_is_reported_for_exactly_the_margin_violators() {
    let pts = Preset::BlobsOverlap.generate(11);
    let fit = train(&pts, &linear(1.0), &[]).unwrap();
    let pair = fit.binary().unwrap();
    let slacks = fit.slacks();
    assert!(!slacks.is_empty());
    for (i, p) in pts.iter().enumerate() {
        let yf = f64::from(p.label) * fit.decision(p.coords()).unwrap();
        let listed = slacks.iter().find(|s| s.index == i);
        match listed {
            Some(s) => {
                assert!((s.xi - (1.0 - yf)).abs() < 1e-12);
                // Violators beyond the tolerance are bounded support vectors.
                if s.xi > 1e-2 {
                    assert!(pair.support.iter().any(|sv| sv.index == i && sv.at_bound));
                }
            }
            None => assert!(yf >= 1.0),
        }
    }
    let wrong = pts
        .iter()
        .filter(|p| f64::from(p.label) * fit.decision(p.coords()).unwrap() <= 0.0)
        .count();
    let acc = fit.training_accuracy();
    assert!((acc - (1.0 - wrong as f64 / pts.len() as f64)).abs() < 1e-12);
    assert_eq!(
        pair.free_count() + pair.bounded_count(),
        pair.support_count()
    );
}

#[test]
fn non_linear_kernels_have_no_hyperplane() {
    let pts = Preset::Moons.generate(1);
    let p = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Rbf,
            gamma: Gamma::Scale,
            ..KernelSpec::default()
        },
        ..TrainParams::default()
    };
    let fit = train(&pts, &p, &[]).unwrap();
    assert!(fit.linear_boundary().is_none());
    assert!(fit.binary().unwrap().rho.is_finite());
}
