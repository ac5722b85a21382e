//! Topological order, columns (longest path from a root), enablement reasons,
//! and the generated 2000-target benchmark DAG.

use super::super::enablement::{enablement, Enablement};
use super::super::generator::generate_dag;
use super::super::pipeline::Pipeline;
use super::super::presets::Preset;
use super::super::status::TargetStatus as S;
use super::super::validate::{analyze, parse_spec, validate_str};

fn pipeline(text: &str) -> Pipeline {
    validate_str(text).unwrap_or_else(|e| panic!("{e:#?}"))
}

fn ids(p: &Pipeline, list: &[usize]) -> Vec<String> {
    list.iter().map(|&i| p.id(i).to_owned()).collect()
}

/// Written out of order on purpose; `e` has a short and a long path to it.
const DIAMOND: &str = r#"service = "d"
[[targets]]
id = "e"
depends_on = ["b", "d"]
[[targets]]
id = "d"
depends_on = ["c"]
[[targets]]
id = "c"
depends_on = ["a"]
[[targets]]
id = "b"
depends_on = ["a"]
[[targets]]
id = "a"
[[targets]]
id = "z"
"#;

#[test]
fn order_puts_every_dependency_first() {
    let p = pipeline(DIAMOND);
    let order = p.order();
    assert_eq!(ids(&p, order), vec!["a", "z", "c", "b", "d", "e"]);
    let position = |i: usize| order.iter().position(|&x| x == i).unwrap_or(usize::MAX);
    for i in 0..p.len() {
        for &d in p.deps(i) {
            assert!(position(d) < position(i));
        }
    }
}

#[test]
fn layers_are_the_longest_path_from_a_root() {
    let p = pipeline(DIAMOND);
    let layer = |id: &str| p.find(id).map(|i| p.layer(i));
    assert_eq!(layer("a"), Some(0));
    assert_eq!(layer("z"), Some(0));
    assert_eq!(layer("b"), Some(1));
    assert_eq!(layer("c"), Some(1));
    assert_eq!(layer("d"), Some(2));
    assert_eq!(layer("e"), Some(3), "e waits for the long branch a → c → d");
    let cols: Vec<Vec<String>> = p.columns().iter().map(|c| ids(&p, c)).collect();
    assert_eq!(
        cols,
        vec![vec!["a", "z"], vec!["c", "b"], vec!["d"], vec!["e"]]
    );
    assert_eq!(ids(&p, &p.roots().collect::<Vec<_>>()), vec!["a", "z"]);
}

#[test]
fn presets_lay_out_as_expected() {
    let a = pipeline(Preset::Airbnb.toml());
    assert_eq!(
        ids(&a, a.order()),
        vec!["dev", "staging", "canary", "production"]
    );
    assert_eq!(a.columns().len(), 4);
    let m = pipeline(Preset::Monorepo.toml());
    let last = m.columns().last().map(|c| ids(&m, c)).unwrap_or_default();
    assert_eq!(last, vec!["prod-us-east", "prod-eu-west", "prod-ap-south"]);
}

#[test]
fn disabled_targets_name_the_unmet_dependency() {
    let p = pipeline(Preset::Airbnb.toml());
    let reasons = |statuses: &[S]| -> Vec<Option<String>> {
        enablement(&p, statuses)
            .iter()
            .map(|e| e.reason(&p))
            .collect()
    };
    assert_eq!(
        reasons(&[]),
        vec![
            None,
            Some("waiting for dev to succeed".into()),
            Some("waiting for staging to succeed".into()),
            Some("waiting for canary to succeed".into())
        ]
    );
    let mid = [S::Succeeded, S::Baking, S::NotStarted, S::NotStarted];
    assert_eq!(
        reasons(&mid)[1],
        None,
        "staging's only dependency succeeded"
    );
    assert_eq!(
        reasons(&mid)[2].as_deref(),
        Some("waiting for staging to succeed")
    );
    let failed = [S::Succeeded, S::Succeeded, S::Failed, S::Skipped];
    assert_eq!(
        reasons(&failed)[3].as_deref(),
        Some("blocked: canary failed")
    );
    let rolled = [S::Succeeded, S::Succeeded, S::RolledBack, S::Skipped];
    assert_eq!(
        reasons(&rolled)[3].as_deref(),
        Some("blocked: canary was rolled back")
    );
    let skipped = [S::Succeeded, S::Skipped, S::Skipped, S::Skipped];
    assert_eq!(
        reasons(&skipped)[2].as_deref(),
        Some("blocked: staging was skipped")
    );
}

#[test]
fn enablement_names_the_first_unmet_dependency_in_config_order() {
    let p = pipeline(DIAMOND);
    let e_index = p.find("e").unwrap_or(0);
    let mut statuses = vec![S::NotStarted; p.len()];
    let b = p.find("b").unwrap_or(0);
    let d = p.find("d").unwrap_or(0);
    assert_eq!(
        enablement(&p, &statuses)[e_index],
        Enablement::Disabled {
            blocked_by: b,
            status: S::NotStarted
        }
    );
    statuses[b] = S::Succeeded;
    assert_eq!(
        enablement(&p, &statuses)[e_index],
        Enablement::Disabled {
            blocked_by: d,
            status: S::NotStarted
        }
    );
    statuses[d] = S::Succeeded;
    assert!(enablement(&p, &statuses)[e_index].is_enabled());
}

#[test]
fn generated_dag_text_parses_to_the_generated_spec() {
    let g = generate_dag(7, 300, 1200);
    let parsed = parse_spec(&g.text).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(parsed, g.spec, "spans included");
    let p = analyze(g.spec, &g.text).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(p.len(), 300);
    assert_eq!(p.edge_count(), 1200);
    assert_eq!(
        generate_dag(7, 300, 1200).text,
        g.text,
        "same seed, same text"
    );
    assert_ne!(generate_dag(8, 300, 1200).text, g.text);
}

#[test]
fn generator_caps_sizes() {
    let g = generate_dag(1, 3, 100);
    assert_eq!(g.spec.targets.len(), 3);
    let edges: usize = g.spec.targets.iter().map(|t| t.depends_on.len()).sum();
    assert_eq!(edges, 3, "a 3-node DAG has at most 3 edges");
    assert_eq!(generate_dag(1, 0, 0).spec.targets.len(), 1);
}

/// Run with `cargo test --release -- --ignored --nocapture benchmark`.
#[test]
#[ignore]
fn benchmark_2000_targets_10000_edges() {
    let g = generate_dag(2019, 2000, 10_000);
    let runs = 20;
    let specs: Vec<_> = (0..runs).map(|_| g.spec.clone()).collect();
    let start = std::time::Instant::now();
    for spec in specs {
        let p = analyze(spec, &g.text).unwrap_or_else(|e| panic!("{e:#?}"));
        let e = enablement(&p, &[]);
        assert_eq!(e.len(), 2000);
    }
    let structured = start.elapsed() / runs;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        let p = validate_str(&g.text).unwrap_or_else(|e| panic!("{e:#?}"));
        assert_eq!(enablement(&p, &[]).len(), 2000);
    }
    let from_text = start.elapsed() / runs;
    println!(
        "2000 targets / 10000 edges ({} KB of TOML): graph checks + order + enablement {structured:?}; from TOML text {from_text:?}",
        g.text.len() / 1024
    );
    assert!(structured.as_millis() <= 20);
}
