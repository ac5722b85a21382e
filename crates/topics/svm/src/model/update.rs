//! The analytic two-variable update of libsvm's `Solver::Solve`, clipped to the
//! box exactly as libsvm does (separately for y_i ≠ y_j and y_i = y_j), then the
//! gradient and G_bar updates.

use super::select::TAU;
use super::solver::{Bound, SolverRun};

impl SolverRun {
    /// Optimises α_i, α_j and returns the change in the dual objective.
    pub(super) fn update_pair(&mut self, i: usize, j: usize) -> f64 {
        let n = self.active_size;
        let c = self.c;
        let (qd_i, qd_j) = (self.q.qd()[i], self.q.qd()[j]);
        let (old_i, old_j) = (self.alpha[i], self.alpha[j]);
        let (g_i, g_j) = (self.g[i], self.g[j]);
        let (col_i, col_j) = self.q.columns(i, j, n);
        let q_ij = f64::from(col_i[j]);
        let (mut a_i, mut a_j) = (old_i, old_j);
        if self.y[i] != self.y[j] {
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
        let g = &mut self.g[..n];
        let m = g.len().min(col_i.len()).min(col_j.len());
        for k in 0..m {
            g[k] += f64::from(col_i[k]) * d_i + f64::from(col_j[k]) * d_j;
        }
        let delta_obj =
            g_i * d_i + g_j * d_j + 0.5 * (qd_i * d_i * d_i + qd_j * d_j * d_j) + q_ij * d_i * d_j;
        self.refresh_bound(i);
        self.refresh_bound(j);
        delta_obj
    }

    /// Updates the bound status of `k` and keeps G_bar in step when it enters or
    /// leaves the upper bound.
    fn refresh_bound(&mut self, k: usize) {
        let was_upper = self.bound[k] == Bound::Upper;
        self.update_bound(k);
        let is_upper = self.bound[k] == Bound::Upper;
        if was_upper == is_upper {
            return;
        }
        let sign = if was_upper { -self.c } else { self.c };
        let col = self.q.column(k, self.l);
        let g_bar = &mut self.g_bar[..];
        let m = g_bar.len().min(col.len());
        for t in 0..m {
            g_bar[t] += sign * f64::from(col[t]);
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
