//! Training a C-SVC: one binary problem per pair of labels (one-vs-one, as
//! libsvm), each solved by `SolverRun`. `TrainingRun` can be advanced one SMO
//! iteration at a time; `train` runs it to the end.
//!
//! As in scikit-learn's libsvm, labels are sorted and each pair's points are
//! grouped: the smaller label's points first (solver y = +1), then the larger's.

use super::error::SvmError;
use super::fit::{Fit, PairFit, SupportVector};
use super::kernel::{Kernel, KernelSpec, MAX_PARAM};
use super::points::{check_training_set, Point};
use super::solver::{SolverConfig, SolverRun, StepInfo};
use super::warm::{repair, PairAlpha};

/// Kernel values above this are refused: the kernel cache holds them as f32
/// (libsvm's `Qfloat`), where larger ones become infinite and train to a NaN
/// ρ (found by fuzzing). Gradients, in f64, multiply them by at most C·l.
const MAX_KERNEL: f64 = f32::MAX as f64;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainParams {
    pub kernel: KernelSpec,
    pub c: f64,
    pub config: SolverConfig,
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            kernel: KernelSpec::default(),
            c: 1.0,
            config: SolverConfig::default(),
        }
    }
}

pub fn check_c(c: f64) -> Result<(), SvmError> {
    if !c.is_finite() {
        return Err(SvmError::NotFinite { field: "C" });
    }
    if c <= 0.0 || c > MAX_PARAM {
        return Err(SvmError::InvalidC { got: c });
    }
    Ok(())
}

fn check_tolerance(eps: f64) -> Result<(), SvmError> {
    if !(1e-12..=1.0).contains(&eps) {
        return Err(SvmError::InvalidTolerance { got: eps });
    }
    Ok(())
}

/// One SMO iteration of some pair, with indices into the training points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingStep {
    pub negative: i32,
    pub positive: i32,
    pub info: StepInfo,
}

#[derive(Clone, Debug, PartialEq)]
struct ActivePair {
    /// Label indices (a < b).
    a: usize,
    b: usize,
    /// Training-point index of each solver variable.
    members: Vec<usize>,
    run: SolverRun,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrainingRun {
    points: Vec<Point>,
    kernel: Kernel,
    c: f64,
    config: SolverConfig,
    labels: Vec<i32>,
    warm: Vec<PairAlpha>,
    done: Vec<PairFit>,
    current: Option<ActivePair>,
}

impl TrainingRun {
    pub fn new(
        points: &[Point],
        params: &TrainParams,
        warm: &[PairAlpha],
    ) -> Result<Self, SvmError> {
        let labels = check_training_set(points)?;
        check_c(params.c)?;
        params.kernel.validate()?;
        check_tolerance(params.config.eps)?;
        let coords: Vec<f64> = points.iter().flat_map(|p| p.coords()).collect();
        let kernel = params.kernel.resolve(&coords, 2);
        let max_sq = points
            .iter()
            .map(|p| p.x * p.x + p.y * p.y)
            .fold(0.0, f64::max);
        let bound = kernel.magnitude_bound(max_sq);
        if bound.is_nan() || bound > MAX_KERNEL {
            return Err(SvmError::KernelOverflow);
        }
        let mut run = TrainingRun {
            points: points.to_vec(),
            kernel,
            c: params.c,
            config: params.config,
            labels,
            warm: warm.to_vec(),
            done: Vec::new(),
            current: None,
        };
        run.current = run.start_pair(0, 1);
        Ok(run)
    }

    pub fn kernel(&self) -> Kernel {
        self.kernel
    }

