//! Timing: run with
//! `cargo test --release bench -- --ignored --nocapture`.
//! The machine may be shared, so besides wall time it reports this thread's
//! CPU time (from /proc) and takes each query's best of five runs.

use super::super::playground::DEFAULT_NOW_MS;
use super::super::store::{QueryOutcome, QuerySpec, Store, StoreConfig};
use super::super::workload::{WorkloadConfig, WorkloadGen};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::time::Instant;

/// Nanoseconds this thread has spent on a CPU (0 where /proc is missing).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

#[test]
#[ignore]
fn bench_ingest_one_million_and_query_latest_50() {
    let mut store = Store::new(StoreConfig::default());
    let cfg = WorkloadConfig::new(42, 1_000_000, 5000, DEFAULT_NOW_MS);
    let mut gen = WorkloadGen::new(cfg).unwrap();
    let channels = gen.channel_ids().to_vec();
    let (t, c0) = (Instant::now(), cpu_ns());
    while !gen.next_chunk(&mut store, 50_000).unwrap().finished {}
    store.shrink();
    let (wall, cpu) = (t.elapsed().as_secs_f64(), (cpu_ns() - c0) as f64 / 1e9);
    let p = gen.progress();
    println!(
        "ingest: {} messages (+{} edits, {} deletes): wall {:.3} s, cpu {:.3} s = {:.2} M msgs/s (cpu)",
        p.done,
        p.edits,
        p.deletes,
        wall,
        cpu,
        p.done as f64 / cpu.max(1e-9) / 1e6
    );
    let tot = store.totals();
    println!(
        "memory: heap ~{:.1} MB for {:.1} MB raw payload ({:.2}x), {} rows, {} channels",
        tot.heap_bytes as f64 / 1e6,
        tot.raw_payload_bytes as f64 / 1e6,
        tot.heap_bytes as f64 / tot.raw_payload_bytes as f64,
        tot.rows,
        tot.channels
    );
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut times = Vec::with_capacity(2000);
    let mut rows = 0usize;
    let mut buckets = 0u64;
    let c0 = cpu_ns();
    for _ in 0..2000 {
        let c = channels[rng.gen_range(0..channels.len())];
        let spec = QuerySpec {
            channel: c,
            limit: 50,
            before: None,
        };
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let out = store.query(&spec, 50, None, DEFAULT_NOW_MS, 1).unwrap();
            best = best.min(t.elapsed().as_secs_f64() * 1e3);
            if let QueryOutcome::Page(p) = out {
                rows += p.rows.len();
                buckets += p.stats.buckets_queried;
            }
        }
        times.push(best);
    }
    let cpu_per = (cpu_ns() - c0) as f64 / 1e6 / 10_000.0;
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "latest-50 (best of 5): p50 {:.4} ms, p99 {:.4} ms, max {:.4} ms; mean cpu {:.4} ms; {:.1} rows, {:.1} buckets per query",
        times[1000],
        times[1979],
        times[1999],
        cpu_per,
        rows as f64 / 10_000.0,
        buckets as f64 / 10_000.0
    );
    assert_eq!(p.done, 1_000_000);
}

#[test]
#[ignore]
fn bench_ingest_only() {
    for _ in 0..3 {
        let mut store = Store::new(StoreConfig::default());
        let mut gen =
            WorkloadGen::new(WorkloadConfig::new(42, 1_000_000, 5000, DEFAULT_NOW_MS)).unwrap();
        let c0 = cpu_ns();
        while !gen.next_chunk(&mut store, 1_000_000).unwrap().finished {}
        println!("ingest only: cpu {:.3} s", (cpu_ns() - c0) as f64 / 1e9);
    }
}

#[test]
#[ignore]
fn bench_slices() {
    use super::super::playground::Playground;
    let mut p = Playground::new();
    p.begin_workload(2017, 1_000_000, 5000).unwrap();
    let mut times = Vec::new();
    let mut n = 2000u64;
    loop {
        let t = Instant::now();
        let pr = p.workload_step(n).unwrap();
        times.push((n, pr.done, t.elapsed().as_secs_f64() * 1e3));
        n = if pr.done < 30_000 { 4_000 } else { 20_000 };
        if pr.finished {
            break;
        }
    }
    println!("first slices: {:?}", &times[..8]);
    times.sort_by(|a, b| b.2.total_cmp(&a.2));
    println!("slowest slices (size, done, ms): {:?}", &times[..5]);
}

#[test]
#[ignore]
fn bench_shrink() {
    let mut store = Store::new(StoreConfig::default());
    let mut gen =
        WorkloadGen::new(WorkloadConfig::new(2017, 1_000_000, 5000, DEFAULT_NOW_MS)).unwrap();
    while !gen.next_chunk(&mut store, 100_000).unwrap().finished {}
    let t = Instant::now();
    store.shrink();
    println!("shrink after 1M: {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
}

#[test]
#[ignore]
fn bench_incident_step() {
    use super::super::playground::Playground;
    let tour = super::super::tours::tour("one-live-message").unwrap();
    let mut p = Playground::new();
    // Every step: from the second on, each change also reads the failed
    // (then 120 000-tombstone) read on screen again.
    for (k, step) in tour.steps.iter().enumerate() {
        for a in step.all_actions() {
            let t = Instant::now();
            p.apply(a).unwrap();
            println!(
                "step {k} {:?}: {:.1} ms",
                std::mem::discriminant(a),
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
