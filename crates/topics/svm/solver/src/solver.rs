//! libsvm's `Solver` for one binary C-SVC dual, run one iteration at a time:
//! minimise ½αᵀQα − eᵀα subject to yᵀα = 0 and 0 ≤ α_i ≤ C.
//! Working-set selection is in `select`, shrinking in `shrink`, the pair update in
//! `update`.
//!
//! libsvm keeps the gradient G and caches Q_ij = y_i y_j K_ij, then multiplies by
//! or branches on y in every loop. Here the solver keeps yG (y_t G_t) and its
//! G_bar likewise, and the cache holds K: since y_t = ±1, every sum and product is
//! libsvm's up to an exact sign flip, so the iterates are bit for bit the same,
//! while the hot loops need neither y nor a multiply by it.

use super::kernel::Kernel;
use super::qmatrix::QMatrix;

/// Where α_i sits relative to its box [0, C].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Lower,
    Upper,
    Free,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SolverConfig {
    /// Stop when m(α) − M(α) < eps (libsvm `-e`, scikit-learn `tol`).
    pub eps: f64,
    pub shrinking: bool,
    /// Kernel cache budget in entries (f32, as libsvm's `Qfloat`).
    pub cache_entries: usize,
    /// Iteration cap; `None` means max(100 000, 100·l).
    pub max_iter: Option<usize>,
}

impl Default for SolverConfig {
    fn default() -> Self {
        SolverConfig {
            eps: 1e-3,
            shrinking: true,
            // 16 MiB of f32: a 2000-point problem stays fully cached, and the wasm heap small.
            cache_entries: 4 << 20,
            max_iter: None,
        }
    }
}

