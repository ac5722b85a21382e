//! One-vs-one: k(k−1)/2 binary problems and libsvm's vote.

use super::super::fit::vote;
use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::presets::Preset;
use super::super::train::{train, TrainParams};

fn params() -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Rbf,
            gamma: Gamma::Value(2.0),
            ..KernelSpec::default()
        },
        c: 1.0,
        ..TrainParams::default()
    }
}

#[test]
fn three_classes_train_three_pairs_in_libsvm_order() {
    let pts = Preset::ThreeBlobs.generate(4);
    let fit = train(&pts, &params(), &[]).unwrap();
    let pairs: Vec<(i32, i32)> = fit.pairs.iter().map(|p| (p.negative, p.positive)).collect();
    assert_eq!(pairs, vec![(1, 2), (1, 3), (2, 3)]);
    assert_eq!(fit.predict([-0.5, -0.4]), 1);
    assert_eq!(fit.predict([0.5, -0.4]), 2);
    assert_eq!(fit.predict([0.0, 0.5]), 3);
    assert!(fit.training_accuracy() > 0.9);
    assert_eq!(fit.support_per_label().len(), 3);
    assert!(
        fit.decision([0.0, 0.0]).is_none(),
        "no single decision value for 3 classes"
    );
}

#[test]
fn each_pair_is_the_binary_problem_on_its_two_classes() {
    let pts = Preset::ThreeBlobs.generate(9);
    let fit = train(&pts, &params(), &[]).unwrap();
    for pair in &fit.pairs {
        let sub: Vec<(usize, Point)> = pts
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, p)| p.label == pair.negative || p.label == pair.positive)
            .collect();
        let sub_pts: Vec<Point> = sub.iter().map(|(_, p)| *p).collect();
        let alone = train(&sub_pts, &params(), &[]).unwrap();
        let alone_pair = alone.binary().unwrap();
        assert_eq!(alone_pair.rho, pair.rho);
        assert_eq!(alone_pair.iterations, pair.iterations);
        for (k, (orig, _)) in sub.iter().enumerate() {
            assert_eq!(alone_pair.alpha[k], pair.alpha[*orig]);
        }
    }
}

#[test]
fn votes_follow_libsvm_and_ties_go_to_the_smaller_label() {
    // Pairs in order (0,1), (0,2), (1,2); positive values vote for the larger label.
    assert_eq!(vote(3, &[-1.0, -1.0, -1.0]), 0);
    assert_eq!(vote(3, &[1.0, 1.0, 1.0]), 2);
    assert_eq!(vote(3, &[1.0, -1.0, -1.0]), 1);
    // A cycle: 0 beats 1, 1 beats 2, 2 beats 0 -> one vote each -> label index 0.
    assert_eq!(vote(3, &[-1.0, 1.0, -1.0]), 0);
    // A zero decision goes to the larger label, as libsvm's `> 0` test does.
    assert_eq!(vote(2, &[0.0]), 1);
}

#[test]
fn arbitrary_integer_labels_are_sorted() {
    let mut pts = Vec::new();
    for (i, label) in [7, -3, 5, 0].into_iter().enumerate() {
        let angle = i as f64 * std::f64::consts::FRAC_PI_2;
        for k in 0..6 {
            let r = 0.6 + 0.03 * k as f64;
            pts.push(Point::new(r * angle.cos(), r * angle.sin(), label));
        }
    }
    let fit = train(&pts, &params(), &[]).unwrap();
    assert_eq!(fit.labels, vec![-3, 0, 5, 7]);
    assert_eq!(fit.pairs.len(), 6);
    assert_eq!(fit.training_accuracy(), 1.0);
}
