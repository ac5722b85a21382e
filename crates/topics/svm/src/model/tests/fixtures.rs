//! Checks the solver against scikit-learn's reference fits in
//! `shared/fixtures/svm` (see its README).

use std::path::PathBuf;

use serde::Deserialize;

use super::super::kernel::{Gamma, KernelKind, KernelSpec};
use super::super::points::Point;
use super::super::solver::SolverConfig;
use super::super::train::{train, TrainParams};

#[derive(Deserialize)]
struct Params {
    kernel: String,
    #[serde(rename = "C")]
    c: f64,
    gamma: f64,
    degree: f64,
    coef0: f64,
    tol: f64,
}

#[derive(Deserialize)]
struct Expected {
    support: Vec<usize>,
    dual_coef: Vec<f64>,
    intercept: f64,
    n_support: Vec<usize>,
    decision_train: Vec<f64>,
    probes: Vec<[f64; 2]>,
    decision_probes: Vec<f64>,
}

#[derive(Deserialize)]
pub struct Fixture {
    name: String,
    params: Params,
    #[serde(rename = "X")]
    x: Vec<[f64; 2]>,
    y: Vec<f64>,
    expected: Expected,
}

pub fn fixture_dir() -> PathBuf {
    let local = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/svm"
    ));
    if local.is_dir() {
        return local;
    }
    PathBuf::from("/work/shared/fixtures/svm")
}

fn load_all() -> Vec<Fixture> {
    let dir = fixture_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("fixture dir {} missing: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read fixture");
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

fn kind(name: &str) -> KernelKind {
    match name {
        "linear" => KernelKind::Linear,
        "poly" => KernelKind::Poly,
        "rbf" => KernelKind::Rbf,
        "sigmoid" => KernelKind::Sigmoid,
        other => panic!("unknown kernel {other}"),
    }
}

pub fn points_of(f: &Fixture) -> Vec<Point> {
    f.x.iter()
        .zip(&f.y)
        .map(|(p, &l)| Point::new(p[0], p[1], l as i32))
        .collect()
}

/// The fixture's parameters, with libsvm's own iteration cap (scikit-learn has none).
pub fn params_of(f: &Fixture) -> TrainParams {
    TrainParams {
        kernel: KernelSpec {
            kind: kind(&f.params.kernel),
            gamma: Gamma::Value(f.params.gamma),
            degree: f.params.degree as u32,
            coef0: f.params.coef0,
        },
        c: f.params.c,
        config: SolverConfig {
            eps: f.params.tol,
            max_iter: Some(10_000_000),
            ..SolverConfig::default()
        },
    }
}

pub fn load_named(name: &str) -> Fixture {
    let path = fixture_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture json")
}

fn has_duplicate_points(x: &[[f64; 2]]) -> bool {
    let mut sorted: Vec<(u64, u64)> = x.iter().map(|p| (p[0].to_bits(), p[1].to_bits())).collect();
    sorted.sort_unstable();
    sorted.windows(2).any(|w| w[0] == w[1])
}

/// Allowed |f_ours − f_sklearn|. Two solvers that both stop at m − M < tol agree
/// only to about tol times the size of the decision values, so the bound is
/// tol · max(1, max |f|). This solver repeats libsvm's arithmetic (including the
/// float kernel cache), so it lands far inside that bound (about 1e-10 observed).
fn allowed(tol: f64, scale: f64) -> f64 {
    tol * scale.max(1.0)
}

#[test]
fn matches_every_sklearn_fixture() {
    let fixtures = load_all();
    let mut checked = 0;
    for f in &fixtures {
        let name = &f.name;
        let fit =
            train(&points_of(f), &params_of(f), &[]).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(fit.converged(), "{name}: did not converge");
        let pair = fit.binary().expect("two classes");
        let e = &f.expected;
        let scale = e
            .decision_train
            .iter()
            .chain(&e.decision_probes)
            .fold(0.0f64, |m, v| m.max(v.abs()));
        let tol = allowed(f.params.tol, scale);
        for (i, (p, want)) in f.x.iter().zip(&e.decision_train).enumerate() {
            let got = fit.decision(*p).expect("binary");
            assert!(
                (got - want).abs() <= tol,
                "{name}: train point {i}: {got} vs {want} (allowed {tol:e})"
            );
        }
        for (i, (q, want)) in e.probes.iter().zip(&e.decision_probes).enumerate() {
            let got = fit.decision(*q).expect("binary");
            assert!(
                (got - want).abs() <= tol,
                "{name}: probe {i}: {got} vs {want} (allowed {tol:e})"
            );
        }
        assert_eq!(e.decision_train.len(), f.x.len(), "{name}: fixture shape");
        let b = -pair.rho;
        assert!(
            (b - e.intercept).abs() <= tol,
            "{name}: intercept {b} vs {}",
            e.intercept
        );
        if !has_duplicate_points(&f.x) {
            assert_eq!(fit.support_per_label(), e.n_support, "{name}: n_support");
            let sv: Vec<usize> = pair.support.iter().map(|s| s.index).collect();
            assert_eq!(sv, e.support, "{name}: support indices");
            for (s, want) in pair.support.iter().zip(&e.dual_coef) {
                let c_tol = f.params.tol * f.params.c.max(1.0);
                assert!(
                    (s.coef - want).abs() <= c_tol,
                    "{name}: dual_coef {} vs {want}",
                    s.coef
                );
            }
        }
        checked += 1;
    }
    assert_eq!(checked, fixtures.len());
    println!("checked {checked} fixtures in {}", fixture_dir().display());
}