impl SolverConfig {
    pub fn iteration_cap(&self, l: usize) -> usize {
        self.max_iter
            .unwrap_or_else(|| 100_000usize.max(l.saturating_mul(100)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    Running,
    Converged,
    /// Hit the iteration cap; the gap is m − M at that point.
    CapReached {
        gap: f64,
    },
}

/// What one iteration did, for step-by-step display. Indices are positions in the
/// binary problem as it was given (not the solver's shuffled order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepInfo {
    pub iteration: usize,
    pub i: usize,
    pub j: usize,
    /// m(α) − M(α) over the active set when (i, j) was chosen.
    pub gap: f64,
    pub alpha_i: (f64, f64),
    pub alpha_j: (f64, f64),
    /// ½αᵀQα − eᵀα after the update.
    pub objective: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SolverRun {
    pub(super) q: QMatrix,
    pub(super) l: usize,
    pub(super) y: Vec<f64>,
    pub(super) alpha: Vec<f64>,
    pub(super) bound: Vec<Bound>,
    /// Membership of I_up = {t : y_t α_t can grow} and I_low (can shrink),
    /// kept alongside `bound` so selection does not re-derive it.
    pub(super) in_up: Vec<bool>,
    pub(super) in_low: Vec<bool>,
    /// y_t G_t, where G = Qα − e is the dual gradient.
    pub(super) yg: Vec<f64>,
    /// y_t G_bar_t, G_bar being the gradient contribution of the variables at the
    /// upper bound (libsvm G_bar).
    pub(super) yg_bar: Vec<f64>,
    /// The I_up maximum (−yG, position) as `update_pair` found it while updating
    /// yG, for the next selection; `None` after anything else changed yG or the order.
    pub(super) next_up: Option<(f64, Option<usize>)>,
    /// Solver position -> original index.
    pub(super) active_set: Vec<usize>,
    pub(super) active_size: usize,
    pub(super) c: f64,
    pub(super) eps: f64,
    shrinking: bool,
    pub(super) unshrink: bool,
    counter: usize,
    iter: usize,
    max_iter: usize,
    objective: f64,
    phase: Phase,
    last_gap: f64,
}

/// Where α sits in [0, C], and whether it is in I_up and in I_low.
pub(super) fn classify(alpha: f64, y: f64, c: f64) -> (Bound, bool, bool) {
    let b = if alpha >= c {
        Bound::Upper
    } else if alpha <= 0.0 {
        Bound::Lower
    } else {
        Bound::Free
    };
    let (not_upper, not_lower) = (b != Bound::Upper, b != Bound::Lower);
    if y > 0.0 {
        (b, not_upper, not_lower)
    } else {
        (b, not_lower, not_upper)
    }
}

impl SolverRun {
    /// `x` holds `dim` coordinates per point, `y` is ±1, `alpha0` must be feasible
    /// (in [0, C] with yᵀα = 0; see topic-svm's `model::warm::repair`).
    pub fn new(
        kernel: Kernel,
        dim: usize,
        x: Vec<f64>,
        y: Vec<f64>,
        alpha0: Vec<f64>,
        c: f64,
        config: &SolverConfig,
    ) -> Self {
        let l = y.len();
        let q = QMatrix::new(kernel, dim, x, config.cache_entries);
        let mut run = SolverRun {
            q,
            l,
            yg: y.iter().map(|&y| -y).collect(),
            yg_bar: vec![0.0; l],
            next_up: None,
            y,
            alpha: alpha0,
            bound: vec![Bound::Lower; l],
            in_up: vec![false; l],
            in_low: vec![false; l],
            active_set: (0..l).collect(),
            active_size: l,
            c,
            eps: config.eps,
            shrinking: config.shrinking,
            unshrink: false,
            counter: l.min(1000) + 1,
            iter: 0,
            max_iter: config.iteration_cap(l),
            objective: 0.0,
            phase: Phase::Running,
            last_gap: f64::INFINITY,
        };
        for i in 0..l {
            run.update_bound(i);
        }
        run.init_gradient();
        run.objective = run.full_objective();
        run
    }

    fn init_gradient(&mut self) {
        for i in 0..self.l {
            if self.bound[i] == Bound::Lower {
                continue;
            }
            // y_t (a Q_it) = (y_i a) K_it, exactly.
            let (ya, yc) = (self.y[i] * self.alpha[i], self.y[i] * self.c);
            let at_upper = self.bound[i] == Bound::Upper;
            let col = self.q.column(i, self.l);
            for (g, k) in self.yg.iter_mut().zip(col) {
                *g += ya * f64::from(*k);
            }
            if at_upper {
                for (gb, k) in self.yg_bar.iter_mut().zip(col) {
                    *gb += yc * f64::from(*k);
                }
            }
        }
    }

    pub(super) fn update_bound(&mut self, i: usize) {
        (self.bound[i], self.in_up[i], self.in_low[i]) = classify(self.alpha[i], self.y[i], self.c);
    }

    /// ½ Σ α_i (G_i − 1); valid when G is complete (not shrunk).
    fn full_objective(&self) -> f64 {
        self.alpha
            .iter()
            .zip(&self.yg)
            .zip(&self.y)
            .map(|((a, yg), y)| a * (y * yg - 1.0))
            .sum::<f64>()
            / 2.0
    }

    /// Runs one SMO iteration, or finishes. Returns `None` once the run is over.
    pub fn step(&mut self) -> Option<StepInfo> {
        if self.phase != Phase::Running {
            return None;
        }
        if self.iter >= self.max_iter {
            self.reconstruct_gradient();
            self.active_size = self.l;
            let gap = self.violation_gap();
            self.finish(Phase::CapReached { gap });
            return None;
        }
        self.counter = self.counter.saturating_sub(1);
        if self.counter == 0 {
            self.counter = self.l.min(1000);
            if self.shrinking {
                self.do_shrinking();
            }
        }
        let (i, j, gap) = match self.select_working_set() {
            Some(pair) => pair,
            None => {
                self.reconstruct_gradient();
                self.active_size = self.l;
                match self.select_working_set() {
                    Some(pair) => {
                        self.counter = 1;
                        pair
                    }
                    None => {
                        self.finish(Phase::Converged);
                        return None;
                    }
                }
            }
        };
        self.iter += 1;
        self.last_gap = gap;
        let before = (self.alpha[i], self.alpha[j]);
        let delta_obj = self.update_pair(i, j);
        self.objective += delta_obj;
        Some(StepInfo {
            iteration: self.iter,
            i: self.active_set[i],
            j: self.active_set[j],
            gap,
            alpha_i: (before.0, self.alpha[i]),
            alpha_j: (before.1, self.alpha[j]),
            objective: self.objective,
        })
    }

    fn finish(&mut self, phase: Phase) {
        self.phase = phase;
        self.objective = self.full_objective();
    }

    /// Steps until the run converges or hits the cap.
    pub fn run_to_end(&mut self) {
        while self.step().is_some() {}
    }

    pub fn phase(&self) -> Phase {
        self.phase
    }

    pub fn iterations(&self) -> usize {
        self.iter
    }

    pub fn objective(&self) -> f64 {
        self.objective
    }

    /// m − M at the last selection (infinite before the first step).
    pub fn last_gap(&self) -> f64 {
        self.last_gap
    }

    /// α in the problem's original order.
    pub fn alpha(&self) -> Vec<f64> {
        let mut out = vec![0.0; self.l];
        for (p, &orig) in self.active_set.iter().enumerate() {
            out[orig] = self.alpha[p];
        }
        out
    }
}
