//! The solver tour: SMO step by step, a run to the end, a C too large to
//! converge, and a warm start after a small edit.

use techshack_core::tour::Guess;

use super::super::action::Action;
use super::super::kernel::KernelKind;
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::super::status::Status;
use super::{cold_iterations, iterations, warm_vs_cold, Script, Scripted};

pub(super) fn tour() -> Scripted {
    Script::new("svm-solver", "Inside the SMO solver")
        .seed("SMO solves the dual two multipliers at a time until the optimality gap closes.")
        .bet(
            "Watch the solver. A step-by-step run starts from α = 0; next it takes one SMO step.",
            vec![
                Action::LoadPreset { preset: Preset::BlobsSeparable, seed: 1 },
                Action::SetKernel(KernelKind::Linear),
                Action::SetC(10.0),
                Action::StepStart,
            ],
            "SMO changes exactly two α at a time, keeping yᵀα = 0. Which two will its first step pick?",
            vec![Action::Step(1)],
            |_, pg| Guess::choice(&PAIR_CHOICES, pair_case(pg)),
            |_, pg| match pg.stepping().and_then(|s| s.last()) {
                Some(s) => format!(
                    "Points #{} (class {}) and #{} (class {}): the first violates optimality most (gap m − M = {:.2}); the second promises the largest drop of the objective. α{} went from {:.2} to {:.2} and α{} from {:.2} to {:.2}, so yᵀα stays 0.",
                    s.info.i, class_of(pg, s.info.i), s.info.j, class_of(pg, s.info.j), s.info.gap,
                    s.info.i, s.info.alpha_i.0, s.info.alpha_i.1, s.info.j, s.info.alpha_j.0, s.info.alpha_j.1),
                None => "The run had nothing to do.".into(),
            },
        )
        .bet(
            "Next, two more steps.",
            vec![],
            "Which way will the objective ½αᵀQα − eᵀα go?",
            vec![Action::Step(2)],
            |_, pg| Guess::choice(&OBJECTIVE_CHOICES, objective_case(pg)),
            |_, pg| match pg.stepping().and_then(|s| s.last()) {
                Some(s) => format!(
                    "{}: {}. The gap is {:.3}; the run stops once it falls below 0.001.",
                    OBJECTIVE_CHOICES[objective_case(pg)],
                    objective_trail(pg).iter().map(|o| format!("{o:.3}").replace('-', "−")).collect::<Vec<_>>().join(" → "),
                    s.info.gap),
                None => "The run already finished.".into(),
            },
        )
        .bet(
            "Next, the run goes on to the end.",
            vec![],
            "How many iterations will the whole run take?",
            vec![Action::StepFinish],
            |_, pg| Guess::choice(&ITERATION_CHOICES, iteration_case(pg)),
            |_, pg| format!(
                "{} iterations, ending with {} support vectors of {} points.",
                iterations(pg), pg.support_count(), pg.points().len()),
        )
        .bet(
            "Overlapping moons with a linear kernel. Next, a huge C = 100 000: every point inside the margin will cost a fortune.",
            vec![Action::LoadPreset { preset: Preset::Moons, seed: 1 }],
            "Will the solver converge?",
            vec![Action::SetC(100_000.0)],
            |_, pg| Guess::choice(&CONVERGE_CHOICES, converge_case(pg)),
            |_, pg| match pg.status() {
                Status::NotConverged { iterations, gap } => format!(
                    "No: it stopped at the cap of {iterations} iterations with the gap still {gap:.1e}. The model is usable but not optimal; a very large C converges slowly."),
                other => format!("Yes this time: {other}."),
            },
        )
        .step("Back to C = 1.", vec![Action::SetC(1.0)])
        .bet(
            "Next, one point will be nudged a little.",
            vec![],
            "What will the solver do after this small edit?",
            vec![Action::MovePoint { index: 0, x: 0.1, y: 0.0 }],
            |_, pg| Guess::choice(&RESTART_CHOICES, restart_case(pg)),
            |_, pg| if warm(pg) {
                format!("It warm-starts from the previous α, repaired to stay feasible: {}", warm_vs_cold(pg))
            } else {
                format!("It started over from α = 0: {} iterations.", iterations(pg))
            },
        )
        .step(
            "Everything here is libsvm's algorithm: WSS2 pair selection, shrinking, an LRU kernel cache and ρ from the free support vectors.",
            vec![],
        )
        .finish()
}

