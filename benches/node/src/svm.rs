use topic_svm::model::{train, Gamma, KernelKind, KernelSpec, Point, SolverConfig, TrainParams};
use wasm_bindgen::prelude::*;

/// One RBF C-SVC fit from flat coordinates `[x0, y0, x1, y1, …]` and ±1
/// labels; returns the iteration count (0 on a refused fit).
#[wasm_bindgen]
pub fn svm_fit(coords: &[f64], labels: &[i32], c: f64, gamma: f64, tol: f64) -> usize {
    let points: Vec<Point> = coords
        .chunks_exact(2)
        .zip(labels)
        .map(|(xy, &l)| Point::new(xy[0], xy[1], l))
        .collect();
    let params = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Rbf,
            gamma: Gamma::Value(gamma),
            ..KernelSpec::default()
        },
        c,
        config: SolverConfig {
            eps: tol,
            ..SolverConfig::default()
        },
    };
    train(&points, &params, &[]).map_or(0, |f| f.iterations())
}
