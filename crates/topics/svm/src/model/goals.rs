//! The goals of the tours' tasks: what the reader must make true, checked
//! against the model after each of their own actions (the panel asks
//! `goal_holds` by name, since tours cross from the extras module as data).

use super::playground::Playground;

/// The linear street rests on exactly three support vectors.
pub const THREE_SUPPORT_VECTORS: &str = "three-support-vectors";
/// Every point of the ring-and-disc preset (all 120 kept) is on its side.
pub const EVERY_CIRCLE_POINT_RIGHT: &str = "every-circle-point-right";

/// The circles preset's size: the goal asks for all of its points.
const CIRCLE_POINTS: usize = 120;

pub fn goal_holds(pg: &Playground, goal: &str) -> Option<bool> {
    match goal {
        THREE_SUPPORT_VECTORS => Some(pg.fit().is_some() && pg.support_count() == 3),
        EVERY_CIRCLE_POINT_RIGHT => {
            Some(pg.points().len() == CIRCLE_POINTS && pg.training_accuracy() == Some(1.0))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, KernelKind, Preset};

    fn preset(p: Preset) -> Playground {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset { preset: p, seed: 1 })
            .unwrap();
        pg
    }

    #[test]
    fn three_support_vectors_needs_a_harder_margin_than_the_default() {
        let mut pg = preset(Preset::BlobsSeparable);
        assert_eq!(goal_holds(&pg, THREE_SUPPORT_VECTORS), Some(false));
        pg.apply(&Action::SetC(10.0)).unwrap();
        assert_eq!(goal_holds(&pg, THREE_SUPPORT_VECTORS), Some(true));
    }

    #[test]
    fn circles_need_a_kernel_that_bends() {
        let mut pg = preset(Preset::Circles);
        pg.apply(&Action::SetKernel(KernelKind::Linear)).unwrap();
        assert_eq!(goal_holds(&pg, EVERY_CIRCLE_POINT_RIGHT), Some(false));
        pg.apply(&Action::SetKernel(KernelKind::Rbf)).unwrap();
        assert_eq!(goal_holds(&pg, EVERY_CIRCLE_POINT_RIGHT), Some(true));
        pg.apply(&Action::RemovePoint { index: 0 }).unwrap();
        assert_eq!(
            goal_holds(&pg, EVERY_CIRCLE_POINT_RIGHT),
            Some(false),
            "deleting the hard points is not the answer"
        );
    }

    #[test]
    fn an_unknown_goal_is_none() {
        assert_eq!(goal_holds(&Playground::default(), "no-such-goal"), None);
    }
}
