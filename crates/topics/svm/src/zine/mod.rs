//! The SVM's zine page: a support vector machine in seven panels, from two
//! classes of points to kernels. The figures are the model's solver (libsvm's
//! SMO) run on a fixed set of points: the margin width 2/‖w‖, the support
//! vectors, the slack that C trades for width, the kernels' accuracy. Only
//! the site draws it, natively.

mod plot;

use crate::model::{
    train, Fit, Gamma, KernelKind, KernelSpec, Point, Preset, SolverConfig, TrainParams,
};
use techshack_core::sketch::{Anchor, Rect, Whole, Zine};

/// The page's points: two classes a straight street separates.
pub const POINTS: [(f64, f64, i32); 10] = [
    (-0.7, -0.5, -1),
    (-0.5, -0.8, -1),
    (-0.3, -0.4, -1),
    (-0.8, -0.1, -1),
    (-0.45, -0.15, -1),
    (0.3, 0.5, 1),
    (0.6, 0.2, 1),
    (0.5, 0.8, 1),
    (0.8, 0.6, 1),
    (0.25, 0.35, 1),
];
/// A point of the larger label among the other class, for C's panels.
pub const INTRUDER: (f64, f64, i32) = (-0.35, 0.05, 1);
/// C for a street as hard as the solver allows, and C's two settings.
pub const HARD_C: f64 = 1000.0;
pub const SOFT_C: f64 = 1.0;
pub const STRICT_C: f64 = 100.0;
/// The seed of the XOR points the kernel panel trains on.
pub const XOR_SEED: u64 = 7;

/// The page's points, with or without the intruder.
pub fn points(with_intruder: bool) -> Vec<Point> {
    let extra = with_intruder.then_some(INTRUDER);
    POINTS
        .iter()
        .copied()
        .chain(extra)
        .map(|(x, y, label)| Point::new(x, y, label))
        .collect()
}

/// A fit of `points` with `kind` at `c` (scikit-learn's defaults otherwise).
fn fit(points: &[Point], kind: KernelKind, c: f64) -> Option<Fit> {
    let params = TrainParams {
        kernel: KernelSpec {
            kind,
            gamma: Gamma::Scale,
            ..KernelSpec::default()
        },
        c,
        config: SolverConfig::default(),
    };
    train(points, &params, &[]).ok()
}

/// `x` to two decimals ("3.54"), by integer arithmetic.
fn hundredths(x: f64) -> String {
    let h = (x * 100.0).round() as i64;
    format!(
        "{}{}.{:02}",
        if h < 0 { "-" } else { "" },
        h.abs() / 100,
        h.abs() % 100
    )
}

/// The page drawn but not finished (see `PanelModel::zines`).
pub(crate) fn zines() -> Vec<(&'static str, Zine)> {
    vec![("street", page())]
}

fn page() -> Zine {
    let mut z = Zine::new(
        2005,
        "Support vector machines: the widest street",
        "libsvm's SMO solver (Fan, Chen & Lin 2005) · every figure from the SVM model",
        7,
    );
    let clean = points(false);
    let hard = fit(&clean, KernelKind::Linear, HARD_C);
    two_classes(&mut z, 0, &clean);
    margin(&mut z, 1, &clean, hard.as_ref());
    support(&mut z, 2, &clean, hard.as_ref());
    only_support(&mut z, 3, &clean, hard.as_ref());
    let dirty = points(true);
    c_panel(
        &mut z,
        4,
        &dirty,
        SOFT_C,
        "Small C: a wider street. Points inside it pay slack, the stray one too.",
    );
    c_panel(
        &mut z,
        5,
        &dirty,
        STRICT_C,
        "Large C: slack costs more, so the street narrows to keep points out.",
    );
    kernels(&mut z, 6);
    z
}

/// A plot on the left of the panel's area, and where its notes go.
fn plot_area(a: Rect) -> (Rect, f64) {
    let side = (a.h - 4.0).min(150.0);
    (
        Rect::new(a.x + 4.0, a.y + 2.0, side, side),
        a.x + side + 18.0,
    )
}

