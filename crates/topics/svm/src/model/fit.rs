//! A trained model: one binary decision function per pair of labels, and what the
//! panel shows about it.
//!
//! Orientation: every pair's decision value is positive for its larger label, as in
//! scikit-learn (`f(x) = Σ y_i α_i K(x_i, x) − ρ` with y_i = +1 for the larger label).

use super::kernel::Kernel;
use super::points::Point;
use super::solver::Phase;
use super::warm::PairAlpha;

/// A support vector of one pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SupportVector {
    /// Index into the training points.
    pub index: usize,
    pub alpha: f64,
    /// y_i α_i (scikit-learn `dual_coef_`).
    pub coef: f64,
    /// α_i = C: the point is inside the margin or misclassified.
    pub at_bound: bool,
}

/// The solution of one binary problem (labels `negative` < `positive`).
#[derive(Clone, Debug, PartialEq)]
pub struct PairFit {
    pub negative: i32,
    pub positive: i32,
    /// α for every training point (0 outside this pair).
    pub alpha: Vec<f64>,
    pub support: Vec<SupportVector>,
    pub rho: f64,
    pub iterations: usize,
    pub phase: Phase,
    /// ½αᵀQα − eᵀα at the solution.
    pub objective: f64,
}

impl PairFit {
    pub fn support_count(&self) -> usize {
        self.support.len()
    }

    /// Support vectors strictly inside (0, C): exactly on the margin.
    pub fn free_count(&self) -> usize {
        self.support.iter().filter(|s| !s.at_bound).count()
    }

    pub fn bounded_count(&self) -> usize {
        self.support.iter().filter(|s| s.at_bound).count()
    }

    /// f(x) from kernel values against all training points.
    fn decision_from(&self, kernel_at: impl Fn(usize) -> f64) -> f64 {
        self.support
            .iter()
            .map(|s| s.coef * kernel_at(s.index))
            .sum::<f64>()
            - self.rho
    }

    /// +1 for the positive label, −1 for the negative one.
    pub fn sign_of(&self, label: i32) -> Option<f64> {
        if label == self.positive {
            Some(1.0)
        } else if label == self.negative {
            Some(-1.0)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub kernel: Kernel,
    pub c: f64,
    /// Distinct labels, ascending.
    pub labels: Vec<i32>,
    /// One per pair (a, b), a < b, in libsvm's order (0,1), (0,2), …, (1,2), …
    pub pairs: Vec<PairFit>,
    pub points: Vec<Point>,
}

impl Fit {
    /// The single pair of a two-class model.
    pub fn binary(&self) -> Option<&PairFit> {
        match self.pairs.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    pub fn iterations(&self) -> usize {
        self.pairs.iter().map(|p| p.iterations).sum()
    }

    /// True when every binary problem met the stopping tolerance.
    pub fn converged(&self) -> bool {
        self.pairs.iter().all(|p| p.phase == Phase::Converged)
    }

    /// Indices of points that are a support vector of some pair, ascending.
    pub fn support_indices(&self) -> Vec<usize> {
        let mut is_sv = vec![false; self.points.len()];
        for p in &self.pairs {
            for s in &p.support {
                if let Some(flag) = is_sv.get_mut(s.index) {
                    *flag = true;
                }
            }
        }
        (0..self.points.len()).filter(|&i| is_sv[i]).collect()
    }

    /// Indices of points at the bound C in some pair, ascending.
    pub fn bounded_indices(&self) -> Vec<usize> {
        let mut idx: Vec<usize> = self
            .pairs
            .iter()
            .flat_map(|p| p.support.iter().filter(|s| s.at_bound).map(|s| s.index))
            .collect();
        idx.sort_unstable();
        idx.dedup();
        idx
    }

    /// Support vectors per label, in `labels` order (scikit-learn `n_support_`).
    pub fn support_per_label(&self) -> Vec<usize> {
        let sv = self.support_indices();
        self.labels
            .iter()
            .map(|&l| sv.iter().filter(|&&i| self.points[i].label == l).count())
            .collect()
    }

    fn kernel_to(&self, q: [f64; 2]) -> impl Fn(usize) -> f64 + '_ {
        move |i| {
            let p = &self.points[i];
            self.kernel.eval(&[p.x, p.y], &q)
        }
    }

    /// Decision value of every pair at `q` (positive means the pair's larger label).
    pub fn decision_values(&self, q: [f64; 2]) -> Vec<f64> {
        self.pairs
            .iter()
            .map(|p| p.decision_from(self.kernel_to(q)))
            .collect()
    }

    /// Decision value of pair `pair` at `q`.
    pub fn pair_decision(&self, pair: usize, q: [f64; 2]) -> Option<f64> {
        self.pairs
            .get(pair)
            .map(|p| p.decision_from(self.kernel_to(q)))
    }

    /// The binary decision value f(x) (positive for the larger label).
    pub fn decision(&self, q: [f64; 2]) -> Option<f64> {
        self.binary().map(|p| p.decision_from(self.kernel_to(q)))
    }

    /// One-vs-one vote as libsvm: pair (a, b) votes a when its libsvm decision
    /// (ours negated) is positive, else b; ties go to the smaller label.
    pub fn predict(&self, q: [f64; 2]) -> i32 {
        let winner = vote(self.labels.len(), &self.decision_values(q));
        self.labels.get(winner).copied().unwrap_or_default()
    }

    /// Fraction of training points predicted correctly.
    pub fn training_accuracy(&self) -> f64 {
        if self.points.is_empty() {
            return 0.0;
        }
        let right = self
            .points
            .iter()
            .filter(|p| self.predict(p.coords()) == p.label)
            .count();
        right as f64 / self.points.len() as f64
    }

    /// α per pair, for warm-starting the next fit.
    pub fn warm_start(&self) -> Vec<PairAlpha> {
        self.pairs
            .iter()
            .map(|p| PairAlpha {
                labels: (p.negative, p.positive),
                alpha: p.alpha.clone(),
            })
            .collect()
    }
}

/// libsvm's one-vs-one vote over `k` classes given each pair's decision value
/// (our orientation: positive means the pair's larger label). Returns the index of
/// the winning label; ties go to the smaller index.
pub fn vote(k: usize, values: &[f64]) -> usize {
    let mut votes = vec![0usize; k];
    let mut p = 0;
    for a in 0..k {
        for b in a + 1..k {
            // libsvm votes for a when its own decision value, which is -values[p], is > 0.
            if values.get(p).is_some_and(|v| -v > 0.0) {
                votes[a] += 1;
            } else {
                votes[b] += 1;
            }
            p += 1;
        }
    }
    let mut best = 0;
    for (i, &v) in votes.iter().enumerate() {
        if v > votes[best] {
            best = i;
        }
    }
    best
}
