//! The margin tour: support vectors, C, an outlier, a warm start and XOR
//! with a line.

use techshack_core::tour::Guess;

use super::super::action::Action;
use super::super::kernel::KernelKind;
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::{cold_iterations, iterations, percent, warm_vs_cold, width, Script, Scripted};

pub(super) fn tour() -> Scripted {
    Script::new("svm-margin", "Support vectors and the margin")
        .seed("An SVM finds the widest street between two classes, and C prices the points inside it.")
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
    let cold = cold_iterations(pg);
    match iterations(pg) {
        0 => 2,
        warm if warm < cold => 0,
        _ => 1,
    }
}