/// A class label as the panel writes it: +1, −1, 2.
fn class_of(pg: &Playground, index: usize) -> String {
    match pg.points().get(index).map(|p| p.label) {
        Some(1) => "+1".into(),
        Some(l) if l < 0 => format!("−{}", -i64::from(l)),
        Some(l) => l.to_string(),
        None => "?".into(),
    }
}

const PAIR_CHOICES: [&str; 3] = ["One point of each class", "Two +1 points", "Two −1 points"];

/// Which of `PAIR_CHOICES` the last step picked.
fn pair_case(pg: &Playground) -> usize {
    let label = |i: usize| pg.points().get(i).map_or(0, |p| p.label);
    match pg.stepping().and_then(|s| s.last()) {
        Some(s) if label(s.info.i) == label(s.info.j) && label(s.info.i) > 0 => 1,
        Some(s) if label(s.info.i) == label(s.info.j) => 2,
        _ => 0,
    }
}

const OBJECTIVE_CHOICES: [&str; 3] = [
    "Up, at every step",
    "Up and down: it zigzags",
    "Down, at every step",
];

/// The objective at α = 0 (which is 0), then after each step of the run.
fn objective_trail(pg: &Playground) -> Vec<f64> {
    let steps = pg.stepping().into_iter().flat_map(|s| s.history());
    std::iter::once(0.0)
        .chain(steps.map(|s| s.info.objective))
        .collect()
}

/// Which of `OBJECTIVE_CHOICES` the run's objective did.
fn objective_case(pg: &Playground) -> usize {
    let trail = objective_trail(pg);
    let moves = || trail.windows(2).map(|w| w[1] - w[0]);
    if moves().all(|d| d > 0.0) {
        0
    } else if moves().all(|d| d < 0.0) {
        2
    } else {
        1
    }
}

const ITERATION_CHOICES: [&str; 3] = ["Fewer than 10", "10 to 100", "More than 100"];

/// Which of `ITERATION_CHOICES` the run took.
fn iteration_case(pg: &Playground) -> usize {
    match iterations(pg) {
        n if n < 10 => 0,
        n if n <= 100 => 1,
        _ => 2,
    }
}

const CONVERGE_CHOICES: [&str; 3] = [
    "Yes, within a thousand iterations",
    "No: it stops at the iteration cap",
    "Yes, but only after more than a thousand",
];

/// Which of `CONVERGE_CHOICES` the fit did.
fn converge_case(pg: &Playground) -> usize {
    match pg.status() {
        Status::Converged { iterations, .. } if *iterations <= 1000 => 0,
        Status::Converged { .. } => 2,
        _ => 1,
    }
}

/// Whether the last fit started from the previous α. (A capped run does not
/// say; the tour's edit converges, which its test checks.)
fn warm(pg: &Playground) -> bool {
    matches!(pg.status(), Status::Converged { warm: true, .. })
}

const RESTART_CHOICES: [&str; 3] = [
    "Start over from α = 0",
    "Restart from the previous α, and need fewer iterations",
    "Restart from the previous α, but need as many or more",
];

/// Which of `RESTART_CHOICES` the solver did.
fn restart_case(pg: &Playground) -> usize {
    match (warm(pg), iterations(pg) < cold_iterations(pg)) {
        (false, _) => 0,
        (true, true) => 1,
        (true, false) => 2,
    }
}