    fn start_pair(&self, a: usize, b: usize) -> Option<ActivePair> {
        let (la, lb) = (*self.labels.get(a)?, *self.labels.get(b)?);
        let members: Vec<usize> = (0..self.points.len())
            .filter(|&i| self.points[i].label == la)
            .chain((0..self.points.len()).filter(|&i| self.points[i].label == lb))
            .collect();
        let y: Vec<f64> = members
            .iter()
            .map(|&i| {
                if self.points[i].label == la {
                    1.0
                } else {
                    -1.0
                }
            })
            .collect();
        let x: Vec<f64> = members
            .iter()
            .flat_map(|&i| self.points[i].coords())
            .collect();
        let n = self.points.len();
        let mut alpha0: Vec<f64> = match self
            .warm
            .iter()
            .find(|w| w.labels == (la, lb) && w.alpha.len() == n)
        {
            Some(w) => members.iter().map(|&i| w.alpha[i]).collect(),
            None => vec![0.0; members.len()],
        };
        repair(&mut alpha0, &y, self.c);
        let run = SolverRun::new(self.kernel, 2, x, y, alpha0, self.c, &self.config);
        Some(ActivePair { a, b, members, run })
    }

    /// The pair after (a, b) in libsvm's order, if any.
    fn next_pair(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let k = self.labels.len();
        if b + 1 < k {
            Some((a, b + 1))
        } else if a + 2 < k {
            Some((a + 1, a + 2))
        } else {
            None
        }
    }

    fn pair_fit(&self, pair: &ActivePair) -> PairFit {
        let (la, lb) = (self.labels[pair.a], self.labels[pair.b]);
        let sub_alpha = pair.run.alpha();
        let mut alpha = vec![0.0; self.points.len()];
        let mut support = Vec::new();
        for (&i, &a) in pair.members.iter().zip(&sub_alpha) {
            alpha[i] = a;
            if a > 0.0 {
                let y = if self.points[i].label == lb {
                    1.0
                } else {
                    -1.0
                };
                support.push(SupportVector {
                    index: i,
                    alpha: a,
                    coef: y * a,
                    at_bound: a >= self.c,
                });
            }
        }
        PairFit {
            negative: la,
            positive: lb,
            alpha,
            support,
            // The solver's +1 class is the smaller label; ours is the larger.
            rho: -pair.run.rho(),
            iterations: pair.run.iterations(),
            phase: pair.run.phase(),
            objective: pair.run.objective(),
        }
    }

    /// One SMO iteration; `None` once every pair is solved.
    pub fn step(&mut self) -> Option<TrainingStep> {
        loop {
            let pair = self.current.as_mut()?;
            if let Some(info) = pair.run.step() {
                let map = |k: usize| pair.members.get(k).copied().unwrap_or(k);
                return Some(TrainingStep {
                    negative: self.labels[pair.a],
                    positive: self.labels[pair.b],
                    info: StepInfo {
                        i: map(info.i),
                        j: map(info.j),
                        ..info
                    },
                });
            }
            let finished = self.current.take()?;
            self.done.push(self.pair_fit(&finished));
            self.current = self
                .next_pair(finished.a, finished.b)
                .and_then(|(a, b)| self.start_pair(a, b));
        }
    }

    pub fn run_to_end(&mut self) {
        while self.step().is_some() {}
    }

    pub fn is_finished(&self) -> bool {
        self.current.is_none()
    }

    /// The model as it stands: finished pairs, the pair being solved with its
    /// current α and ρ, and nothing for pairs not yet started.
    pub fn preview(&self) -> Fit {
        let mut pairs = self.done.clone();
        if let Some(cur) = &self.current {
            pairs.push(self.pair_fit(cur));
        }
        self.fit_with(pairs)
    }

    /// The current pair's gap, objective and iteration count.
    pub fn current_progress(&self) -> Option<(f64, f64, usize)> {
        self.current
            .as_ref()
            .map(|p| (p.run.last_gap(), p.run.objective(), p.run.iterations()))
    }

    fn fit_with(&self, pairs: Vec<PairFit>) -> Fit {
        Fit {
            kernel: self.kernel,
            c: self.c,
            labels: self.labels.clone(),
            pairs,
            points: self.points.clone(),
        }
    }

    /// Runs to the end and returns the model.
    pub fn into_fit(mut self) -> Fit {
        self.run_to_end();
        let pairs = std::mem::take(&mut self.done);
        self.fit_with(pairs)
    }
}

/// Trains to convergence (or the iteration cap), warm-starting from `warm` where
/// a pair's α is given.
pub fn train(points: &[Point], params: &TrainParams, warm: &[PairAlpha]) -> Result<Fit, SvmError> {
    Ok(TrainingRun::new(points, params, warm)?.into_fit())
}
