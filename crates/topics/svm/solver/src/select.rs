//! Working-set selection WSS2 (Fan, Chen & Lin 2005), as libsvm's
//! `Solver::select_working_set`: i maximises −y_t G_t over I_up, j minimises the
//! second-order decrease −b²/a over I_low.
//!
//! The solver keeps yG and an unsigned K (see `solver`), so where libsvm branches
//! on y the loops here read yG and K directly; the numbers compared are libsvm's.

use super::solver::SolverRun;

/// Used in place of a ≤ 0 (libsvm TAU).
pub const TAU: f64 = 1e-12;

/// The last position with the largest −yG over I_up, and that value (libsvm's
/// `>=` scan, so ties go to the later position).
pub(super) fn max_up(yg: &[f64], in_up: &[bool]) -> (f64, Option<usize>) {
    let mut gmax = f64::NEG_INFINITY;
    let mut gmax_idx = None;
    for (t, (&yg_t, &up)) in yg.iter().zip(in_up).enumerate() {
        if up & (-yg_t >= gmax) {
            gmax = -yg_t;
            gmax_idx = Some(t);
        }
    }
    (gmax, gmax_idx)
}

impl SolverRun {
    /// The pair to optimise and the gap m − M, or `None` when the active set is
    /// optimal to within eps.
    pub(super) fn select_working_set(&mut self) -> Option<(usize, usize, f64)> {
        let n = self.active_size;
        let (gmax, gmax_idx) = match self.next_up.take() {
            Some(found) => found,
            None => max_up(&self.yg[..n], &self.in_up[..n]),
        };
        let i = gmax_idx?;
        // libsvm fetches column i even when every candidate j is later rejected.
        let (col_i, qd) = self.q.column_and_diag(i, n);
        let (k_i, qd) = (&col_i[..n], &qd[..n]);
        let (yg, low) = (&self.yg[..n], &self.in_low[..n]);
        let qd_i = qd[i];
        let mut gmax2 = f64::NEG_INFINITY;
        let mut gmin_idx = None;
        let mut obj_diff_min = f64::INFINITY;
        // Below this, b² cannot reach −obj_diff_min·a (see `reject_scale`).
        let mut reject = 0.0;
        for j in 0..n {
            // Outside I_low, −∞ leaves gmax2 alone and makes grad_diff ≤ 0.
            let yg_j = if low[j] { yg[j] } else { f64::NEG_INFINITY };
            if yg_j >= gmax2 {
                gmax2 = yg_j;
            }
            let grad_diff = gmax + yg_j;
            // libsvm: QD[i] + QD[j] ∓ 2 y_i Q_ij, which is QD[i] + QD[j] − 2 K_ij.
            let quad_coef = qd_i + qd[j] - 2.0 * f64::from(k_i[j]);
            let a = if quad_coef > 0.0 { quad_coef } else { TAU };
            let b2 = grad_diff * grad_diff;
            let surely_worse = b2 < a * reject;
            if (grad_diff > 0.0) & !surely_worse {
                let obj_diff = -b2 / a;
                if obj_diff <= obj_diff_min {
                    gmin_idx = Some(j);
                    obj_diff_min = obj_diff;
                    reject = reject_scale(obj_diff);
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
            let yg = self.yg[t];
            if self.in_up[t] {
                m = m.max(-yg);
            }
            if self.in_low[t] {
                big_m = big_m.max(yg);
            }
        }
        m + big_m
    }
}

/// A factor r with b² < a·r ⇒ −b²/a > `obj_diff_min` after rounding, so a
/// candidate below it can skip the division and still be rejected exactly as
/// libsvm rejects it. r is −obj_diff_min less 2⁻⁴⁰ of itself, which covers the
/// few roundings of a·r and b²/a; 0 (reject nothing) when that margin could be
/// lost to underflow.
fn reject_scale(obj_diff_min: f64) -> f64 {
    let m = -obj_diff_min;
    if m >= 1e-290 {
        m - m * (1.0 / (1u64 << 40) as f64)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_division_is_skipped_only_for_candidates_it_would_reject() {
        // Near-ties around the running minimum, over many magnitudes.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..200_000 {
            let scale = 10f64.powi((next() * 40.0) as i32 - 20);
            let (b, a) = (next() * scale, 1e-12 + next() * 4.0);
            let exact = -(b * b) / a;
            let nudge = 1.0 + (next() - 0.5) * 1e-12;
            let min = exact * nudge;
            let skipped = b * b < a * reject_scale(min);
            if skipped {
                assert!(exact > min, "skipped {b} {a}: {exact} vs {min}");
            }
        }
    }
}
