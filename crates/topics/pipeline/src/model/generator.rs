//! A seeded random DAG pipeline, for benchmarks and property tests. It is built
//! as TOML text and as the spec that text parses to (spans included), so the
//! text path and the struct path can be timed separately.

use std::collections::HashSet;
use std::fmt::Write;

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::limits::{MAX_DEPENDENCIES, MAX_TARGETS};
use super::position::Span;
use super::random::below;
use super::spec::{
    Dependency, EnvironmentKind, Gate, HealthChecks, PipelineSpec, RollbackPolicy, TargetSpec,
};

/// Caps on generated size, so a URL parameter cannot ask for a giant graph.
pub const MAX_GENERATED_EDGES: usize = 50_000;

#[derive(Clone, Debug, PartialEq)]
pub struct GeneratedPipeline {
    pub text: String,
    pub spec: PipelineSpec,
}

/// `targets` targets (ids `t0000`…) with up to `edges` distinct dependencies, each
/// on an earlier target, so the graph is always acyclic. Sizes are capped.
pub fn generate_dag(seed: u64, targets: usize, edges: usize) -> GeneratedPipeline {
    let n = targets.clamp(1, MAX_TARGETS);
    let possible = n * (n - 1) / 2;
    let want = edges.min(possible).min(MAX_GENERATED_EDGES);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut deps: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut seen: HashSet<(usize, usize)> = HashSet::with_capacity(want);
    let mut added = 0;
    let mut attempts = 0usize;
    while added < want && n > 1 && attempts < want.saturating_mul(20) {
        attempts += 1;
        let i = 1 + below(&mut rng, n - 1);
        let j = below(&mut rng, i);
        if deps[i].len() < MAX_DEPENDENCIES && seen.insert((i, j)) {
            deps[i].push(j);
            added += 1;
        }
    }
    let health = HealthChecks {
        max_error_rate: Some(0.01),
        max_p99_latency_ms: Some(400),
    };
    let mut text = String::from("service = \"generated\"\n");
    let mut specs = Vec::with_capacity(n);
    for (i, ds) in deps.iter().enumerate() {
        let environment = match i * 20 / n {
            0 => EnvironmentKind::Dev,
            1..=4 => EnvironmentKind::Staging,
            5..=6 => EnvironmentKind::Canary,
            _ => EnvironmentKind::Production,
        };
        let mut t = TargetSpec::new(format!("t{i:04}"), environment);
        text.push_str("\n[[targets]]\nid = ");
        t.id_span = push_quoted(&mut text, &t.id);
        let _ = write!(text, "\nenvironment = \"{}\"\n", environment.name());
        if !ds.is_empty() {
            text.push_str("depends_on = [");
            for (k, &d) in ds.iter().enumerate() {
                if k > 0 {
                    text.push_str(", ");
                }
                let id = format!("t{d:04}");
                let span = push_quoted(&mut text, &id);
                t.depends_on.push(Dependency { id, span });
            }
            text.push_str("]\n");
        }
        if i % 97 == 96 {
            t.gate = Gate::Manual;
            text.push_str("gate = \"manual\"\n");
        }
        text.push_str("health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }\n");
        t.health = Some(health);
        specs.push(t);
    }
    GeneratedPipeline {
        text,
        spec: PipelineSpec {
            service: "generated".to_owned(),
            targets: specs,
            rollback: RollbackPolicy::default(),
        },
    }
}

/// Appends `"s"` (s needs no escaping here) and returns the span TOML gives it.
fn push_quoted(text: &mut String, s: &str) -> Span {
    let start = text.len();
    text.push('"');
    text.push_str(s);
    text.push('"');
    Span::new(start, text.len())
}
