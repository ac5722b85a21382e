//! The kernels tour: RBF on XOR, γ small and huge, circles with RBF and a
//! degree-2 polynomial, and three classes voted one pair at a time.

use techshack_core::tour::Guess;

use super::super::action::Action;
use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::super::train::{train, TrainParams};
use super::{percent, Script, Scripted};

pub(super) fn tour() -> Scripted {
    Script::new("svm-kernels", "Kernels and γ")
        .seed("A kernel lets the street bend, and γ sets how far one point's influence reaches.")
        .step(
            "XOR again, with a linear kernel: many points end up on the wrong side.",
            vec![Action::LoadPreset { preset: Preset::Xor, seed: 1 }, Action::SetKernel(KernelKind::Linear)],
        )
        .bet(
            "Next, the RBF kernel, K(x, x') = exp(−γ‖x − x'‖²), will replace the linear one, with scikit-learn's γ = 'scale'.",
            vec![],
            "What training accuracy will the RBF kernel reach on XOR?",
            vec![Action::SetKernel(KernelKind::Rbf)],
            |_, pg| Guess::choice(&RBF_XOR_CHOICES, accuracy_case(pg)),
            |_, pg| format!(
                "Training accuracy is {} with γ = {:.2} and {} support vectors: the boundary now curves around the quadrants.",
                percent(pg), pg.gamma_used().unwrap_or(0.0), pg.support_count()),
        )
        .bet(
            "Next, a tiny γ = 0.1: each point's influence will reach across the whole square.",
            vec![],
            "What will a very small γ do to the boundary?",
            vec![Action::SetGamma(Gamma::Value(0.1))],
            |before, pg| Guess::choice(&SMALL_GAMMA_CHOICES, accuracy_change(before, pg)),
            |before, pg| format!(
                "It becomes almost straight: accuracy falls from {} to {}, where the linear kernel reaches {} on these points.",
                percent(before), percent(pg),
                linear_accuracy(pg).map_or_else(|| "nothing".into(), |a| format!("{:.0}%", a * 100.0))),
        )
        .bet(
            "Now the other way: a huge γ = 1000.",
            vec![],
            "How many of the points will be support vectors?",
            vec![Action::SetGamma(Gamma::Value(1000.0))],
            |_, pg| Guess::choice(&HUGE_GAMMA_CHOICES, all_or_some(pg)),
            |_, pg| format!(
                "{} of {} points are support vectors. With γ = 1000, K(x, x') is almost 0 for any two distinct points, so no point is covered by its neighbours' α: each needs its own α > 0. Training accuracy is {}, but the model has memorised the points.",
                pg.support_count(), pg.points().len(), percent(pg)),
        )
        .bet(
            "Circles: a ring of −1 around a disc of +1 will replace XOR, with γ back to 'scale'.",
            vec![Action::SetGamma(Gamma::Scale)],
            "How many of the points will the RBF model need as support vectors?",
            vec![Action::LoadPreset { preset: Preset::Circles, seed: 1 }],
            |_, pg| Guess::choice(&RING_CHOICES, thirds(pg)),
            |_, pg| format!(
                "{} of {}: only the points near the circular boundary. Accuracy is {}.",
                pg.support_count(), pg.points().len(), percent(pg)),
        )
        .bet(
            "Next, a polynomial kernel of degree 2, (γ u·v + coef0)².",
            vec![],
            "Can a degree-2 polynomial separate the ring from the disc?",
            vec![Action::SetKernel(KernelKind::Poly), Action::SetDegree(2)],
            |_, pg| Guess::choice(&POLY_RING_CHOICES, poly_case(pg)),
            |_, pg| format!(
                "Training accuracy is {}: x² and y² are among its features, and a circle is a straight line in them. It needs {} support vectors.",
                percent(pg), pg.support_count()),
        )
        .bet(
            "Next, 3 classes with the RBF kernel. One binary SVM splits only two classes, so libsvm trains several and lets them vote.",
            vec![],
            "How many binary SVMs will libsvm train for 3 classes?",
            vec![Action::LoadPreset { preset: Preset::ThreeBlobs, seed: 1 }, Action::SetKernel(KernelKind::Rbf)],
            |_, pg| Guess::choice(&PAIRS_CHOICES, pairs_case(pg)),
            |_, pg| format!(
                "{}, one per pair of classes (k(k−1)/2 for k = 3): {}. Each point gets the label with most votes; ties go to the smaller label. Accuracy is {}.",
                pg.fit().map_or(0, |f| f.pairs.len()), pair_names(pg), percent(pg)),
        )
        .finish()
}

