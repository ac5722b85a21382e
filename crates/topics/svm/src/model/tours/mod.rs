//! Guided tours. Every question is a bet: a step sets a scene, the reader
//! picks a choice, and only then does the step's reveal run. Each bet's right
//! choice and its explanation are read off the model by replaying the tour on
//! a fresh playground (the core's `Script`), so the numbers are the ones the
//! reader will see.

mod kernels;
mod margin;
mod solver;
mod your_turn;

use techshack_core::tour::{self, Tour};

use super::action::Action;
use super::playground::Playground;
use super::train::{train, TrainParams};

/// An SVM tour being written, played on a live playground.
type Script = tour::Script<Playground>;
/// An SVM tour with how each answer was computed (for the replay test).
pub(super) type Scripted = tour::Scripted<Playground>;

fn width(pg: &Playground) -> String {
    pg.margin_width()
        .map_or_else(|| "unbounded".into(), |w| format!("{w:.2}"))
}

fn percent(pg: &Playground) -> String {
    pg.training_accuracy()
        .map_or_else(|| "no".into(), |a| format!("{:.0}%", a * 100.0))
}

fn iterations(pg: &Playground) -> usize {
    pg.fit().map_or(0, |f| f.iterations())
}

/// Iterations a fit of the same points and parameters takes from α = 0.
fn cold_iterations(pg: &Playground) -> usize {
    let params = TrainParams {
        kernel: pg.kernel(),
        c: pg.c(),
        ..TrainParams::default()
    };
    train(pg.points(), &params, &[]).map_or(0, |f| f.iterations())
}

/// Iterations of the last (warm) fit against a cold start on the same data.
fn warm_vs_cold(pg: &Playground) -> String {
    let cold = cold_iterations(pg);
    let warm = iterations(pg);
    if warm == 0 {
        format!("None: the old α is still optimal, since the edit did not touch a support vector. From α = 0 it takes {cold}.")
    } else if warm < cold {
        format!("{warm} iterations instead of {cold} from α = 0.")
    } else {
        format!("{warm} iterations; from α = 0 it would take {cold}, so this edit moved the solution too far for the old α to help.")
    }
}

pub(super) fn scripts() -> Vec<Scripted> {
    vec![margin::tour(), kernels::tour(), solver::tour()]
}

/// The panel's tours: margins and C, kernels and γ, the solver step by step,
/// then the reader's tasks (which ask nothing; the registry checks them).
pub fn tours() -> Vec<Tour<Action>> {
    let tasks = your_turn::tour();
    scripts()
        .into_iter()
        .chain([tasks])
        .map(|s| s.tour)
        .collect()
}
