//! Native timing of the 1000-point fits (run with
//! `cargo test --release timing -- --ignored --nocapture`). Reports wall-clock
//! time and, on Linux, the thread's on-CPU time, which a busy machine inflates less.

use std::time::Instant;

use super::super::train::train;
use super::fixtures::{load_named, params_of, points_of};

/// Nanoseconds this thread has spent on a CPU (Linux schedstat), if readable.
fn cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

#[test]
#[ignore]
fn time_thousand_point_fits() {
    let only = std::env::var("SVM_TIMING_ONLY").unwrap_or_default();
    for name in [
        "blobs_overlap_1000__rbf_C1__tol0.001",
        "blobs_overlap_1000__rbf_C10__tol0.001",
        "blobs_overlap_1000__linear_C1__tol0.001",
    ] {
        if !name.contains(only.as_str()) {
            continue;
        }
        let f = load_named(name);
        let (points, params) = (points_of(&f), params_of(&f));
        let runs: usize = std::env::var("SVM_TIMING_RUNS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30);
        let (mut best, mut iters) = (f64::INFINITY, 0);
        let cpu_start = cpu_ns();
        for _ in 0..runs {
            let t = Instant::now();
            let fit = train(&points, &params, &[]).expect("fit");
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            iters = fit.iterations();
        }
        let cpu = match (cpu_start, cpu_ns()) {
            (Some(a), Some(b)) => format!("{:.2} ms", (b - a) as f64 / 1e6 / runs as f64),
            _ => "n/a".into(),
        };
        println!("{name}: best wall {best:.2} ms, mean on-CPU {cpu}, {iters} iterations");
    }
}
