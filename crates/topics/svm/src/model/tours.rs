//! Guided tours. Each predicted answer is computed by replaying the tour on a
//! fresh playground (the core's `Script`), so the numbers are the ones the
//! learner will see.

use techshack_core::tour::{self, Guess, Tour};

use super::action::Action;
use super::kernel::{Gamma, KernelKind};
use super::playground::Playground;
use super::presets::Preset;
use super::status::Status;
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

/// Iterations of the last (warm) fit against a cold start on the same data.
fn warm_vs_cold(pg: &Playground) -> String {
    let params = TrainParams {
        kernel: pg.kernel(),
        c: pg.c(),
        ..TrainParams::default()
    };
    let cold = train(pg.points(), &params, &[]).map_or(0, |f| f.iterations());
    let warm = iterations(pg);
    if warm == 0 {
        format!("None: the old α is still optimal, since the edit did not touch a support vector. From α = 0 it takes {cold}.")
    } else if warm < cold {
        format!("{warm} iterations instead of {cold} from α = 0.")
    } else {
        format!("{warm} iterations; from α = 0 it would take {cold}, so this edit moved the solution too far for the old α to help.")
    }
}

fn iterations(pg: &Playground) -> usize {
    pg.fit().map_or(0, |f| f.iterations())
}

fn margin_tour() -> Scripted {
    Script::new("svm-margin", "Support vectors and the margin")
        .bet(
            "Forty points in two clouds and a linear kernel. The solver looks for the widest empty street between the classes.",
            vec![],
            "How many of the forty points will hold the street up (be support vectors)?",
            vec![
                Action::LoadPreset { preset: Preset::BlobsSeparable, seed: 1 },
                Action::SetKernel(KernelKind::Linear),
                Action::SetC(10.0),
            ],
            |_, pg| Guess::choice(&HOLDERS_CHOICES, holders(pg)),
            |_, pg| format!(
                "Only {} of the {} points: those on the edges of the street (margin width {}). Every other point has α = 0, so deleting it would not move the line.",
                pg.support_count(), pg.points().len(), width(pg)),
        )
        .bet(
            "Make C small: the solver now pays little for points inside the street.",
            vec![],
            "What happens to the margin when C shrinks from 10 to 0.05?",
            vec![Action::SetC(0.05)],
            |before, pg| Guess::choice(&WIDTH_CHOICES, width_change(before, pg)),
            |before, pg| format!(
                "It widens from {} to {}, and {} points become support vectors, {} of them at the bound α = C inside the street.",
                width(before), width(pg), pg.support_count(), pg.bounded_count()),
        )
        .bet(
            "Now make violations expensive.",
            vec![],
            "What happens to the margin when C grows from 0.05 to 1000?",
            vec![Action::SetC(1000.0)],
            |before, pg| Guess::choice(&WIDTH_CHOICES, width_change(before, pg)),
            |before, pg| format!(
                "It narrows from {} to {} and only {} support vectors remain: with C large, no point may sit inside the street (a hard margin).",
                width(before), width(pg), pg.support_count()),
        )
        .bet(
            "Next, a −1 point will land deep inside the +1 cloud, where no line can classify it correctly.",
            vec![],
            "What will the solver do with it?",
            vec![Action::AddPoint { x: 0.35, y: 0.3, label: -1 }],
            |_, pg| Guess::choice(&OUTLIER_CHOICES, outlier_fate(pg)),
            |_, pg| {
                let xi = pg.slacks().iter().find(|s| s.index + 1 == pg.points().len()).map_or(0.0, |s| s.xi);
                format!(
                    "It gives up on it: the point gets α = C (a bounded support vector) and slack ξ = {xi:.2}. Training accuracy is {}.",
                    percent(pg))
            },
        )
        .bet(
            "Next, a point of the −1 cloud moves a little. The playground restarts the solver from the previous α instead of from zero.",
            vec![],
            "How much work does this warm start need, against starting from α = 0?",
            vec![Action::MovePoint { index: 2, x: -0.4, y: -0.3 }],
            |_, pg| Guess::choice(&WARM_CHOICES, warm_case(pg)),
            |_, pg| warm_vs_cold(pg),
        )
        .bet(
            "XOR: the classes will sit in opposite quadrants, still with a linear kernel.",
            vec![Action::SetC(1.0)],
            "What training accuracy can a linear SVM reach on XOR?",
            vec![Action::LoadPreset { preset: Preset::Xor, seed: 1 }],
            |_, pg| Guess::choice(&XOR_CHOICES, xor_case(pg)),
            |_, pg| format!(
                "Only {}: no straight line splits the quadrants, so {} of {} points end up as support vectors. The kernels tour fixes this.",
                percent(pg), pg.support_count(), pg.points().len()),
        )
        .finish()
}

