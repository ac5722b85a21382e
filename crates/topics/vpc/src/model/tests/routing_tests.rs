use proptest::prelude::*;

use super::super::*;
use super::support::{cidr, ip};

#[test]
fn every_table_has_one_local_route_per_vpc_cidr() {
    let mut n = PresetId::Article.build();
    n.vpcs[0].secondary_cidrs.push(cidr("10.1.0.0/16"));
    for t in &n.route_tables {
        let local: Vec<_> = effective_routes(&n, t)
            .into_iter()
            .filter(|r| r.target == Target::Local)
            .map(|r| r.destination)
            .collect();
        assert_eq!(
            local,
            vec![cidr("10.0.0.0/16"), cidr("10.1.0.0/16")],
            "{}",
            t.id
        );
    }
}

#[test]
fn explicit_association_else_main_table() {
    let n = PresetId::Article.build();
    let d = route_for(&n, "subnet-public-a", ip("8.8.8.8"));
    assert_eq!(d.table.as_deref(), Some("rt-1a"));
    assert!(!d.via_main);
    let mut n = n;
    n.route_tables
        .iter_mut()
        .for_each(|t| t.subnets.retain(|s| s != "subnet-private-b"));
    let d = route_for(&n, "subnet-private-b", ip("8.8.8.8"));
    assert_eq!(d.table.as_deref(), Some("rt-main"));
    assert!(d.via_main);
    assert_eq!(d.matched, None, "the main table only has local");
    let d = route_for(&n, "subnet-private-b", ip("10.0.3.7"));
    assert_eq!(d.matched.map(|m| m.target), Some(Target::Local));
}

#[test]
fn longest_prefix_wins() {
    let mut n = PresetId::Article.build();
    let t = n.route_tables.iter_mut().find(|t| t.id == "rt-2a").unwrap();
    t.routes.push(Route {
        destination: cidr("192.0.2.0/24"),
        target: Target::Igw("ig-1".into()),
    });
    let d = route_for(&n, "subnet-private-a", ip("192.0.2.9"));
    assert_eq!(d.matched.unwrap().destination, cidr("192.0.2.0/24"));
    let d = route_for(&n, "subnet-private-a", ip("192.0.3.9"));
    assert_eq!(d.matched.unwrap().target, Target::Nat("nat-a".into()));
}

#[test]
fn deleted_targets_leave_blackholes() {
    let mut n = PresetId::Article.build();
    n.nat_gateways.retain(|g| g.id != "nat-b");
    let d = route_for(&n, "subnet-private-b", ip("8.8.8.8"));
    assert!(d.is_blackhole());
    assert_eq!(
        blackholes(&n),
        vec![(
            "rt-2b".to_string(),
            cidr("0.0.0.0/0"),
            Target::Nat("nat-b".into())
        )]
    );
    n.internet_gateways.clear();
    assert_eq!(blackholes(&n).len(), 4);
    assert!(!is_public_subnet(&n, "subnet-public-a"));
}

#[test]
fn public_subnets_route_the_default_to_an_igw() {
    let n = PresetId::Article.build();
    assert!(is_public_subnet(&n, "subnet-public-b"));
    assert!(!is_public_subnet(&n, "subnet-private-b"));
}

fn brute_force(routes: &[(u32, u8)], x: u32) -> Option<usize> {
    // Try every prefix length from /32 down and look for an exact match.
    for p in (0..=32u8).rev() {
        let mask = if p == 0 {
            0
        } else {
            u32::MAX << (32 - u32::from(p))
        };
        if let Some(k) = routes.iter().position(|&(a, q)| q == p && a == x & mask) {
            return Some(k);
        }
    }
    None
}

proptest! {
    #[test]
    fn lpm_agrees_with_brute_force(raw in prop::collection::vec((any::<u32>(), 0u8..=32), 0..40), probes in prop::collection::vec(any::<u32>(), 1..20)) {
        let mut seen = std::collections::BTreeSet::new();
        let routes: Vec<(u32, u8)> = raw
            .into_iter()
            .map(|(a, p)| (u32::from(ipnet::Ipv4Net::new(a.into(), p).unwrap().trunc().network()), p))
            .filter(|r| seen.insert(*r))
            .collect();
        let local = (u32::from(ip("100.64.0.0")), 16u8);
        let routes: Vec<(u32, u8)> = routes.into_iter().filter(|r| *r != local).collect();
        let mut n = PresetId::Article.build();
        n.vpcs[0].cidr = cidr("100.64.0.0/16");
        let t = RouteTable {
            id: "rt-x".into(),
            vpc: "vpc-123".into(),
            main: false,
            routes: routes
                .iter()
                .map(|&(a, p)| Route {
                    destination: ipnet::Ipv4Net::new(a.into(), p).unwrap(),
                    target: Target::Igw(format!("{a}/{p}")),
                })
                .collect(),
            subnets: Vec::new(),
        };
        let compiled = CompiledTable::new(&n, &t);
        let mut all = routes.clone();
        all.push(local);
        let name = |k: usize| if all[k] == local { Target::Local } else { Target::Igw(format!("{}/{}", all[k].0, all[k].1)) };
        for x in probes.into_iter().chain(routes.iter().map(|r| r.0)) {
            let expected = brute_force(&all, x).map(name);
            let got = compiled.lookup(x.into()).map(|e| e.target.clone());
            prop_assert_eq!(got, expected);
        }
    }
}
