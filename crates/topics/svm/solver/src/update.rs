//! The analytic two-variable update of libsvm's `Solver::Solve`, clipped to the
//! box exactly as libsvm does (separately for y_i ≠ y_j and y_i = y_j), then the
//! gradient and G_bar updates. The gradient pass also finds the next I_up maximum,
//! so the next selection reads yG once instead of twice.

use super::select::TAU;
use super::solver::{classify, Bound, SolverRun};

impl SolverRun {
    /// Optimises α_i, α_j and returns the change in the dual objective.
    pub(super) fn update_pair(&mut self, i: usize, j: usize) -> f64 {
        let n = self.active_size;
        let c = self.c;
        let (qd_i, qd_j) = (self.q.qd()[i], self.q.qd()[j]);
        let (old_i, old_j) = (self.alpha[i], self.alpha[j]);
        let (y_i, y_j) = (self.y[i], self.y[j]);
        let (g_i, g_j) = (y_i * self.yg[i], y_j * self.yg[j]);
        let (col_i, col_j) = self.q.columns(i, j, n);
        let q_ij = y_i * y_j * f64::from(col_i[j]);
        let (mut a_i, mut a_j) = (old_i, old_j);
        if y_i != y_j {
            let quad = positive_or_tau(qd_i + qd_j + 2.0 * q_ij);
            let delta = (-g_i - g_j) / quad;
            let diff = a_i - a_j;
            a_i += delta;
            a_j += delta;
            if diff > 0.0 {
                if a_j < 0.0 {
                    a_j = 0.0;
                    a_i = diff;
                }
            } else if a_i < 0.0 {
                a_i = 0.0;
                a_j = -diff;
            }
            // C_i − C_j is 0: one C for both classes.
            if diff > 0.0 {
                if a_i > c {
                    a_i = c;
                    a_j = c - diff;
                }
            } else if a_j > c {
                a_j = c;
                a_i = c + diff;
            }
        } else {
            let quad = positive_or_tau(qd_i + qd_j - 2.0 * q_ij);
            let delta = (g_i - g_j) / quad;
            let sum = a_i + a_j;
            a_i -= delta;
            a_j += delta;
            if sum > c {
                if a_i > c {
                    a_i = c;
                    a_j = sum - c;
                }
            } else if a_j < 0.0 {
                a_j = 0.0;
                a_i = sum;
            }
            if sum > c {
                if a_j > c {
                    a_j = c;
                    a_i = sum - c;
                }
            } else if a_i < 0.0 {
                a_i = 0.0;
                a_j = sum;
            }
        }
        self.alpha[i] = a_i;
        self.alpha[j] = a_j;
        let (d_i, d_j) = (a_i - old_i, a_j - old_j);
        // The new bounds first, so the pass below sees the I_up the next selection will.
        let was_upper = (self.bound[i] == Bound::Upper, self.bound[j] == Bound::Upper);
        for (k, a) in [(i, a_i), (j, a_j)] {
            (self.bound[k], self.in_up[k], self.in_low[k]) = classify(a, self.y[k], c);
        }
        // libsvm: G_t += Q_it d_i + Q_jt d_j; times y_t, K_it (y_i d_i) + K_jt (y_j d_j).
        let (e_i, e_j) = (y_i * d_i, y_j * d_j);
        let (yg, up) = (&mut self.yg[..n], &self.in_up[..n]);
        let (col_i, col_j) = (&col_i[..n], &col_j[..n]);
        let (mut gmax, mut gmax_idx) = (f64::NEG_INFINITY, None);
        for t in 0..n {
            let v = yg[t] + (f64::from(col_i[t]) * e_i + f64::from(col_j[t]) * e_j);
            yg[t] = v;
            // As `select::max_up`, in the same pass.
            if up[t] & (-v >= gmax) {
                gmax = -v;
                gmax_idx = Some(t);
            }
        }
        self.next_up = Some((gmax, gmax_idx));
        let delta_obj =
            g_i * d_i + g_j * d_j + 0.5 * (qd_i * d_i * d_i + qd_j * d_j * d_j) + q_ij * d_i * d_j;
        self.refresh_g_bar(i, was_upper.0);
        self.refresh_g_bar(j, was_upper.1);
        delta_obj
    }

    /// Keeps G_bar in step when `k` has entered or left the upper bound.
    fn refresh_g_bar(&mut self, k: usize, was_upper: bool) {
        if was_upper == (self.bound[k] == Bound::Upper) {
            return;
        }
        // libsvm adds ±C Q_kt to G_bar_t; times y_t that is (±C y_k) K_kt.
        let sign = (if was_upper { -self.c } else { self.c }) * self.y[k];
        let col = self.q.column(k, self.l);
        let yg_bar = &mut self.yg_bar[..];
        let m = yg_bar.len().min(col.len());
        for t in 0..m {
            yg_bar[t] += sign * f64::from(col[t]);
        }
    }
}

fn positive_or_tau(a: f64) -> f64 {
    if a <= 0.0 {
        TAU
    } else {
        a
    }
}