fn two_classes(z: &mut Zine, k: usize, pts: &[Point]) {
    let a = z.caption(
        k,
        "Points of two classes. Which straight line splits them best?",
    );
    let (p, x) = plot_area(a);
    plot::scatter(z, p, pts, &[]);
    let count = |l: i32| pts.iter().filter(|q| q.label == l).count();
    z.text(
        (x, a.y + 40.0),
        &format!("{} circles", count(-1)),
        15.0,
        Anchor::Start,
    );
    z.text(
        (x, a.y + 66.0),
        &format!("{} squares", count(1)),
        15.0,
        Anchor::Start,
    );
    z.text_coloured(
        (x, a.y + 100.0),
        "many lines split them",
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

fn margin(z: &mut Zine, k: usize, pts: &[Point], fit: Option<&Fit>) {
    let a = z.caption(
        k,
        "The SVM takes the line with the widest street around it: the margin.",
    );
    let (p, x) = plot_area(a);
    plot::scatter(z, p, pts, &[]);
    let Some(l) = fit.and_then(Fit::linear_boundary) else {
        return;
    };
    plot::street(z, p, &l);
    let width = l.margin_width.map_or_else(|| "none".to_owned(), hundredths);
    z.text((x, a.y + 40.0), "margin = 2/‖w‖", 15.0, Anchor::Start);
    z.text((x, a.y + 66.0), &format!("= {width}"), 15.0, Anchor::Start);
    z.text_coloured(
        (x, a.y + 100.0),
        "in the plot's units",
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

fn support(z: &mut Zine, k: usize, pts: &[Point], fit: Option<&Fit>) {
    let a = z.caption(
        k,
        "Only the points on the street's edges hold it up: the support vectors.",
    );
    let (p, x) = plot_area(a);
    let Some(fit) = fit else { return };
    plot::scatter(z, p, pts, &fit.support_indices());
    if let Some(l) = fit.linear_boundary() {
        plot::street(z, p, &l);
    }
    let line = format!("{} of {} points", fit.support_indices().len(), pts.len());
    z.text((x, a.y + 40.0), &line, 15.0, Anchor::Start);
    z.text((x, a.y + 66.0), "are support vectors", 15.0, Anchor::Start);
    z.text_coloured(
        (x, a.y + 100.0),
        "(ringed)",
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

fn only_support(z: &mut Zine, k: usize, pts: &[Point], fit: Option<&Fit>) {
    let a = z.caption(
        k,
        "Keep only the support vectors and train again: the street does not move.",
    );
    let (p, x) = plot_area(a);
    let Some(fit) = fit else { return };
    let kept: Vec<Point> = fit.support_indices().iter().map(|&i| pts[i]).collect();
    let again = fit_again(&kept);
    let all: Vec<usize> = (0..kept.len()).collect();
    plot::scatter(z, p, &kept, &all);
    if let Some(l) = again.as_ref().and_then(Fit::linear_boundary) {
        plot::street(z, p, &l);
        let width = l.margin_width.map_or_else(|| "none".to_owned(), hundredths);
        z.text(
            (x, a.y + 40.0),
            &format!("{} points left", kept.len()),
            15.0,
            Anchor::Start,
        );
        z.text(
            (x, a.y + 66.0),
            &format!("margin = {width}"),
            15.0,
            Anchor::Start,
        );
    }
}

fn fit_again(kept: &[Point]) -> Option<Fit> {
    fit(kept, KernelKind::Linear, HARD_C)
}

fn c_panel(z: &mut Zine, k: usize, pts: &[Point], c: f64, caption: &str) {
    let a = z.caption(k, caption);
    let (p, x) = plot_area(a);
    let Some(fit) = fit(pts, KernelKind::Linear, c) else {
        return;
    };
    plot::scatter(z, p, pts, &fit.support_indices());
    let Some(l) = fit.linear_boundary() else {
        return;
    };
    plot::street(z, p, &l);
    let width = l.margin_width.map_or_else(|| "none".to_owned(), hundredths);
    z.text(
        (x, a.y + 30.0),
        &format!("C = {}", hundredths(c)),
        15.0,
        Anchor::Start,
    );
    z.text(
        (x, a.y + 56.0),
        &format!("margin = {width}"),
        15.0,
        Anchor::Start,
    );
    let slack = format!("{} inside the street", fit.slacks().len());
    z.text((x, a.y + 82.0), &slack, 15.0, Anchor::Start);
    let sv = format!("{} support vectors", fit.support_indices().len());
    z.text_coloured((x, a.y + 108.0), &sv, 13.0, Anchor::Start, "var(--muted)");
}

fn kernels(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "No straight line splits XOR. A kernel (here RBF) bends the boundary around the classes.",
    );
    let pts = Preset::Xor.generate(XOR_SEED);
    for (i, kind) in [KernelKind::Linear, KernelKind::Rbf]
        .into_iter()
        .enumerate()
    {
        let left = a.x + i as f64 * a.w / 2.0;
        let cell = Rect::new(left, a.y, a.w / 2.0, a.h);
        let (p, x) = plot_area(cell);
        let Some(fit) = fit(&pts, kind, 1.0) else {
            continue;
        };
        plot::regions(z, p, &fit);
        plot::scatter(z, p, &pts, &[]);
        let name = if kind == KernelKind::Linear {
            "linear"
        } else {
            "RBF"
        };
        z.text((x, a.y + 40.0), name, 16.0, Anchor::Start);
        let right = format!("{}% right", Whole(fit.training_accuracy() * 100.0));
        z.text((x, a.y + 68.0), &right, 15.0, Anchor::Start);
    }
}
