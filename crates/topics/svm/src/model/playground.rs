//! The panel's state as a reducer: points, kernel parameters and the last model.
//! Every change retrains, warm-starting from the previous α when only points or
//! C changed. Invalid input is refused and leaves the state as it was.

use super::action::{Action, MAX_STEPS_PER_ACTION};
use super::csv::parse_csv;
use super::error::SvmError;
use super::fit::Fit;
use super::kernel::{check_coef0, check_degree, check_gamma, Gamma, KernelKind, KernelSpec};
use super::points::{check_count, check_point, sorted_labels, Point, MAX_CLASSES};
use super::presets::Preset;
use super::solver::SolverConfig;
use super::status::Status;
use super::stepping::StepSession;
use super::train::{check_c, train, TrainParams, TrainingRun};
use super::warm::PairAlpha;

#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub(super) points: Vec<Point>,
    /// The preset the points came from, while they are unedited.
    pub(super) origin: Option<(Preset, u64)>,
    pub(super) kernel: KernelSpec,
    pub(super) c: f64,
    pub(super) config: SolverConfig,
    pub(super) fit: Option<Fit>,
    pub(super) status: Status,
    /// α of the last fit, kept aligned with `points` through edits.
    warm: Vec<PairAlpha>,
    pub(super) stepping: Option<StepSession>,
}

pub const DEFAULT_PRESET: (Preset, u64) = (Preset::BlobsSeparable, 1);

impl Default for Playground {
    /// Separable blobs with a linear kernel and C = 1.
    fn default() -> Self {
        let (preset, seed) = DEFAULT_PRESET;
        let kernel = KernelSpec {
            kind: KernelKind::Linear,
            ..KernelSpec::default()
        };
        Playground::with(preset.generate(seed), Some(DEFAULT_PRESET), kernel, 1.0).0
    }
}

/// Rounds to 3 decimals: the precision links keep.
pub fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

impl Playground {
    /// A playground trained on `points`, and whether training was possible.
    pub(super) fn new(
        points: Vec<Point>,
        origin: Option<(Preset, u64)>,
        kernel: KernelSpec,
        c: f64,
    ) -> Self {
        Playground {
            points,
            origin,
            kernel,
            c,
            config: SolverConfig::default(),
            fit: None,
            status: Status::Waiting(SvmError::EmptyData),
            warm: Vec::new(),
            stepping: None,
        }
    }

    pub(super) fn with(
        points: Vec<Point>,
        origin: Option<(Preset, u64)>,
        kernel: KernelSpec,
        c: f64,
    ) -> (Self, Result<(), SvmError>) {
        let mut p = Playground::new(points, origin, kernel, c);
        let trained = p.retrain();
        (p, trained)
    }

    pub(super) fn params(&self) -> TrainParams {
        TrainParams {
            kernel: self.kernel,
            c: self.c,
            config: self.config,
        }
    }

