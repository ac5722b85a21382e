//! libsvm model files: the exact text svm-train writes, and parsing it back.

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::model_file::ModelFile;
use super::super::points::Point;
use super::super::presets::Preset;
use super::super::train::{train, TrainParams};
use super::super::SvmError;

fn params(kind: KernelKind, gamma: f64) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind,
            gamma: Gamma::Value(gamma),
            degree: 3,
            coef0: 0.5,
        },
        c: 1.0,
        ..TrainParams::default()
    }
}

#[test]
fn two_points_give_the_exact_svm_train_text() {
    let pts = [Point::new(0.0, 0.0, -1), Point::new(1.0, 1.0, 1)];
    let fit = train(&pts, &params(KernelKind::Rbf, 2.0), &[]).unwrap();
    let text = ModelFile::from_fit(&fit).to_text();
    let want = "svm_type c_svc\nkernel_type rbf\ngamma 2\nnr_class 2\ntotal_sv 2\nrho 0\nlabel 1 -1\nnr_sv 1 1\nSV\n1 1:1 2:1 \n-1 1:0 2:0 \n";
    assert_eq!(text, want);

    let lin = train(&pts, &params(KernelKind::Linear, 2.0), &[]).unwrap();
    let head: Vec<String> = ModelFile::from_fit(&lin)
        .to_text()
        .lines()
        .take(3)
        .map(String::from)
        .collect();
    assert_eq!(head, ["svm_type c_svc", "kernel_type linear", "nr_class 2"]);

    let poly = train(&pts, &params(KernelKind::Poly, 0.5), &[]).unwrap();
    let head: Vec<String> = ModelFile::from_fit(&poly)
        .to_text()
        .lines()
        .take(5)
        .map(String::from)
        .collect();
    assert_eq!(
        head,
        [
            "svm_type c_svc",
            "kernel_type polynomial",
            "degree 3",
            "gamma 0.5",
            "coef0 0.5"
        ]
    );
}

#[test]
fn rho_and_coefficients_keep_libsvm_orientation() {
    // +1 appears first: libsvm keeps label order 1 -1 and rho as our decision's.
    let pts = Preset::BlobsOverlap.generate(2);
    let fit = train(&pts, &params(KernelKind::Linear, 1.0), &[]).unwrap();
    let model = ModelFile::from_fit(&fit);
    assert_eq!(model.labels, vec![1, -1]);
    assert_eq!(model.rho, vec![fit.binary().unwrap().rho]);
    let first_neg = model.nr_sv[0];
    assert!(model.sv[..first_neg].iter().all(|s| s.coefs[0] > 0.0));
    assert!(model.sv[first_neg..].iter().all(|s| s.coefs[0] < 0.0));
    for p in &pts {
        let ours = fit.decision(p.coords()).unwrap();
        let theirs = model.decision_values(p.coords())[0];
        assert!((ours - theirs).abs() < 1e-12);
    }
}

#[test]
fn model_text_round_trips() {
    let cases = [
        (Preset::Moons, KernelKind::Rbf),
        (Preset::Circles, KernelKind::Poly),
        (Preset::BlobsOverlap, KernelKind::Sigmoid),
        (Preset::Xor, KernelKind::Linear),
        (Preset::ThreeBlobs, KernelKind::Rbf),
    ];
    for (preset, kind) in cases {
        let pts = preset.generate(6);
        let fit = train(&pts, &params(kind, 1.5), &[]).unwrap();
        let text = ModelFile::from_fit(&fit).to_text();
        let parsed = ModelFile::parse(&text).unwrap();
        assert_eq!(parsed.to_text(), text, "{preset:?} {kind:?}");
        assert_eq!(parsed.kernel.kind, fit.kernel.kind);
        if kind.uses_gamma() {
            assert_eq!(parsed.kernel.gamma, fit.kernel.gamma);
        }
        if kind.uses_coef0() {
            assert_eq!(parsed.kernel.coef0, fit.kernel.coef0);
        }
        assert_eq!(parsed.sv.len(), fit.support_indices().len());
        // Map libsvm's pair (p, q) to ours and its orientation (positive means p).
        let mut mapping = Vec::new();
        let k = parsed.labels.len();
        for p in 0..k {
            for q in p + 1..k {
                let (lp, lq) = (parsed.labels[p], parsed.labels[q]);
                let ours = fit
                    .pairs
                    .iter()
                    .position(|f| (f.negative, f.positive) == (lp.min(lq), lp.max(lq)))
                    .unwrap();
                mapping.push((ours, if lp > lq { 1.0 } else { -1.0 }));
            }
        }
        for p in &pts {
            let theirs = parsed.decision_values(p.coords());
            let ours = fit.decision_values(p.coords());
            for (t, &(o, sign)) in theirs.iter().zip(&mapping) {
                // Feature values are stored with 8 significant digits.
                assert!(
                    (t - sign * ours[o]).abs() < 1e-5,
                    "{preset:?} {kind:?}: {t} vs {}",
                    sign * ours[o]
                );
            }
            if ours.iter().all(|v| v.abs() > 1e-3) {
                assert_eq!(
                    parsed.predict(p.coords()),
                    fit.predict(p.coords()),
                    "{preset:?} {kind:?}"
                );
            }
        }
    }
}

