//! Property: what the panel says about each point (α, y f(x), ξ and its KKT
//! case) agrees with the solution: the three cases of the KKT conditions of
//! the soft-margin dual (Cortes & Vapnik 1995; libsvm's guide, Chang & Lin
//! 2011, section 4.1), and Σ yᵢαᵢ = 0.

use proptest::prelude::*;

use super::super::dual::Role;
use super::super::fit::Fit;
use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::solver::SolverConfig;
use super::super::train::{train, TrainParams};

fn dataset() -> impl Strategy<Value = Vec<Point>> {
    proptest::collection::vec((-1.0f64..1.0, -1.0f64..1.0, any::<bool>()), 2..30).prop_map(|raw| {
        let mut pts: Vec<Point> = raw
            .into_iter()
            .map(|(x, y, pos)| Point::new(x, y, if pos { 3 } else { 1 }))
            .collect();
        pts[0].label = 3;
        pts[1].label = 1;
        pts
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn each_point_is_in_the_kkt_case_the_panel_names(
        pts in dataset(),
        rbf in any::<bool>(),
        c in 0.1f64..10.0,
    ) {
        let kind = if rbf { KernelKind::Rbf } else { KernelKind::Linear };
        let kernel = KernelSpec { kind, gamma: Gamma::Value(1.0), degree: 3, coef0: 0.0 };
        let params = TrainParams { kernel, c, config: SolverConfig { eps: 1e-3, max_iter: Some(1_000_000), ..SolverConfig::default() } };
        let fit = train(&pts, &params, &[]).unwrap();
        prop_assert!(fit.converged());
        let duals = fit.duals();
        prop_assert_eq!(duals.len(), pts.len());
        // The kernel cache holds floats, as libsvm's: allow for their rounding.
        let tol = 2e-3 * (1.0 + c);
        let mut balance = 0.0;
        for d in &duals {
            prop_assert_eq!(d.y, if pts[d.index].label == 3 { 1.0 } else { -1.0 }, "the larger label is +1");
            prop_assert!((d.xi - (1.0 - d.margin).max(0.0)).abs() < 1e-12);
            balance += d.y * d.alpha;
            match d.role {
                Role::Outside => {
                    prop_assert_eq!(d.alpha, 0.0);
                    prop_assert!(d.margin >= 1.0 - tol, "α = 0 but y f = {}", d.margin);
                }
                Role::Free => {
                    prop_assert!(d.alpha > 0.0 && d.alpha < c);
                    prop_assert!((d.margin - 1.0).abs() <= tol, "free but y f = {}", d.margin);
                }
                Role::AtBound => {
                    prop_assert!((d.alpha - c).abs() <= 1e-9 * c);
                    prop_assert!(d.margin <= 1.0 + tol, "α = C but y f = {}", d.margin);
                }
            }
        }
        prop_assert!(balance.abs() <= 1e-9 * c * pts.len() as f64, "Σ y α = {balance}");
    }
}

fn linear_fit(pts: &[Point], c: f64) -> Fit {
    let kernel = KernelSpec {
        kind: KernelKind::Linear,
        gamma: Gamma::Value(1.0),
        degree: 3,
        coef0: 0.0,
    };
    let params = TrainParams {
        kernel,
        c,
        config: SolverConfig::default(),
    };
    train(pts, &params, &[]).unwrap()
}

#[test]
fn more_than_two_classes_have_no_single_dual() {
    let pts = [
        Point::new(-0.5, 0.0, 1),
        Point::new(0.5, 0.0, 2),
        Point::new(0.0, 0.5, 3),
    ];
    assert!(linear_fit(&pts, 1.0).duals().is_empty());
}

#[test]
fn a_two_point_fit_puts_both_points_on_the_margin() {
    let pts = [Point::new(-0.5, 0.0, -1), Point::new(0.5, 0.0, 1)];
    let duals = linear_fit(&pts, 10.0).duals();
    // w = (2, 0), b = 0: α = ‖w‖²/2 = 2 for each, both free, y f = 1, ξ = 0.
    for d in &duals {
        assert_eq!(d.role, Role::Free);
        assert!((d.alpha - 2.0).abs() < 1e-6, "α = {}", d.alpha);
        assert!((d.margin - 1.0).abs() < 1e-6);
        assert_eq!(d.xi, 0.0);
    }
}
