//! Explanation codes and path details beyond the preset scenarios.

use super::super::*;
use super::support::*;

fn article() -> Network {
    PresetId::Article.build()
}

#[test]
fn egress_to_the_internet_needs_a_public_ip() {
    let mut n = article();
    n.instances[0].public_ip = None;
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("web-a"), Endpoint::Internet, 443),
    );
    assert!(
        has_blocker(&t, "ig-1", Code::IgwPublicIpAssociationForEgress, false),
        "{:?}",
        blockers(&t)
    );
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("web-a"), 80),
    );
    assert!(has_blocker(
        &t,
        "ig-1",
        Code::IgwPrivateIpAssociationForIngress,
        false
    ));
}

#[test]
fn private_instances_are_not_reachable_from_the_internet() {
    let t = run(
        &article(),
        &Faults::default(),
        spec(Endpoint::Internet, inst("app-a"), 8080),
    );
    assert!(!t.reachable);
    assert!(has_blocker(
        &t,
        "ig-1",
        Code::IgwPrivateIpAssociationForIngress,
        false
    ));
    assert!(has_blocker(&t, "sg-app", Code::EniSgRulesMismatch, false));
}

#[test]
fn security_group_references_match_members() {
    let n = article();
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("web-a"), inst("app-b"), 8080),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    let sg = t
        .forward
        .hops
        .iter()
        .find(|h| h.component == "sg-app")
        .unwrap();
    assert_eq!(
        sg.matched,
        Some(Matched::SgRule {
            group: "sg-app".into(),
            egress: false,
            index: 0
        })
    );
    assert!(
        t.forward.hops.iter().any(|h| h.crosses_az),
        "web-a (a) to app-b (b) crosses AZs"
    );
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("app-a"), inst("app-b"), 8080),
    );
    assert!(has_blocker(&t, "sg-app", Code::EniSgRulesMismatch, false));
}

#[test]
fn deleted_nat_leaves_a_blackhole() {
    let mut n = article();
    n.nat_gateways.retain(|g| g.id != "nat-a");
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("app-a"), Endpoint::Internet, 443),
    );
    assert!(has_blocker(&t, "rt-2a", Code::BadStateRoute, false));
    assert!(!t.forward.reached);
    assert!(t.ret.hops.is_empty());
}

#[test]
fn deleted_igw_cuts_the_internet_off() {
    let mut n = article();
    n.internet_gateways.clear();
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("web-b"), 80),
    );
    assert!(has_blocker(
        &t,
        "vpc-123",
        Code::NoRouteToDestination,
        false
    ));
    assert!(has_blocker(&t, "rt-1b", Code::BadStateRoute, true));
}

#[test]
fn middlebox_routes_need_source_dest_check_off() {
    let mut n = article();
    n.route_tables
        .iter_mut()
        .find(|t| t.id == "rt-2a")
        .unwrap()
        .routes
        .push(Route {
            destination: cidr("10.0.5.0/24"),
            target: Target::Instance("web-a".into()),
        });
    let open = |port| SgRule {
        protocol: Protocol::Tcp,
        ports: PortRange::single(port),
        peer: SgPeer::Cidr(cidr("10.0.0.0/16")),
    };
    n.security_groups[0].inbound.push(open(8080));
    n.security_groups[1].inbound.push(open(8080));
    validate(&n).unwrap();
    let s = spec(inst("app-a"), inst("app-b"), 8080);
    let t = run(&n, &Faults::default(), s.clone());
    let rt = hop(&t.forward, "rt-2a");
    assert!(rt
        .explanations
        .iter()
        .any(|e| e.code == Code::MoreSpecificRoute));
    assert!(
        has_blocker(&t, "web-a", Code::EniSourceDestCheckRestriction, false),
        "{:?}",
        blockers(&t)
    );
    n.instances[0].source_dest_check = false;
    let t = run(&n, &Faults::default(), s);
    assert!(t.reachable, "{:?}", blockers(&t));
    assert!(t.forward.hops.iter().any(|h| h.component == "web-a"));
}

#[test]
fn same_subnet_traffic_skips_the_acl() {
    let mut n = PresetId::LockedNacl.build();
    n.instances.push(Instance {
        id: "web-a2".into(),
        subnet: "subnet-public-a".into(),
        private_ip: ip("10.0.1.11"),
        public_ip: None,
        security_groups: vec!["sg-web".into()],
        source_dest_check: true,
    });
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("web-a"), inst("web-a2"), 80),
    );
    assert!(t.reachable);
    assert!(t
        .forward
        .hops
        .iter()
        .chain(&t.ret.hops)
        .all(|h| h.kind != ComponentKind::NetworkAcl));
}