const RBF_XOR_CHOICES: [&str; 3] = [
    "Under 75%: no better than the line",
    "Most points, but not all",
    "Every point",
];

/// Which of `RBF_XOR_CHOICES` the fit reaches.
fn accuracy_case(pg: &Playground) -> usize {
    match pg.training_accuracy().unwrap_or(0.0) {
        a if a < 0.75 => 0,
        a if a < 1.0 => 1,
        _ => 2,
    }
}

const SMALL_GAMMA_CHOICES: [&str; 3] = [
    "It flattens towards a straight line, and accuracy falls",
    "It bends more sharply, and accuracy rises",
    "It barely changes",
];

/// Which of `SMALL_GAMMA_CHOICES` the accuracy shows (within 2 points is
/// "barely").
fn accuracy_change(before: &Playground, after: &Playground) -> usize {
    let (b, a) = (
        before.training_accuracy().unwrap_or(0.0),
        after.training_accuracy().unwrap_or(0.0),
    );
    match a - b {
        d if d < -0.02 => 0,
        d if d > 0.02 => 1,
        _ => 2,
    }
}

/// The training accuracy a linear kernel reaches on the same points and C.
fn linear_accuracy(pg: &Playground) -> Option<f64> {
    let params = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Linear,
            ..pg.kernel()
        },
        c: pg.c(),
        ..TrainParams::default()
    };
    train(pg.points(), &params, &[])
        .ok()
        .map(|f| f.training_accuracy())
}

const HUGE_GAMMA_CHOICES: [&str; 3] = [
    "Fewer than a third of them",
    "A third or more, but not all",
    "Every one of them",
];

const RING_CHOICES: [&str; 3] = [
    "Fewer than a third of them",
    "A third to two thirds",
    "More than two thirds",
];

/// Which of `HUGE_GAMMA_CHOICES` the fit has.
fn all_or_some(pg: &Playground) -> usize {
    let (sv, n) = (pg.support_count(), pg.points().len());
    match sv {
        sv if sv * 3 < n => 0,
        sv if sv < n => 1,
        _ => 2,
    }
}

/// Which third of the points (`RING_CHOICES`) are support vectors.
fn thirds(pg: &Playground) -> usize {
    let (sv, n) = (pg.support_count(), pg.points().len());
    match sv * 3 {
        s if s < n => 0,
        s if s <= 2 * n => 1,
        _ => 2,
    }
}

const POLY_RING_CHOICES: [&str; 3] = [
    "No: many points end up on the wrong side",
    "Yes: every point ends up on its side",
    "Most points, but not all",
];

/// Which of `POLY_RING_CHOICES` the fit reaches.
fn poly_case(pg: &Playground) -> usize {
    match pg.training_accuracy().unwrap_or(0.0) {
        a if a >= 1.0 => 1,
        a if a >= 0.9 => 2,
        _ => 0,
    }
}

const PAIRS_CHOICES: [&str; 4] = ["One, for all three classes", "Two", "Three", "Six"];

/// Which of `PAIRS_CHOICES` the fit trained.
fn pairs_case(pg: &Playground) -> usize {
    match pg.fit().map_or(0, |f| f.pairs.len()) {
        0 | 1 => 0,
        2 => 1,
        3..=5 => 2,
        _ => 3,
    }
}

/// "1 vs 2, 1 vs 3 and 2 vs 3": the pairs the fit trained.
fn pair_names(pg: &Playground) -> String {
    let names: Vec<String> = pg.fit().map_or_else(Vec::new, |f| {
        f.pairs
            .iter()
            .map(|p| {
                let (a, b) = (p.negative.min(p.positive), p.negative.max(p.positive));
                format!("{a} vs {b}")
            })
            .collect()
    });
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => "none".into(),
    }
}
