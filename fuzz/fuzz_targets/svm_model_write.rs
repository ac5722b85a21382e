//! The libsvm model file written from a fit (the SVM panel's export): it
//! must parse back, write the same text again, and keep labels, nr_sv, rho,
//! the coefficients and the kernel exactly (17 significant digits).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use topic_svm::model::{train, Gamma, KernelKind, KernelSpec, ModelFile, Point, TrainParams};

#[derive(Arbitrary, Debug)]
struct Input {
    points: Vec<(i16, i16, i8)>,
    /// Coordinates are the integers times 10^(scale % 8 - 5), or, from 128
    /// up, times 10^(-3 · (scale - 128)) (down to underflow).
    scale: u8,
    kernel: u8,
    c: (u16, u8),
    gamma: Option<(u16, u8)>,
    degree: u8,
    coef0: i16,
}

/// m × 10^(e % 13 - 6): 1e-6 to about 6.5e10, refused above the model's 1e6.
fn value((m, e): (u16, u8)) -> f64 {
    f64::from(m) * 10f64.powi(i32::from(e % 13) - 6)
}

fuzz_target!(|input: Input| {
    let unit = if input.scale < 128 {
        10f64.powi(i32::from(input.scale % 8) - 5)
    } else {
        10f64.powi(-3 * i32::from(input.scale - 128))
    };
    let points: Vec<Point> = input
        .points
        .iter()
        .take(40)
        .map(|&(x, y, l)| Point::new(f64::from(x) * unit, f64::from(y) * unit, i32::from(l)))
        .collect();
    let mut params = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::ALL[usize::from(input.kernel) % 4],
            gamma: input.gamma.map_or(Gamma::Scale, |g| Gamma::Value(value(g))),
            degree: u32::from(input.degree % 12),
            coef0: f64::from(input.coef0) / 100.0,
        },
        c: value(input.c),
        ..TrainParams::default()
    };
    params.config.max_iter = Some(20_000);
    let Ok(fit) = train(&points, &params, &[]) else {
        return;
    };
    let model = ModelFile::from_fit(&fit);
    let text = model.to_text();
    let back = ModelFile::parse(&text)
        .unwrap_or_else(|e| panic!("the written model does not parse: {e}\n{text}"));
    assert_eq!(back.to_text(), text, "writing the parsed model changes it");
    assert_eq!(back.labels, model.labels);
    assert_eq!(back.nr_sv, model.nr_sv);
    assert_eq!(back.rho, model.rho, "{text}");
    assert_eq!(back.kernel.kind, model.kernel.kind);
    if model.kernel.kind.uses_gamma() {
        assert_eq!(back.kernel.gamma, model.kernel.gamma, "{text}");
    }
    if model.kernel.kind.uses_coef0() {
        assert_eq!(back.kernel.coef0, model.kernel.coef0, "{text}");
    }
    if model.kernel.kind == KernelKind::Poly {
        assert_eq!(back.kernel.degree, model.kernel.degree);
    }
    assert_eq!(back.sv.len(), model.sv.len());
    for (b, m) in back.sv.iter().zip(&model.sv) {
        assert_eq!(b.coefs, m.coefs, "{text}");
    }
});