#[test]
fn hairpin_through_the_internet_to_a_public_ip() {
    let t = run(
        &article(),
        &Faults::default(),
        spec(inst("web-a"), Endpoint::Ip(ip("198.51.100.12")), 80),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    let last = t.forward.hops.last().unwrap();
    assert_eq!(last.component, "web-b");
    assert_eq!(
        last.header.src,
        ip("198.51.100.11"),
        "web-b sees web-a's public IP"
    );
}

#[test]
fn ip_destinations_inside_the_vpc() {
    let n = article();
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("web-a"), Endpoint::Ip(ip("10.0.4.77")), 22),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    assert_eq!(
        t.forward.hops.last().unwrap().kind,
        ComponentKind::SubnetHost
    );
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("web-a"), Endpoint::Ip(ip("10.0.200.7")), 22),
    );
    assert!(has_blocker(&t, "rt-1a", Code::NoRouteToDestination, false));
}

#[test]
fn icmp_has_no_ports_and_needs_its_own_rule() {
    let mut s = spec(Endpoint::Internet, inst("web-a"), 0);
    s.protocol = Protocol::Icmp;
    let t = run(&article(), &Faults::default(), s);
    assert!(has_blocker(&t, "sg-web", Code::EniSgRulesMismatch, false));
    assert!(t
        .forward
        .hops
        .iter()
        .all(|h| h.header.src_port.is_none() && h.header.dst_port.is_none()));
}

#[test]
fn bad_trace_requests_are_errors() {
    let n = article();
    let f = Faults::default();
    let mut s = spec(inst("web-a"), inst("app-a"), 80);
    s.protocol = Protocol::All;
    assert!(trace(&n, &f, &s).is_err());
    assert!(trace(
        &n,
        &f,
        &spec(Endpoint::Ip(ip("1.2.3.4")), inst("web-a"), 80)
    )
    .is_err());
    assert!(trace(&n, &f, &spec(inst("web-a"), inst("web-a"), 80)).is_err());
    assert!(trace(&n, &f, &spec(inst("nope"), inst("web-a"), 80)).is_err());
    let e = trace(&n, &f, &spec(Endpoint::Internet, Endpoint::Internet, 80)).unwrap_err();
    assert!(e.to_string().starts_with("trace:"), "{e}");
}

#[test]
fn traces_are_deterministic_and_serialize() {
    let n = article();
    let s = spec(inst("app-c"), Endpoint::Internet, 443);
    let a = run(&n, &Faults::default(), s.clone());
    assert_eq!(a, run(&n, &Faults::default(), s));
    let json = serde_json::to_string(&a).unwrap();
    assert!(json.contains("\"NGW_SOURCE_ADDRESS_REASSIGN\""));
    let back: Trace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

#[test]
fn a_failed_az_takes_whole_subnets_down() {
    let t = run(
        &article(),
        &failed(&["us-east-1a"]),
        spec(inst("web-b"), Endpoint::Ip(ip("10.0.4.77")), 22),
    );
    assert!(
        has_blocker(&t, "subnet-private-a", Code::BadState, false),
        "{:?}",
        blockers(&t)
    );
    assert!(!t.reachable);
}

#[test]
fn the_internet_does_not_join_private_networks() {
    let mut n = PresetId::Peering.build();
    n.internet_gateways.push(InternetGateway {
        id: "ig-a".into(),
        vpc: "vpc-a".into(),
    });
    n.route_tables[0].routes.push(Route {
        destination: cidr("0.0.0.0/0"),
        target: Target::Igw("ig-a".into()),
    });
    n.instances[0].public_ip = Some(ip("198.51.100.77"));
    validate(&n).unwrap();
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("host-a"), inst("host-c"), 22),
    );
    assert!(
        has_blocker(&t, "internet", Code::DisconnectedVpcs, false),
        "{:?}",
        blockers(&t)
    );
    assert_eq!(hop(&t.forward, "ig-a").header.src, ip("198.51.100.77"));
    let t = run(
        &article(),
        &Faults::default(),
        spec(Endpoint::Internet, Endpoint::Ip(ip("10.0.1.10")), 80),
    );
    assert!(
        has_blocker(&t, "internet", Code::NoRouteToDestination, false),
        "{:?}",
        blockers(&t)
    );
}
