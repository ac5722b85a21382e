//! libsvm's `Solver` for one binary C-SVC dual, run one iteration at a time:
//! minimise ½αᵀQα − eᵀα subject to yᵀα = 0 and 0 ≤ α_i ≤ C.
//! Working-set selection is in `select`, shrinking in `shrink`, the pair update in
//! `update`.

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
    pub(super) g: Vec<f64>,
    /// Gradient contribution of the variables at the upper bound (libsvm G_bar).
    pub(super) g_bar: Vec<f64>,
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

impl SolverRun {
    /// `x` holds `dim` coordinates per point, `y` is ±1, `alpha0` must be feasible
    /// (in [0, C] with yᵀα = 0; see `warm::repair`).
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
        let q = QMatrix::new(kernel, dim, x, y.clone(), config.cache_entries);
        let mut run = SolverRun {
            q,
            l,
            y,
            alpha: alpha0,
            bound: vec![Bound::Lower; l],
            in_up: vec![false; l],
            in_low: vec![false; l],
            g: vec![-1.0; l],
            g_bar: vec![0.0; l],
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
            let (a, c, at_upper) = (self.alpha[i], self.c, self.bound[i] == Bound::Upper);
            let col = self.q.column(i, self.l);
            for (g, q) in self.g.iter_mut().zip(col) {
                *g += a * f64::from(*q);
            }
            if at_upper {
                for (gb, q) in self.g_bar.iter_mut().zip(col) {
                    *gb += c * f64::from(*q);
                }
            }
        }
    }

    pub(super) fn update_bound(&mut self, i: usize) {
        self.bound[i] = if self.alpha[i] >= self.c {
            Bound::Upper
        } else if self.alpha[i] <= 0.0 {
            Bound::Lower
        } else {
            Bound::Free
        };
        let (pos, b) = (self.y[i] > 0.0, self.bound[i]);
        self.in_up[i] = if pos {
            b != Bound::Upper
        } else {
            b != Bound::Lower
        };
        self.in_low[i] = if pos {
            b != Bound::Lower
        } else {
            b != Bound::Upper
        };
    }

    /// ½ Σ α_i (G_i − 1); valid when G is complete (not shrunk).
    fn full_objective(&self) -> f64 {
        self.alpha
            .iter()
            .zip(&self.g)
            .map(|(a, g)| a * (g - 1.0))
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