const HOLDERS_CHOICES: [&str; 3] = [
    "A handful: the ones on the edges of the street",
    "About half of them",
    "All forty",
];

/// Which of `HOLDERS_CHOICES` the fit has.
fn holders(pg: &Playground) -> usize {
    match pg.support_count() {
        n if n * 8 <= pg.points().len() => 0,
        n if n < pg.points().len() => 1,
        _ => 2,
    }
}

const XOR_CHOICES: [&str; 3] = [
    "About half the points: a line does little better than a coin",
    "About three quarters",
    "All of them",
];

/// Which of `XOR_CHOICES` the fit reaches.
fn xor_case(pg: &Playground) -> usize {
    match pg.training_accuracy().unwrap_or(0.0) {
        a if a < 0.65 => 0,
        a if a < 0.95 => 1,
        _ => 2,
    }
}

const WIDTH_CHOICES: [&str; 3] = ["It widens", "It narrows", "It stays the same"];

/// Which of `WIDTH_CHOICES` the model shows (a change under 1% is "the same").
fn width_change(before: &Playground, after: &Playground) -> usize {
    match (before.margin_width(), after.margin_width()) {
        (Some(b), Some(a)) if a > b * 1.01 => 0,
        (Some(b), Some(a)) if a < b * 0.99 => 1,
        _ => 2,
    }
}

const OUTLIER_CHOICES: [&str; 3] = [
    "It moves the line until the point is on its side",
    "It gives up on it: α = C, and the point stays on the wrong side",
    "It ignores it: α = 0",
];

/// Which of `OUTLIER_CHOICES` happened to the last point added.
fn outlier_fate(pg: &Playground) -> usize {
    let last = pg.points().len().saturating_sub(1);
    let xi = pg
        .slacks()
        .iter()
        .find(|s| s.index == last)
        .map_or(0.0, |s| s.xi);
    let bounded = pg
        .fit()
        .is_some_and(|f| f.bounded_indices().contains(&last));
    match (bounded, xi > 1.0) {
        (true, true) => 1,
        (_, false) if xi == 0.0 && !bounded => 2,
        _ => 0,
    }
}

const WARM_CHOICES: [&str; 3] = [
    "Fewer iterations than from α = 0",
    "As many or more",
    "None at all: the old α is still optimal",
];

/// Which of `WARM_CHOICES` the warm start did.
fn warm_case(pg: &Playground) -> usize {
    let params = TrainParams {
        kernel: pg.kernel(),
        c: pg.c(),
        ..TrainParams::default()
    };
    let cold = train(pg.points(), &params, &[]).map_or(0, |f| f.iterations());
    match iterations(pg) {
        0 => 2,
        warm if warm < cold => 0,
        _ => 1,
    }
}

fn kernel_tour() -> Scripted {
    Script::new("svm-kernels", "Kernels and γ")
        .step(
            "XOR again, with a linear kernel: many points end up on the wrong side.",
            vec![Action::LoadPreset { preset: Preset::Xor, seed: 1 }, Action::SetKernel(KernelKind::Linear)],
        )
        .ask(
            "Switch to the RBF kernel, K(x, x') = exp(−γ‖x − x'‖²), with scikit-learn's γ = 'scale'.",
            vec![Action::SetKernel(KernelKind::Rbf)],
            "Can the RBF kernel separate XOR?",
            |_, pg| format!(
                "Yes: training accuracy is {} with γ = {:.2} and {} support vectors.",
                percent(pg), pg.gamma_used().unwrap_or(0.0), pg.support_count()),
        )
        .ask(
            "Make γ tiny: each point's influence now reaches across the whole square.",
            vec![Action::SetGamma(Gamma::Value(0.1))],
            "What does a very small γ do to the boundary?",
            |_, pg| format!(
                "It becomes almost straight, as with the linear kernel: accuracy falls to {}.", percent(pg)),
        )
        .ask(
            "Now make γ huge.",
            vec![Action::SetGamma(Gamma::Value(1000.0))],
            "Why does a huge γ make every point a support vector?",
            |_, pg| format!(
                "{} of {} points are support vectors. With γ = 1000, K(x, x') is almost 0 for any two distinct points, so no point is covered by its neighbours' α: each needs its own α > 0. Training accuracy is {}, but the model has memorised the points.",
                pg.support_count(), pg.points().len(), percent(pg)),
        )
        .ask(
            "Circles: a ring of −1 around a disc of +1, with γ back to 'scale'.",
            vec![Action::SetGamma(Gamma::Scale), Action::LoadPreset { preset: Preset::Circles, seed: 1 }],
            "How many support vectors does the RBF model need for the ring?",
            |_, pg| format!(
                "{} of {}: only the points near the circular boundary. Accuracy is {}.",
                pg.support_count(), pg.points().len(), percent(pg)),
        )
        .ask(
            "Try a polynomial kernel of degree 2, (γ u·v + coef0)².",
            vec![Action::SetKernel(KernelKind::Poly), Action::SetDegree(2)],
            "Can a degree-2 polynomial separate a ring from a disc?",
            |_, pg| format!(
                "Yes ({}): x² and y² are among its features, and a circle is a straight line in them. It needs {} support vectors.",
                percent(pg), pg.support_count()),
        )
        .ask(
            "Three classes. libsvm trains one binary SVM per pair of classes and lets them vote.",
            vec![Action::LoadPreset { preset: Preset::ThreeBlobs, seed: 1 }, Action::SetKernel(KernelKind::Rbf)],
            "How many binary SVMs are trained for 3 classes?",
            |_, pg| format!(
                "{} (k(k−1)/2 for k = 3): 1 vs 2, 1 vs 3 and 2 vs 3. Each point gets the label with most votes; ties go to the smaller label. Accuracy is {}.",
                pg.fit().map_or(0, |f| f.pairs.len()), percent(pg)),
        )
        .finish()
}

