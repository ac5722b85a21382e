//! What a binary decision function says about the margin: slack of the points
//! that violate it and, for the linear kernel, the hyperplane w·x + b and the
//! margin width 2/‖w‖.

use super::fit::Fit;
use super::kernel::KernelKind;

/// A training point on the wrong side of its margin: ξ_i = 1 − y_i f(x_i) > 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Slack {
    pub index: usize,
    pub xi: f64,
}

/// The separating line of a linear model: f(x) = w·x + b.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearBoundary {
    pub w: [f64; 2],
    /// b = −ρ.
    pub b: f64,
    /// 2/‖w‖; `None` when w = 0 (no boundary at all).
    pub margin_width: Option<f64>,
}

impl Fit {
    /// f(x_i) of pair `pair` at every training point (NaN for points outside it).
    pub fn pair_decisions_on_training(&self, pair: usize) -> Vec<f64> {
        let Some(p) = self.pairs.get(pair) else {
            return Vec::new();
        };
        self.points
            .iter()
            .map(|q| match p.sign_of(q.label) {
                Some(_) => self.pair_decision(pair, q.coords()).unwrap_or(f64::NAN),
                None => f64::NAN,
            })
            .collect()
    }

    /// Points of pair `pair` with ξ_i = max(0, 1 − y_i f(x_i)) > 0, by index.
    pub fn pair_slacks(&self, pair: usize) -> Vec<Slack> {
        let Some(p) = self.pairs.get(pair) else {
            return Vec::new();
        };
        p.duals(&self.points, &self.pair_decisions_on_training(pair))
            .iter()
            .filter_map(|d| d.slack())
            .collect()
    }

    /// Slack of the violators of a two-class model (empty otherwise).
    pub fn slacks(&self) -> Vec<Slack> {
        if self.binary().is_some() {
            self.pair_slacks(0)
        } else {
            Vec::new()
        }
    }

    /// w = Σ y_i α_i x_i and b = −ρ of pair `pair`, for the linear kernel only.
    pub fn pair_linear_boundary(&self, pair: usize) -> Option<LinearBoundary> {
        if self.kernel.kind != KernelKind::Linear {
            return None;
        }
        let p = self.pairs.get(pair)?;
        let mut w = [0.0, 0.0];
        for s in &p.support {
            let x = &self.points[s.index];
            w[0] += s.coef * x.x;
            w[1] += s.coef * x.y;
        }
        let norm = (w[0] * w[0] + w[1] * w[1]).sqrt();
        Some(LinearBoundary {
            w,
            b: -p.rho,
            margin_width: (norm > 0.0).then(|| 2.0 / norm),
        })
    }

    /// The linear boundary of a two-class linear model.
    pub fn linear_boundary(&self) -> Option<LinearBoundary> {
        self.binary()?;
        self.pair_linear_boundary(0)
    }
}
