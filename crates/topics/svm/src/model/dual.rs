//! Each training point's part in a two-class model's dual problem: its αᵢ,
//! its functional margin yᵢf(xᵢ), its slack ξᵢ = max(0, 1 − yᵢf(xᵢ)), and
//! which of the three KKT cases it is in (α = 0 outside the margin, 0 < α < C
//! on it, α = C inside it or misclassified).

use super::fit::{Fit, PairFit};
use super::margin::Slack;
use super::points::Point;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// α = 0: not a support vector; y f(x) ≥ 1.
    Outside,
    /// 0 < α < C: a free support vector, exactly on the margin (y f(x) = 1).
    Free,
    /// α = C: a bounded support vector, inside the margin or misclassified.
    AtBound,
}

impl Role {
    /// The case in words, for the readout and the table.
    pub fn words(self) -> &'static str {
        match self {
            Role::Outside => "not a support vector (α = 0)",
            Role::Free => "free support vector, on the margin (0 < α < C)",
            Role::AtBound => "bounded support vector (α = C)",
        }
    }

    /// The case in a table cell, where the column says the rest.
    pub fn short(self) -> &'static str {
        match self {
            Role::Outside => "not an SV",
            Role::Free => "free SV",
            Role::AtBound => "SV at C",
        }
    }
}

/// One training point in the dual of a two-class model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PointDual {
    /// Index into the training points.
    pub index: usize,
    /// +1 for the larger label, −1 for the smaller.
    pub y: f64,
    pub alpha: f64,
    /// y f(x), the functional margin: 1 on the margin lines.
    pub margin: f64,
    /// ξ = max(0, 1 − y f(x)).
    pub xi: f64,
    pub role: Role,
}

impl PointDual {
    /// The point's slack, if it violates the margin (ξ > 0).
    pub fn slack(&self) -> Option<Slack> {
        (self.xi > 0.0).then_some(Slack {
            index: self.index,
            xi: self.xi,
        })
    }
}

impl PairFit {
    /// The dual of every point of this pair, from the decision values `f` at
    /// the training points (computed once by whoever already has them).
    /// Points outside the pair, or without a finite f, are left out.
    pub fn duals(&self, points: &[Point], f: &[f64]) -> Vec<PointDual> {
        let mut role = vec![Role::Outside; points.len()];
        for s in &self.support {
            if let Some(r) = role.get_mut(s.index) {
                *r = if s.at_bound {
                    Role::AtBound
                } else {
                    Role::Free
                };
            }
        }
        let mut out = Vec::with_capacity(points.len());
        for (index, (p, &fx)) in points.iter().zip(f).enumerate() {
            let Some(y) = self.sign_of(p.label).filter(|_| fx.is_finite()) else {
                continue;
            };
            let margin = y * fx;
            out.push(PointDual {
                index,
                y,
                alpha: self.alpha.get(index).copied().unwrap_or(0.0),
                margin,
                xi: (1.0 - margin).max(0.0),
                role: role[index],
            });
        }
        out
    }
}

impl Fit {
    /// The dual of every training point of a two-class model (empty for more
    /// classes, where each point has one α per pair).
    pub fn duals(&self) -> Vec<PointDual> {
        match self.binary() {
            Some(pair) => pair.duals(&self.points, &self.pair_decisions_on_training(0)),
            None => Vec::new(),
        }
    }
}