fn solver_tour() -> Scripted {
    Script::new("svm-solver", "Inside the SMO solver")
        .ask(
            "Watch the solver. Start a step-by-step run from α = 0 and take one SMO step.",
            vec![
                Action::LoadPreset { preset: Preset::BlobsSeparable, seed: 1 },
                Action::SetKernel(KernelKind::Linear),
                Action::SetC(10.0),
                Action::StepStart,
                Action::Step(1),
            ],
            "SMO changes exactly two α at a time. Which two did it pick?",
            |_, pg| match pg.stepping().and_then(|s| s.last()) {
                Some(s) => format!(
                    "Points #{} and #{}: the first violates optimality most (gap m − M = {:.2}); the second promises the largest drop of the objective. Both α went from 0 to {:.2}, one per class, keeping yᵀα = 0.",
                    s.info.i, s.info.j, s.info.gap, s.info.alpha_i.1),
                None => "The run had nothing to do.".into(),
            },
        )
        .ask(
            "Take two more steps.",
            vec![Action::Step(2)],
            "Does the objective ½αᵀQα − eᵀα go up or down?",
            |_, pg| match pg.stepping().and_then(|s| s.last()) {
                Some(s) => format!(
                    "Down, at every step: it is now {:.3}. The gap is {:.3}; the run stops once it falls below 0.001.",
                    s.info.objective, s.info.gap),
                None => "The run already finished.".into(),
            },
        )
        .ask(
            "Run to the end.",
            vec![Action::StepFinish],
            "How many iterations did the whole run take?",
            |_, pg| format!("{} iterations, ending with {} support vectors.", iterations(pg), pg.support_count()),
        )
        .ask(
            "A huge C (100 000) on overlapping moons with a linear kernel: every point inside the margin now costs a fortune.",
            vec![Action::LoadPreset { preset: Preset::Moons, seed: 1 }, Action::SetC(100_000.0)],
            "Will the solver converge?",
            |_, pg| match pg.status() {
                Status::NotConverged { iterations, gap } => format!(
                    "No: it stopped at the cap of {iterations} iterations with the gap still {gap:.1e}. The model is usable but not optimal; a very large C converges slowly."),
                other => format!("Yes this time: {other}."),
            },
        )
        .step("Back to C = 1.", vec![Action::SetC(1.0)])
        .ask(
            "Nudge one point.",
            vec![Action::MovePoint { index: 0, x: 0.1, y: 0.0 }],
            "Does the solver start over after a small edit?",
            |_, pg| format!("No, it warm-starts from the previous α, repaired to stay feasible: {}", warm_vs_cold(pg)),
        )
        .step(
            "Everything here is libsvm's algorithm: WSS2 pair selection, shrinking, an LRU kernel cache and ρ from the free support vectors.",
            vec![],
        )
        .finish()
}

pub(super) fn scripts() -> Vec<Scripted> {
    vec![margin_tour(), kernel_tour(), solver_tour()]
}

/// The panel's tours: margins and C, kernels and γ, and the solver step by step.
pub fn tours() -> Vec<Tour<Action>> {
    let tasks = super::tours_tasks::your_turn();
    scripts()
        .into_iter()
        .chain([tasks])
        .map(|s| s.tour)
        .collect()
}
