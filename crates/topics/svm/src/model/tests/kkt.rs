//! Property: at the solution the KKT conditions hold to within eps, checked
//! from scratch in f64 (not from the solver's own gradient).

use proptest::prelude::*;

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::solver::SolverConfig;
use super::super::train::{train, TrainParams};

fn kind_of(k: u8) -> KernelKind {
    KernelKind::ALL[usize::from(k) % 4]
}

fn dataset() -> impl Strategy<Value = Vec<Point>> {
    proptest::collection::vec((-1.0f64..1.0, -1.0f64..1.0, any::<bool>()), 2..40).prop_map(|raw| {
        let mut pts: Vec<Point> = raw
            .into_iter()
            .map(|(x, y, pos)| Point::new(x, y, if pos { 1 } else { -1 }))
            .collect();
        // Both classes must be present.
        pts[0].label = 1;
        pts[1].label = -1;
        pts
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn kkt_conditions_hold_at_the_solution(
        pts in dataset(),
        k in 0u8..4,
        c in 0.1f64..10.0,
        gamma in 0.1f64..3.0,
        coef0 in -1.0f64..1.0,
    ) {
        let eps = 1e-3;
        let kernel = KernelSpec { kind: kind_of(k), gamma: Gamma::Value(gamma), degree: 3, coef0 };
        let params = TrainParams { kernel, c, config: SolverConfig { eps, max_iter: Some(1_000_000), ..SolverConfig::default() } };
        let fit = train(&pts, &params, &[]).unwrap();
        prop_assert!(fit.converged());
        let pair = fit.binary().unwrap();
        let kern = fit.kernel;
        let y: Vec<f64> = pts.iter().map(|p| f64::from(p.label)).collect();
        let alpha = &pair.alpha;
        let n = pts.len();

        for &a in alpha {
            prop_assert!((0.0..=c).contains(&a));
        }
        let balance: f64 = alpha.iter().zip(&y).map(|(a, y)| a * y).sum();
        prop_assert!(balance.abs() <= 1e-9 * c * n as f64);

        // ∇f_i = y_i Σ_j y_j α_j K_ij − 1, in f64.
        let k_ij = |i: usize, j: usize| kern.eval(&pts[i].coords(), &pts[j].coords());
        let grad: Vec<f64> = (0..n).map(|i| y[i] * (0..n).map(|j| y[j] * alpha[j] * k_ij(i, j)).sum::<f64>() - 1.0).collect();
        // The solver's kernel cache holds floats, as libsvm's does: allow their rounding.
        let kmax = (0..n).flat_map(|i| (0..n).map(move |j| (i, j))).map(|(i, j)| k_ij(i, j).abs()).fold(0.0, f64::max);
        let rounding = 2.0 * alpha.iter().sum::<f64>() * kmax * f64::from(f32::EPSILON);
        let mut m = f64::NEG_INFINITY; // max over I_up of −y ∇f
        let mut big_m = f64::INFINITY; // min over I_low of −y ∇f
        for i in 0..n {
            let v = -y[i] * grad[i];
            let (up, low) = if y[i] > 0.0 { (alpha[i] < c, alpha[i] > 0.0) } else { (alpha[i] > 0.0, alpha[i] < c) };
            if up { m = m.max(v); }
            if low { big_m = big_m.min(v); }
        }
        prop_assert!(m - big_m < eps + rounding, "m − M = {} (eps {eps}, rounding {rounding})", m - big_m);

        // In terms of the margin: y_i f(x_i) ≥ 1 at α = 0, = 1 when free, ≤ 1 at C.
        let slack = eps + rounding;
        for i in 0..n {
            let yf = y[i] * fit.decision(pts[i].coords()).unwrap();
            if alpha[i] == 0.0 {
                prop_assert!(yf >= 1.0 - slack, "α=0 but y f = {yf}");
            } else if alpha[i] >= c {
                prop_assert!(yf <= 1.0 + slack, "α=C but y f = {yf}");
            } else {
                prop_assert!((yf - 1.0).abs() <= slack, "free but y f = {yf}");
            }
        }
    }
}
