//! Shrinking as libsvm does it: variables stuck at a bound that cannot move are set
//! aside (swapped past `active_size`); once the gap reaches 10·eps the full
//! gradient is rebuilt from G_bar and the free variables, and the set is reopened.

use super::solver::{Bound, SolverRun};

impl SolverRun {
    pub(super) fn swap_index(&mut self, i: usize, j: usize) {
        self.q.swap_index(i, j);
        self.y.swap(i, j);
        self.yg.swap(i, j);
        self.bound.swap(i, j);
        self.in_up.swap(i, j);
        self.in_low.swap(i, j);
        self.alpha.swap(i, j);
        self.active_set.swap(i, j);
        self.yg_bar.swap(i, j);
        self.next_up = None;
    }

    /// Recomputes G for the shrunk variables from G_bar and the free ones.
    pub(super) fn reconstruct_gradient(&mut self) {
        let (n, l) = (self.active_size, self.l);
        if n == l {
            return;
        }
        self.next_up = None;
        // libsvm: G_j = G_bar_j − 1 and G_i += α_j Q_ij; times y as in `solver`.
        for j in n..l {
            self.yg[j] = self.yg_bar[j] - self.y[j];
        }
        let nr_free = (0..n).filter(|&j| self.bound[j] == Bound::Free).count();
        if nr_free * l > 2 * n * (l - n) {
            for i in n..l {
                let col = self.q.column(i, n);
                // Added term by term, as libsvm does, so rounding matches.
                let mut yg_i = self.yg[i];
                let free = self.bound[..n]
                    .iter()
                    .zip(&self.alpha[..n])
                    .zip(&self.y[..n]);
                for (((b, a), y), k) in free.zip(col) {
                    if *b == Bound::Free {
                        yg_i += (y * a) * f64::from(*k);
                    }
                }
                self.yg[i] = yg_i;
            }
        } else {
            for i in 0..n {
                if self.bound[i] != Bound::Free {
                    continue;
                }
                let ya = self.y[i] * self.alpha[i];
                let col = self.q.column(i, l);
                for (g, k) in self.yg[n..l].iter_mut().zip(&col[n..l]) {
                    *g += ya * f64::from(*k);
                }
            }
        }
    }

    fn be_shrunk(&self, i: usize, gmax1: f64, gmax2: f64) -> bool {
        let up = self.y[i] > 0.0;
        let g = self.y[i] * self.yg[i];
        match self.bound[i] {
            Bound::Upper => -g > if up { gmax1 } else { gmax2 },
            Bound::Lower => g > if up { gmax2 } else { gmax1 },
            Bound::Free => false,
        }
    }

    pub(super) fn do_shrinking(&mut self) {
        // gmax1 = max { −y_i G_i : i in I_up }, gmax2 = max { y_i G_i : i in I_low }
        self.next_up = None;
        let (mut gmax1, mut gmax2) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for i in 0..self.active_size {
            let g = self.y[i] * self.yg[i];
            let (up_candidate, low_candidate) = if self.y[i] > 0.0 { (-g, g) } else { (g, -g) };
            let (not_upper, not_lower) =
                (self.bound[i] != Bound::Upper, self.bound[i] != Bound::Lower);
            if self.y[i] > 0.0 {
                if not_upper && up_candidate >= gmax1 {
                    gmax1 = up_candidate;
                }
                if not_lower && low_candidate >= gmax2 {
                    gmax2 = low_candidate;
                }
            } else {
                if not_upper && low_candidate >= gmax2 {
                    gmax2 = low_candidate;
                }
                if not_lower && up_candidate >= gmax1 {
                    gmax1 = up_candidate;
                }
            }
        }
        if !self.unshrink && gmax1 + gmax2 <= self.eps * 10.0 {
            self.unshrink = true;
            self.reconstruct_gradient();
            self.active_size = self.l;
        }
        let mut i = 0;
        while i < self.active_size {
            if self.be_shrunk(i, gmax1, gmax2) {
                self.active_size -= 1;
                while self.active_size > i {
                    if !self.be_shrunk(self.active_size, gmax1, gmax2) {
                        self.swap_index(i, self.active_size);
                        break;
                    }
                    self.active_size -= 1;
                }
            }
            i += 1;
        }
    }
}
