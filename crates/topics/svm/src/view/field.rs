//! The decision function for drawing: whole grids at once and value-with-
//! gradient at a point. Linear models collapse to w·x + b and RBF grids use
//! exp(−γ‖q − x‖²) = exp(−γ(q₁ − x₁)²)·exp(−γ(q₂ − x₂)²), so a drag frame
//! costs a few exponentials per support vector instead of one per grid cell.

use super::super::model::fastexp;
use super::super::model::kernel::powi;
use super::super::model::{Fit, KernelKind, PairFit};
use super::contour::coord;

/// Kernel evaluations a poly or sigmoid grid may spend (one per cell and SV).
const GRID_BUDGET: usize = 300_000;

/// Samples per side for `fit`: 61, unless every sample costs a kernel
/// evaluation per support vector (poly, sigmoid) and there are many.
pub fn grid_side(fit: &Fit) -> usize {
    match fit.kernel.kind {
        KernelKind::Linear | KernelKind::Rbf => 61,
        _ => {
            let sv: usize = fit.pairs.iter().map(|p| p.support.len()).sum();
            let n = (GRID_BUDGET as f64 / sv.max(1) as f64).sqrt() as usize;
            n.clamp(21, 61)
        }
    }
}

/// Pair `p`'s decision values on an n×n grid over [-1, 1]², row by row from
/// y = −1 (positive: the pair's larger label).
pub fn pair_grid(fit: &Fit, p: &PairFit, n: usize) -> Vec<f64> {
    let axis: Vec<f64> = (0..n).map(|k| coord(k, n)).collect();
    let point = |i: usize| fit.points.get(i).map_or((0.0, 0.0), |q| (q.x, q.y));
    let mut out = vec![-p.rho; n * n];
    match fit.kernel.kind {
        KernelKind::Linear => {
            let (mut w0, mut w1) = (0.0, 0.0);
            for s in &p.support {
                let (x, y) = point(s.index);
                w0 += s.coef * x;
                w1 += s.coef * y;
            }
            for (r, &qy) in axis.iter().enumerate() {
                for (c, &qx) in axis.iter().enumerate() {
                    out[r * n + c] += w0 * qx + w1 * qy;
                }
            }
        }
        KernelKind::Rbf => {
            let g = fit.kernel.gamma;
            let mut ex = vec![0.0; n];
            let mut ey = vec![0.0; n];
            for s in &p.support {
                let (x, y) = point(s.index);
                for k in 0..n {
                    ex[k] = fastexp::exp(-g * (axis[k] - x) * (axis[k] - x));
                    ey[k] = s.coef * fastexp::exp(-g * (axis[k] - y) * (axis[k] - y));
                }
                for (r, &a) in ey.iter().enumerate() {
                    if a == 0.0 {
                        continue;
                    }
                    let row = &mut out[r * n..(r + 1) * n];
                    for (v, e) in row.iter_mut().zip(&ex) {
                        *v += a * e;
                    }
                }
            }
        }
        KernelKind::Poly | KernelKind::Sigmoid => {
            let k = fit.kernel;
            for s in &p.support {
                let (x, y) = point(s.index);
                for (r, &qy) in axis.iter().enumerate() {
                    for (c, &qx) in axis.iter().enumerate() {
                        let t = k.gamma * (x * qx + y * qy) + k.coef0;
                        let kv = if k.kind == KernelKind::Poly {
                            powi(t, k.degree)
                        } else {
                            t.tanh()
                        };
                        out[r * n + c] += s.coef * kv;
                    }
                }
            }
        }
    }
    out
}

/// Pair `p`'s decision value at every training point (NaN outside the pair),
/// as the model computes it but with the table-driven exp (within 2 ulp).
pub fn training_values(fit: &Fit, p: &PairFit) -> Vec<f64> {
    let k = fit.kernel;
    let sv: Vec<(f64, f64, f64)> = p
        .support
        .iter()
        .filter_map(|s| fit.points.get(s.index).map(|q| (q.x, q.y, s.coef)))
        .collect();
    fit.points
        .iter()
        .map(|q| {
            if p.sign_of(q.label).is_none() {
                return f64::NAN;
            }
            let mut f = 0.0;
            for &(x, y, coef) in &sv {
                let kv = match k.kind {
                    KernelKind::Linear => x * q.x + y * q.y,
                    KernelKind::Rbf => {
                        let (dx, dy) = (x - q.x, y - q.y);
                        fastexp::exp(-k.gamma * (dx * dx + dy * dy))
                    }
                    KernelKind::Poly => powi(k.gamma * (x * q.x + y * q.y) + k.coef0, k.degree),
                    KernelKind::Sigmoid => (k.gamma * (x * q.x + y * q.y) + k.coef0).tanh(),
                };
                f += coef * kv;
            }
            f - p.rho
        })
        .collect()
}