#[test]
fn parse_errors_name_the_line() {
    let good = "svm_type c_svc\nkernel_type rbf\ngamma 2\nnr_class 2\ntotal_sv 2\nrho 0\nlabel 1 -1\nnr_sv 1 1\nSV\n1 1:1 2:1 \n-1 1:0 2:0 \n";
    assert!(ModelFile::parse(good).is_ok());
    let line_of = |text: &str| match ModelFile::parse(text) {
        Err(SvmError::ModelFile { line, .. }) => line,
        other => panic!("expected a model file error, got {other:?}"),
    };
    assert_eq!(
        line_of(&good.replace("svm_type c_svc", "svm_type nu_svc")),
        1
    );
    assert_eq!(
        line_of(&good.replace("kernel_type rbf", "kernel_type magic")),
        2
    );
    assert_eq!(line_of(&good.replace("gamma 2", "gamma nan")), 3);
    assert_eq!(line_of(&good.replace("rho 0", "rho 0 1")), 6);
    assert_eq!(line_of(&good.replace("nr_sv 1 1", "nr_sv 1 2")), 9);
    assert_eq!(line_of(&good.replace("-1 1:0 2:0", "-1 1:0 3:0")), 11);
    assert_eq!(line_of(&good.replace("-1 1:0 2:0", "abc 1:0 2:0")), 11);
    assert_eq!(line_of(&good.replace("label 1 -1", "label 1 1")), 9);
    assert_eq!(line_of(&good.replace("nr_class 2\n", "")), 5);
    assert_eq!(line_of("svm_type c_svc\nfoo 1\n"), 2);
    assert!(ModelFile::parse("").is_err());
    assert!(ModelFile::parse(&good.replace("-1 1:0 2:0 \n", "")).is_err());
    let msg = ModelFile::parse(&good.replace("gamma 2", "gamma -1"))
        .unwrap_err()
        .to_string();
    assert!(
        msg.starts_with("Model file line 3: gamma must be greater than 0"),
        "{msg}"
    );
}

#[test]
fn models_with_a_gamma_scale_beyond_the_input_limits_read_back() {
    // Found by fuzzing (fuzz/regressions/svm_model_write): gamma 'scale' of
    // close points resolves above the 1e6 a user may type (here 2e6), and
    // of points about 1e-160 apart it was infinite; either model file was
    // written but could not be read back.
    for d in [1e-3, 1e-160] {
        let pts = [Point::new(0.0, 0.0, -1), Point::new(d, d, 1)];
        let p = TrainParams {
            kernel: KernelSpec::default(),
            ..TrainParams::default()
        };
        let fit = train(&pts, &p, &[]).unwrap();
        assert!(
            fit.kernel.gamma > 1e6 && fit.kernel.gamma.is_finite(),
            "{d}"
        );
        assert!(fit.pairs.iter().all(|p| p.rho.is_finite()), "{d}");
        let text = ModelFile::from_fit(&fit).to_text();
        let parsed = ModelFile::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(parsed.to_text(), text);
        assert_eq!(parsed.kernel.gamma, fit.kernel.gamma);
    }
}
