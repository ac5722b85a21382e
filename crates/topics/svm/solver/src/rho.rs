//! The intercept: libsvm's `calculate_rho`.

use super::solver::{Bound, SolverRun};

impl SolverRun {
    /// libsvm `calculate_rho`: mean of y_i G_i over free variables, else the
    /// midpoint of the bounds. Over the active set, which is everything once done.
    pub fn rho(&self) -> f64 {
        let (mut ub, mut lb, mut sum, mut n_free) = (f64::INFINITY, f64::NEG_INFINITY, 0.0, 0usize);
        for i in 0..self.active_size {
            let yg = self.yg[i];
            match (self.bound[i], self.y[i] > 0.0) {
                (Bound::Upper, false) | (Bound::Lower, true) => ub = ub.min(yg),
                (Bound::Upper, true) | (Bound::Lower, false) => lb = lb.max(yg),
                (Bound::Free, _) => {
                    n_free += 1;
                    sum += yg;
                }
            }
        }
        if n_free > 0 {
            sum / n_free as f64
        } else {
            (ub + lb) / 2.0
        }
    }
}