/// f(q) of pair `p` and its gradient, from the kernel's derivative.
pub fn value_and_gradient(fit: &Fit, p: &PairFit, q: (f64, f64)) -> (f64, (f64, f64)) {
    let k = fit.kernel;
    let (mut f, mut gx, mut gy) = (-p.rho, 0.0, 0.0);
    for s in &p.support {
        let Some(pt) = fit.points.get(s.index) else {
            continue;
        };
        let (x, y) = (pt.x, pt.y);
        let (kv, dk) = match k.kind {
            KernelKind::Linear => (x * q.0 + y * q.1, (x, y)),
            KernelKind::Rbf => {
                let (dx, dy) = (q.0 - x, q.1 - y);
                let kv = fastexp::exp(-k.gamma * (dx * dx + dy * dy));
                let m = -2.0 * k.gamma * kv;
                (kv, (m * dx, m * dy))
            }
            KernelKind::Poly => {
                let t = k.gamma * (x * q.0 + y * q.1) + k.coef0;
                let m = f64::from(k.degree) * powi(t, k.degree.saturating_sub(1)) * k.gamma;
                (powi(t, k.degree), (m * x, m * y))
            }
            KernelKind::Sigmoid => {
                let kv = (k.gamma * (x * q.0 + y * q.1) + k.coef0).tanh();
                let m = (1.0 - kv * kv) * k.gamma;
                (kv, (m * x, m * y))
            }
        };
        f += s.coef * kv;
        gx += s.coef * dk.0;
        gy += s.coef * dk.1;
    }
    (f, (gx, gy))
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Action, Gamma, Playground, Preset};
    use super::*;

    fn check(pg: &Playground) {
        let fit = pg.fit().unwrap();
        let p = fit.binary().unwrap();
        let n = 13;
        let g = pair_grid(fit, p, n);
        for r in 0..n {
            for c in 0..n {
                let q = [coord(c, n), coord(r, n)];
                let want = fit.decision(q).unwrap();
                assert!(
                    (g[r * n + c] - want).abs() < 1e-9 * (1.0 + want.abs()),
                    "{q:?}"
                );
                let (f, (gx, gy)) = value_and_gradient(fit, p, (q[0], q[1]));
                assert!((f - want).abs() < 1e-9 * (1.0 + want.abs()));
                let h = 1e-6;
                let fx = fit.decision([q[0] + h, q[1]]).unwrap();
                let fy = fit.decision([q[0], q[1] + h]).unwrap();
                let tol = 1e-4 * (1.0 + gx.abs() + gy.abs());
                assert!(((fx - want) / h - gx).abs() < tol, "d/dx at {q:?}");
                assert!(((fy - want) / h - gy).abs() < tol, "d/dy at {q:?}");
            }
        }
    }

    #[test]
    fn grids_and_gradients_match_the_model_for_every_kernel() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset {
            preset: Preset::Moons,
            seed: 3,
        })
        .unwrap();
        check(&pg);
        for (kind, gamma) in [
            (KernelKind::Rbf, 2.0),
            (KernelKind::Poly, 1.0),
            (KernelKind::Sigmoid, 0.5),
        ] {
            pg.apply(&Action::SetKernel(kind)).unwrap();
            pg.apply(&Action::SetGamma(Gamma::Value(gamma))).unwrap();
            check(&pg);
        }
    }

    #[test]
    fn training_values_match_the_model() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset {
            preset: Preset::Circles,
            seed: 2,
        })
        .unwrap();
        for kind in [
            KernelKind::Linear,
            KernelKind::Rbf,
            KernelKind::Poly,
            KernelKind::Sigmoid,
        ] {
            pg.apply(&Action::SetKernel(kind)).unwrap();
            let fit = pg.fit().unwrap();
            let ours = training_values(fit, fit.binary().unwrap());
            for (a, b) in ours.iter().zip(fit.pair_decisions_on_training(0)) {
                assert!(
                    (a - b).abs() <= 1e-12 * (1.0 + b.abs()),
                    "{kind:?}: {a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn expensive_kernels_get_coarser_grids() {
        let mut pg = Playground::default();
        assert_eq!(grid_side(pg.fit().unwrap()), 61);
        pg.apply(&Action::SetKernel(KernelKind::Sigmoid)).unwrap();
        assert!(grid_side(pg.fit().unwrap()) >= 21);
    }
}
