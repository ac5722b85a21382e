//! The SVM's page says what its solver computes on the page's points.

use super::assert_says;
use topic_svm::model::{train, Fit, Gamma, KernelKind, KernelSpec, Point, Preset, TrainParams};
use topic_svm::zine::{points, HARD_C, SOFT_C, STRICT_C, XOR_SEED};

fn fit(points: &[Point], kind: KernelKind, c: f64) -> Fit {
    let kernel = KernelSpec {
        kind,
        gamma: Gamma::Scale,
        ..KernelSpec::default()
    };
    let params = TrainParams {
        kernel,
        c,
        ..TrainParams::default()
    };
    train(points, &params, &[]).expect("the page's points train")
}

fn margin(f: &Fit) -> f64 {
    f.linear_boundary()
        .and_then(|l| l.margin_width)
        .expect("a linear street")
}

#[test]
fn the_street_page_says_the_margin_support_vectors_slack_and_accuracy() {
    let clean = points(false);
    let hard = fit(&clean, KernelKind::Linear, HARD_C);
    let svs = hard.support_indices().len();
    assert!(svs >= 2 && svs < clean.len(), "{svs} support vectors");
    let kept: Vec<Point> = hard.support_indices().iter().map(|&i| clean[i]).collect();
    let again = fit(&kept, KernelKind::Linear, HARD_C);
    assert!(
        (margin(&again) - margin(&hard)).abs() < 1e-3,
        "the support vectors alone hold the same street"
    );
    let mut figures = vec![
        format!("= {:.2}", margin(&hard)),
        format!("{svs} of {} points are support vectors", clean.len()),
        format!("{} points left margin = {:.2}", kept.len(), margin(&again)),
    ];
    let dirty = points(true);
    let (soft, strict) = (
        fit(&dirty, KernelKind::Linear, SOFT_C),
        fit(&dirty, KernelKind::Linear, STRICT_C),
    );
    assert!(
        margin(&soft) > margin(&strict),
        "a small C buys a wider street"
    );
    for (c, f) in [(SOFT_C, &soft), (STRICT_C, &strict)] {
        figures.push(format!(
            "C = {c:.2} margin = {:.2} {} inside the street",
            margin(f),
            f.slacks().len()
        ));
    }
    let xor = Preset::Xor.generate(XOR_SEED);
    for (name, kind) in [("linear", KernelKind::Linear), ("RBF", KernelKind::Rbf)] {
        let right = fit(&xor, kind, 1.0).training_accuracy() * 100.0;
        figures.push(format!("{name} {}% right", right.round()));
    }
    assert_says("svm", "street", &figures);
}