    /// Trains on the current points. Missing data becomes a `Waiting` status;
    /// any other error is returned so the caller can undo the change.
    fn retrain(&mut self) -> Result<(), SvmError> {
        let warm_used = !self.warm.is_empty();
        match train(&self.points, &self.params(), &self.warm) {
            Ok(fit) => {
                self.status = Status::from_fit(&fit, warm_used);
                self.warm = fit.warm_start();
                self.fit = Some(fit);
                Ok(())
            }
            Err(e @ (SvmError::EmptyData | SvmError::SingleClass { .. })) => {
                self.status = Status::Waiting(e);
                self.warm.clear();
                self.fit = None;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn point_index(&self, index: usize) -> Result<(), SvmError> {
        if index >= self.points.len() {
            return Err(SvmError::PointIndex {
                index,
                len: self.points.len(),
            });
        }
        Ok(())
    }

    fn check_label_count(&self, extra: i32) -> Result<(), SvmError> {
        let mut labels = sorted_labels(&self.points);
        if !labels.contains(&extra) {
            labels.push(extra);
        }
        if labels.len() > MAX_CLASSES {
            return Err(SvmError::TooManyClasses {
                got: labels.len(),
                max: MAX_CLASSES,
            });
        }
        Ok(())
    }

    /// Applies one action. On error nothing changes.
    pub fn apply(&mut self, action: &Action) -> Result<(), SvmError> {
        match action {
            Action::StepStart => return self.step_start(),
            Action::Step(n) => return self.step_by((*n).min(MAX_STEPS_PER_ACTION)),
            Action::StepFinish => return self.step_finish(),
            Action::ImportCsvStepwise(text) => return self.import_stepwise(text),
            _ => {}
        }
        let saved = (
            self.points.clone(),
            self.origin,
            self.kernel,
            self.c,
            self.warm.clone(),
        );
        self.edit(action)?;
        if let Err(e) = self.retrain() {
            (self.points, self.origin, self.kernel, self.c, self.warm) = saved;
            return Err(e);
        }
        self.stepping = None;
        Ok(())
    }

    /// Validates and applies the change itself, keeping `warm` aligned.
    fn edit(&mut self, action: &Action) -> Result<(), SvmError> {
        match action {
            Action::AddPoint { x, y, label } => {
                check_point(&Point::new(*x, *y, *label))?;
                let p = Point::new(round3(*x), round3(*y), *label);
                check_count(self.points.len() + 1)?;
                self.check_label_count(*label)?;
                self.points.push(p);
                self.warm.iter_mut().for_each(|w| w.alpha.push(0.0));
                self.origin = None;
            }
            Action::MovePoint { index, x, y } => {
                self.point_index(*index)?;
                check_point(&Point::new(*x, *y, 0))?;
                let p = Point::new(round3(*x), round3(*y), self.points[*index].label);
                self.points[*index] = p;
                self.origin = None;
            }
            Action::RemovePoint { index } => {
                self.point_index(*index)?;
                self.points.remove(*index);
                for w in &mut self.warm {
                    if *index < w.alpha.len() {
                        w.alpha.remove(*index);
                    }
                }
                self.origin = None;
            }
            Action::SetLabel { index, label } => {
                self.point_index(*index)?;
                self.check_label_count(*label)?;
                self.points[*index].label = *label;
                for w in &mut self.warm {
                    if let Some(a) = w.alpha.get_mut(*index) {
                        *a = 0.0;
                    }
                }
                self.origin = None;
            }
            Action::SetC(c) => {
                check_c(*c)?;
                // Scaling keeps bounded α at the bound and the free ones in
                // proportion: the C path is close to linear near the old C.
                let ratio = *c / self.c;
                for a in self.warm.iter_mut().flat_map(|w| w.alpha.iter_mut()) {
                    *a *= ratio;
                }
                self.c = *c;
            }
            Action::SetKernel(kind) => self.set_kernel(|k| k.kind = *kind),
            Action::SetGamma(g) => {
                if let Gamma::Value(v) = g {
                    check_gamma(*v)?;
                }
                self.set_kernel(|k| k.gamma = *g);
            }
            Action::SetDegree(d) => {
                check_degree(*d)?;
                self.set_kernel(|k| k.degree = *d);
            }
            Action::SetCoef0(c0) => {
                check_coef0(*c0)?;
                self.set_kernel(|k| k.coef0 = *c0);
            }
            Action::LoadPreset { preset, seed } => {
                self.points = preset.generate(*seed);
                self.origin = Some((*preset, *seed));
                self.warm.clear();
            }
            Action::Clear => {
                self.points.clear();
                self.origin = None;
                self.warm.clear();
            }
            Action::ImportCsv(text) => {
                let points = parse_csv(text)?;
                self.points = points;
                self.origin = None;
                self.warm.clear();
            }
            Action::StepStart
            | Action::Step(_)
            | Action::StepFinish
            | Action::ImportCsvStepwise(_) => {}
        }
        Ok(())
    }

    /// A kernel change starts cold: the old α belongs to another feature space.
    fn set_kernel(&mut self, change: impl FnOnce(&mut KernelSpec)) {
        change(&mut self.kernel);
        self.warm.clear();
    }

    fn step_start(&mut self) -> Result<(), SvmError> {
        let run = TrainingRun::new(&self.points, &self.params(), &[])?;
        self.stepping = Some(StepSession::new(run));
        self.status = Status::Stepping {
            iterations: 0,
            gap: f64::INFINITY,
        };
        Ok(())
    }

    /// Replaces the points and starts a step run on them (no model until it
    /// ends). Missing data becomes a `Waiting` status as in `retrain`.
    fn import_stepwise(&mut self, text: &str) -> Result<(), SvmError> {
        let points = parse_csv(text)?;
        let run = match TrainingRun::new(&points, &self.params(), &[]) {
            Ok(run) => Some(run),
            Err(e @ (SvmError::EmptyData | SvmError::SingleClass { .. })) => {
                self.status = Status::Waiting(e);
                None
            }
            Err(e) => return Err(e),
        };
        self.points = points;
        self.origin = None;
        self.warm.clear();
        self.fit = None;
        self.stepping = run.map(StepSession::in_chunks);
        if self.stepping.is_some() {
            self.status = Status::Stepping {
                iterations: 0,
                gap: f64::INFINITY,
            };
        }
        Ok(())
    }

    fn step_by(&mut self, n: u32) -> Result<(), SvmError> {
        let session = self.stepping.as_mut().ok_or(SvmError::NoStepRun)?;
        if session.is_finished() {
            return Ok(());
        }
        if let Some(fit) = session.advance(n) {
            self.install(fit);
        } else {
            let (iterations, gap) = session.progress();
            self.status = Status::Stepping { iterations, gap };
        }
        Ok(())
    }

    fn step_finish(&mut self) -> Result<(), SvmError> {
        let session = self.stepping.take().ok_or(SvmError::NoStepRun)?;
        let fit = session.finish();
        self.install(fit);
        Ok(())
    }

    pub(super) fn install(&mut self, fit: Fit) {
        self.status = Status::from_fit(&fit, false);
        self.warm = fit.warm_start();
        self.fit = Some(fit);
    }
}

/// What the core's panel state and tour builder are written against.
impl techshack_core::state::Playground for Playground {
    type Action = Action;
    type Refusal = SvmError;

    fn apply(&mut self, action: &Action) -> Result<(), SvmError> {
        Playground::apply(self, action)
    }

    fn goal_holds(&self, goal: &str) -> Option<bool> {
        super::goals::goal_holds(self, goal)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        super::story::values(self)
    }

    fn story_set(&self, key: &str, value: f64) -> Option<Action> {
        super::story::set(key, value)
    }
}
