//! Native SVM training times on the benchmark fixtures, for comparison with
//! scikit-learn (native libsvm). Run by benches/svm.mjs through `cargo bench`;
//! prints {fixture: median ms} as JSON on its last line.

use std::time::Instant;
use topic_svm::model::{train, Gamma, KernelKind, KernelSpec, Point, SolverConfig, TrainParams};

const FIXTURES: [&str; 4] = [
    "blobs_overlap_1000__rbf_C1__tol0.001",
    "blobs_overlap_1000__rbf_C10__tol0.001",
    "xor_300__rbf_C10__tol0.001",
    "moons_150__rbf_C1__tol0.001",
];

fn load(dir: &str, name: &str) -> (Vec<Point>, TrainParams) {
    let text = std::fs::read_to_string(format!("{dir}/{name}.json")).expect("fixture");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let num = |x: &serde_json::Value| x.as_f64().expect("number");
    let points = v["X"]
        .as_array()
        .expect("X")
        .iter()
        .zip(v["y"].as_array().expect("y"))
        .map(|(p, l)| Point::new(num(&p[0]), num(&p[1]), num(l) as i32))
        .collect();
    let params = TrainParams {
        kernel: KernelSpec {
            kind: KernelKind::Rbf,
            gamma: Gamma::Value(num(&v["params"]["gamma"])),
            ..KernelSpec::default()
        },
        c: num(&v["params"]["C"]),
        config: SolverConfig {
            eps: num(&v["params"]["tol"]),
            ..SolverConfig::default()
        },
    };
    (points, params)
}

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "../shared/fixtures/svm".into());
    let mut out = Vec::new();
    for name in FIXTURES {
        let (points, params) = load(&dir, name);
        let runs = if points.len() > 500 { 15 } else { 41 };
        let mut times: Vec<f64> = (0..=runs)
            .map(|_| {
                let t0 = Instant::now();
                let fit = train(&points, &params, &[]).expect("fit");
                std::hint::black_box(fit.iterations());
                t0.elapsed().as_secs_f64() * 1000.0
            })
            .skip(1)
            .collect();
        times.sort_by(f64::total_cmp);
        out.push(format!("\"{name}\": {:.4}", times[times.len() / 2]));
    }
    println!("{{{}}}", out.join(", "));
}
