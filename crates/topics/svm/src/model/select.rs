//! Working-set selection WSS2 (Fan, Chen & Lin 2005), as libsvm's
//! `Solver::select_working_set`: i maximises −y_t G_t over I_up, j minimises the
//! second-order decrease −b²/a over I_low.
//!
//! libsvm branches on y; here y_t = ±1 multiplies instead. Multiplying by ±1 is
//! exact, so every comparison sees the same numbers as libsvm's.

use super::solver::SolverRun;

/// Used in place of a ≤ 0 (libsvm TAU).
pub const TAU: f64 = 1e-12;

impl SolverRun {
    /// The pair to optimise and the gap m − M, or `None` when the active set is
    /// optimal to within eps.
    pub(super) fn select_working_set(&mut self) -> Option<(usize, usize, f64)> {
        let n = self.active_size;
        let (y, g) = (&self.y[..n], &self.g[..n]);
        let mut gmax = f64::NEG_INFINITY;
        let mut gmax_idx = None;
        for (t, ((&yt, &gt), &up)) in y.iter().zip(g).zip(&self.in_up[..n]).enumerate() {
            let v = -yt * gt;
            if up && v >= gmax {
                gmax = v;
                gmax_idx = Some(t);
            }
        }
        let i = gmax_idx?;
        let y_i = y[i];
        // libsvm fetches column i even when every candidate j is later rejected.
        let (col_i, qd) = self.q.column_and_diag(i, n);
        let qd_i = qd[i];
        let mut gmax2 = f64::NEG_INFINITY;
        let mut gmin_idx = None;
        let mut obj_diff_min = f64::INFINITY;
        let low = &self.in_low[..n];
        for (j, ((((&yj, &gj), &lo), &q), &qd_j)) in y
            .iter()
            .zip(g)
            .zip(low)
            .zip(col_i)
            .zip(&qd[..n])
            .enumerate()
        {
            if !lo {
                continue;
            }
            let yg = yj * gj;
            if yg >= gmax2 {
                gmax2 = yg;
            }
            let grad_diff = gmax + yg;
            if grad_diff > 0.0 {
                let quad_coef = qd_i + qd_j - yj * (2.0 * y_i * f64::from(q));
                let a = if quad_coef > 0.0 { quad_coef } else { TAU };
                let obj_diff = -(grad_diff * grad_diff) / a;
                if obj_diff <= obj_diff_min {
                    gmin_idx = Some(j);
                    obj_diff_min = obj_diff;
                }
            }
        }
        let gap = gmax + gmax2;
        match gmin_idx {
            Some(j) if gap >= self.eps => Some((i, j, gap)),
            _ => None,
        }
    }

    /// m(α) − M(α) over the active set, without choosing a pair.
    pub(super) fn violation_gap(&self) -> f64 {
        let (mut m, mut big_m) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for t in 0..self.active_size {
            let minus_yg = -self.y[t] * self.g[t];
            if self.in_up[t] {
                m = m.max(minus_yg);
            }
            if self.in_low[t] {
                big_m = big_m.max(-minus_yg);
            }
        }
        m + big_m
    }
}
