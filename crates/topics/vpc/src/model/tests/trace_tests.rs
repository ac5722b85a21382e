use super::super::*;
use super::support::*;

fn article() -> Network {
    PresetId::Article.build()
}

#[test]
fn internet_to_public_instance_shows_the_igw_one_to_one_nat() {
    let t = run(
        &article(),
        &Faults::default(),
        spec(Endpoint::Internet, inst("web-a"), 80),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    let igw = hop(&t.forward, "ig-1");
    assert_eq!(
        igw.matched,
        Some(Matched::Translation {
            from: ip("198.51.100.11"),
            to: ip("10.0.1.10")
        })
    );
    assert_eq!(igw.header.dst, ip("10.0.1.10"));
    assert_eq!(igw.header.src, INTERNET_HOST);
    let back = hop(&t.ret, "ig-1");
    assert_eq!(
        back.header.src,
        ip("198.51.100.11"),
        "reply leaves with the public IP"
    );
    assert_eq!(back.header.dst_port, Some(DEFAULT_EPHEMERAL_PORT));
    let kinds: Vec<_> = t.forward.hops.iter().map(|h| h.kind).collect();
    use ComponentKind::*;
    assert_eq!(
        kinds,
        vec![
            Internet,
            InternetGateway,
            NetworkAcl,
            SecurityGroup,
            Instance
        ]
    );
}

#[test]
fn private_to_internet_goes_through_its_nat_with_the_source_rewritten() {
    let t = run(
        &article(),
        &Faults::default(),
        spec(inst("app-a"), Endpoint::Internet, 443),
    );
    assert!(t.reachable, "{:?}", blockers(&t));
    let nat = hop(&t.forward, "nat-a");
    assert_eq!(nat.header.src, ip("10.0.1.5"));
    assert!(nat
        .explanations
        .iter()
        .any(|e| e.code == Code::NgwSourceAddressReassign && !e.blocking));
    assert_eq!(
        hop(&t.forward, "ig-1").header.src,
        ip("198.51.100.1"),
        "then the Elastic IP"
    );
    assert_eq!(
        t.forward.hops.last().unwrap().header.src,
        ip("198.51.100.1")
    );
    assert!(t.forward.hops.iter().all(|h| !h.crosses_az));
    let back_nat = hop(&t.ret, "nat-a");
    assert_eq!(
        back_nat.header.dst,
        ip("10.0.4.10"),
        "the NAT translates the reply back"
    );
    assert_eq!(t.ret.hops.last().unwrap().component, "app-a");
}

#[test]
fn single_nat_crosses_azs_and_dies_with_az_a() {
    let n = PresetId::SingleNat.build();
    let s = spec(inst("app-b"), Endpoint::Internet, 443);
    let t = run(&n, &Faults::default(), s.clone());
    assert!(t.reachable);
    assert!(t
        .forward
        .hops
        .iter()
        .any(|h| h.crosses_az && h.az.as_deref() == Some("us-east-1a")));
    assert!(t.all_codes().contains(Code::AvailabilityZoneCrossed));
    let t = run(&n, &failed(&["us-east-1a"]), s.clone());
    assert!(!t.reachable);
    assert!(
        has_blocker(&t, "nat-a", Code::BadState, false),
        "{:?}",
        blockers(&t)
    );
    assert!(
        !has_blocker(&t, "app-b", Code::BadState, false),
        "app-b itself is fine"
    );
    // One NAT per AZ survives the same failure.
    let t = run(&article(), &failed(&["us-east-1a"]), s);
    assert!(t.reachable, "{:?}", blockers(&t));
    assert_eq!(hop(&t.forward, "nat-b").az.as_deref(), Some("us-east-1b"));
}

#[test]
fn failed_az_takes_its_instances_down() {
    let t = run(
        &article(),
        &failed(&["us-east-1a"]),
        spec(Endpoint::Internet, inst("web-a"), 80),
    );
    assert!(!t.reachable);
    assert!(has_blocker(&t, "web-a", Code::BadState, false));
    let t = run(
        &article(),
        &failed(&["us-east-1a"]),
        spec(Endpoint::Internet, inst("web-b"), 80),
    );
    assert!(t.reachable);
}

#[test]
fn peering_is_not_transitive() {
    let n = PresetId::Peering.build();
    let ok = |a: &str, b: &str| run(&n, &Faults::default(), spec(inst(a), inst(b), 22)).reachable;
    assert!(ok("host-a", "host-b"));
    assert!(ok("host-b", "host-c"));
    assert!(ok("host-c", "host-b"));
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("host-a"), inst("host-c"), 22),
    );
    assert!(!t.reachable);
    assert!(has_blocker(&t, "rt-a", Code::NoRouteToDestination, false));
    assert!(has_blocker(&t, "rt-a", Code::DisconnectedVpcs, false));
    // Routing C's block into pcx-ab does not help: B does not forward it.
    let mut n2 = n.clone();
    n2.route_tables[0].routes.push(Route {
        destination: cidr("10.3.0.0/16"),
        target: Target::Peering("pcx-ab".into()),
    });
    validate(&n2).unwrap();
    let t = run(
        &n2,
        &Faults::default(),
        spec(inst("host-a"), inst("host-c"), 22),
    );
    assert!(
        has_blocker(&t, "pcx-ab", Code::DisconnectedVpcs, false),
        "{:?}",
        blockers(&t)
    );
    assert!(!t.reachable);
}

