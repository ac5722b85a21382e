//! What the panel says about the last training attempt.

use std::fmt;

use super::error::SvmError;
use super::fit::Fit;
use super::solver::Phase;

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Every binary problem met the tolerance.
    Converged { iterations: usize, warm: bool },
    /// The iteration cap stopped the solver first; the model is still usable.
    NotConverged { iterations: usize, gap: f64 },
    /// The points cannot be trained on yet (no points, a single class).
    Waiting(SvmError),
    /// A step-by-step run is in progress.
    Stepping { iterations: usize, gap: f64 },
}

impl Status {
    pub fn from_fit(fit: &Fit, warm: bool) -> Status {
        let iterations = fit.iterations();
        let worst_gap = fit
            .pairs
            .iter()
            .filter_map(|p| match p.phase {
                Phase::CapReached { gap } => Some(gap),
                _ => None,
            })
            .fold(None, |acc: Option<f64>, g| {
                Some(acc.map_or(g, |a| a.max(g)))
            });
        match worst_gap {
            Some(gap) => Status::NotConverged { iterations, gap },
            None => Status::Converged { iterations, warm },
        }
    }

    /// True when there is a usable model.
    pub fn has_model(&self) -> bool {
        matches!(self, Status::Converged { .. } | Status::NotConverged { .. })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Converged { iterations, warm } => {
                let start = if *warm { " (warm start)" } else { "" };
                write!(f, "Converged after {iterations} iterations{start}")
            }
            Status::NotConverged { iterations, gap } => {
                write!(
                    f,
                    "Did not converge after {iterations} iterations, gap reached {gap:.3e}"
                )
            }
            Status::Waiting(e) => write!(f, "{e}"),
            Status::Stepping { iterations, gap } => {
                if gap.is_finite() {
                    write!(f, "Stepping: {iterations} iterations, gap {gap:.3e}")
                } else {
                    write!(f, "Stepping: {iterations} iterations")
                }
            }
        }
    }
}
