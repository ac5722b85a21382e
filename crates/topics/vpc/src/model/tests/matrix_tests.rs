use proptest::prelude::*;

use super::super::*;
use super::support::failed;

/// Every off-diagonal cell equals its full trace.
fn assert_matches_traces(n: &Network, faults: &Faults, protocol: Protocol, port: u16, step: usize) {
    let m = reachability_matrix(n, faults, protocol, port, DEFAULT_EPHEMERAL_PORT);
    assert_eq!(m.cells.len(), m.size() * m.size());
    for r in (0..m.size()).step_by(step.max(1)) {
        for c in 0..m.size() {
            let cell = m.cell(r, c).unwrap();
            let Some(spec) = m.trace_spec(r, c) else {
                assert!(cell.reachable && cell.codes.is_empty(), "diagonal");
                continue;
            };
            let t = trace(n, faults, &spec).unwrap();
            assert_eq!(
                (cell.reachable, cell.codes),
                (t.reachable, t.blocking_codes()),
                "{} -> {}",
                m.instances[r],
                m.instances[c]
            );
        }
    }
}

#[test]
fn matrix_matches_traces_on_every_preset() {
    for p in PresetId::ALL {
        let n = p.build();
        for faults in [Faults::default(), failed(&["us-east-1a"])] {
            for (proto, port) in [
                (Protocol::Tcp, 22),
                (Protocol::Tcp, 8080),
                (Protocol::Tcp, 80),
                (Protocol::Icmp, 0),
            ] {
                assert_matches_traces(&n, &faults, proto, port, 1);
            }
        }
    }
}

#[test]
fn matrix_on_the_article() {
    let n = PresetId::Article.build();
    let m = reachability_matrix(
        &n,
        &Faults::default(),
        Protocol::Tcp,
        8080,
        DEFAULT_EPHEMERAL_PORT,
    );
    let at = |a: &str, b: &str| {
        let r = m.instances.iter().position(|x| x == a).unwrap();
        let c = m.instances.iter().position(|x| x == b).unwrap();
        *m.cell(r, c).unwrap()
    };
    assert!(at("web-a", "app-c").reachable);
    let blocked = at("app-a", "app-b");
    assert!(!blocked.reachable);
    assert_eq!(blocked.codes.codes(), vec![Code::EniSgRulesMismatch]);
    assert_eq!(
        m.reachable_pairs(),
        9,
        "each of 3 web instances reaches each of 3 apps"
    );
    assert_eq!(m.cell(99, 0), None);
}

#[test]
fn synthetic_layout_is_valid_seeded_and_sized() {
    let p = SynthParams::BENCHMARK;
    let a = synthetic(&p).unwrap();
    validate(&a).unwrap();
    assert_eq!(a, synthetic(&p).unwrap(), "same seed, same layout");
    assert_ne!(a, synthetic(&SynthParams { seed: 7, ..p }).unwrap());
    assert_eq!(a.subnets.len(), 60);
    assert_eq!(a.instances.len(), 300);
    assert_eq!(a.security_groups.len(), 20);
    assert_eq!(a.azs().len(), 3);
    assert!(a
        .network_acls
        .iter()
        .filter(|x| !x.default)
        .all(|x| x.rules.len() == 20));
    assert!(synthetic(&SynthParams { azs: 0, ..p }).is_err());
    assert!(synthetic(&SynthParams {
        instances: 5000,
        ..p
    })
    .is_err());
}

#[test]
fn benchmark_matrix_agrees_with_traces_on_sampled_rows() {
    let n = synthetic(&SynthParams::BENCHMARK).unwrap();
    let m = reachability_matrix(
        &n,
        &Faults::default(),
        Protocol::Tcp,
        443,
        DEFAULT_EPHEMERAL_PORT,
    );
    let r = m.reachable_pairs();
    assert!(
        r > 0 && r < 300 * 299,
        "a mix of reachable and blocked pairs ({r})"
    );
    assert_matches_traces(&n, &failed(&["us-east-1b"]), Protocol::Tcp, 443, 37);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn matrix_matches_traces_on_random_layouts(seed in any::<u64>(), azs in 1usize..=3, subnets in 3usize..=9, instances in 2usize..=14, port in prop::sample::select(vec![22u16, 80, 443, 8080])) {
        let p = SynthParams { seed, azs, subnets: subnets.max(azs), instances, security_groups: 4, acl_rules: 8 };
        let n = synthetic(&p).unwrap();
        prop_assert!(validate(&n).is_ok());
        assert_matches_traces(&n, &Faults::default(), Protocol::Tcp, port, 1);
        assert_matches_traces(&n, &failed(&["us-east-1a"]), Protocol::Tcp, port, 1);
    }
}