#[test]
fn acl_without_ephemeral_ports_blocks_the_return_path() {
    let n = PresetId::LockedNacl.build();
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("web-a"), 80),
    );
    assert!(!t.reachable);
    assert!(
        t.forward.hops.iter().all(|h| !h.is_blocking()),
        "the request gets in"
    );
    assert_eq!(
        blockers(&t),
        vec![("acl-public".to_string(), Code::SubnetAclRestriction, true)]
    );
    let acl = t.ret.hops.iter().find(|h| h.is_blocking()).unwrap();
    assert!(matches!(
        acl.matched,
        Some(Matched::AclRule {
            number: None,
            egress: true,
            ..
        })
    ));
    // The NAT's replies come back to the public subnet on an ephemeral port too.
    let t = run(
        &n,
        &Faults::default(),
        spec(inst("app-a"), Endpoint::Internet, 443),
    );
    assert!(has_blocker(
        &t,
        "acl-public",
        Code::SubnetAclRestriction,
        true
    ));
}

#[test]
fn linux_ephemeral_range_works_for_a_client_port_inside_it() {
    let mut n = PresetId::LockedNacl.build();
    let acl = n
        .network_acls
        .iter_mut()
        .find(|a| a.id == "acl-public")
        .unwrap();
    acl.rules.push(AclRule {
        number: 120,
        egress: true,
        action: AclAction::Allow,
        protocol: Protocol::Tcp,
        ports: PortRange {
            from: 32768,
            to: 65535,
        },
        cidr: cidr("0.0.0.0/0"),
    });
    let mut s = spec(Endpoint::Internet, inst("web-a"), 80);
    assert!(run(&n, &Faults::default(), s.clone()).reachable);
    s.src_port = 1024;
    assert!(!run(&n, &Faults::default(), s).reachable);
}

#[test]
fn every_blocking_component_is_listed() {
    let mut n = PresetId::LockedNacl.build();
    n.security_groups[0].inbound.clear();
    let t = run(
        &n,
        &Faults::default(),
        spec(Endpoint::Internet, inst("web-a"), 80),
    );
    let b = blockers(&t);
    assert!(
        b.contains(&("sg-web".into(), Code::EniSgRulesMismatch, false)),
        "{b:?}"
    );
    assert!(
        b.contains(&("acl-public".into(), Code::SubnetAclRestriction, true)),
        "{b:?}"
    );
}
