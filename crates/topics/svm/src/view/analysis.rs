//! What the view reads off the shown model, computed once per state: support
//! vector counts, training accuracy and the margin violators. A two-class
//! model's decision values at the training points are computed once (with the
//! fast exp) and give the accuracy, each point's dual and the slacks; the model's own
//! functions would each evaluate them again with libm's exp.

use super::super::model::{Fit, PointDual, Slack};
use super::field::training_values;

#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    pub support: usize,
    pub bounded: usize,
    pub accuracy: f64,
    /// Every point's α, y f(x) and ξ in a two-class model (empty otherwise).
    pub duals: Vec<PointDual>,
}

impl Analysis {
    /// Margin violators of a two-class model, by index (empty otherwise).
    pub fn slacks(&self) -> Vec<Slack> {
        self.duals.iter().filter_map(|d| d.slack()).collect()
    }

    pub fn of(fit: &Fit) -> Analysis {
        let support = fit.support_indices().len();
        let bounded = fit.bounded_indices().len();
        let Some(pair) = fit.binary() else {
            return Analysis {
                support,
                bounded,
                accuracy: fit.training_accuracy(),
                duals: Vec::new(),
            };
        };
        let f = training_values(fit, pair);
        let mut right = 0;
        for (p, &v) in fit.points.iter().zip(&f) {
            // libsvm's vote for two classes: f < 0 → the smaller label.
            let predicted = if v < 0.0 {
                pair.negative
            } else {
                pair.positive
            };
            right += usize::from(predicted == p.label);
        }
        let duals = pair.duals(&fit.points, &f);
        let n = fit.points.len();
        Analysis {
            support,
            bounded,
            accuracy: if n == 0 { 0.0 } else { right as f64 / n as f64 },
            duals,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Action, KernelKind, Playground, Preset};
    use super::*;

    #[test]
    fn the_analysis_agrees_with_the_model() {
        let mut pg = Playground::default();
        for a in [
            Action::LoadPreset {
                preset: Preset::BlobsOverlap,
                seed: 4,
            },
            Action::SetKernel(KernelKind::Rbf),
            Action::LoadPreset {
                preset: Preset::ThreeBlobs,
                seed: 2,
            },
        ] {
            pg.apply(&a).unwrap();
            let fit = pg.fit().unwrap();
            let an = Analysis::of(fit);
            assert_eq!(an.accuracy, fit.training_accuracy());
            let theirs = fit.slacks();
            assert_eq!(an.slacks().len(), theirs.len());
            for (a, b) in an.slacks().iter().zip(&theirs) {
                assert_eq!(a.index, b.index);
                assert!((a.xi - b.xi).abs() < 1e-12);
            }
            assert_eq!(an.support, pg.support_count());
            assert_eq!(an.bounded, pg.bounded_count());
        }
    }
}
