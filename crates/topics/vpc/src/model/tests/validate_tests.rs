use super::super::*;
use super::support::{cidr, ip};

fn article() -> Network {
    PresetId::Article.build()
}

fn broken(edit: impl FnOnce(&mut Network)) -> VpcError {
    let mut n = article();
    edit(&mut n);
    validate(&n).unwrap_err()
}

fn ok(edit: impl FnOnce(&mut Network)) {
    let mut n = article();
    edit(&mut n);
    validate(&n).unwrap_or_else(|e| panic!("{e}"));
}

fn route(n: &mut Network, table: &str, dest: &str, target: Target) {
    let t = n.route_tables.iter_mut().find(|t| t.id == table).unwrap();
    t.routes.push(Route {
        destination: cidr(dest),
        target,
    });
}

#[test]
fn every_preset_is_valid() {
    for p in PresetId::ALL {
        validate(&p.build()).unwrap_or_else(|e| panic!("{p:?}: {e}"));
    }
}

#[test]
fn vpc_cidr_size_and_host_bits() {
    let e = broken(|n| n.vpcs[0].cidr = cidr("10.0.0.0/15"));
    assert!(matches!(e, VpcError::CidrSize { .. }), "{e}");
    let e = broken(|n| n.vpcs[0].cidr = "10.0.1.5/16".parse().unwrap());
    assert!(matches!(e, VpcError::CidrNotNetworkAddress { .. }), "{e}");
    assert!(e.to_string().contains("10.0.0.0/16"));
}

#[test]
fn secondary_cidrs_may_hold_subnets_but_not_overlap() {
    ok(|n| {
        n.vpcs[0].secondary_cidrs.push(cidr("10.1.0.0/16"));
        n.subnets.push(Subnet {
            id: "subnet-extra".into(),
            vpc: "vpc-123".into(),
            cidr: cidr("10.1.0.0/24"),
            az: "us-east-1a".into(),
        });
    });
    let e = broken(|n| n.vpcs[0].secondary_cidrs.push(cidr("10.0.128.0/17")));
    assert!(matches!(e, VpcError::VpcCidrOverlap { .. }), "{e}");
}

#[test]
fn subnet_must_be_inside_the_vpc_sized_and_disjoint() {
    let e = broken(|n| n.subnets[0].cidr = cidr("10.1.1.0/24"));
    assert!(matches!(e, VpcError::SubnetOutsideVpc { .. }), "{e}");
    let e = broken(|n| n.subnets[0].cidr = cidr("10.0.2.0/24"));
    assert!(matches!(e, VpcError::SubnetOverlap { .. }), "{e}");
    let e = broken(|n| n.subnets[0].cidr = cidr("10.0.1.0/29"));
    assert!(matches!(e, VpcError::CidrSize { .. }), "{e}");
}

#[test]
fn instance_ip_must_be_inside_and_unreserved() {
    for (last, role) in [
        ("10.0.1.0", "network"),
        ("10.0.1.1", "router"),
        ("10.0.1.2", "DNS"),
        ("10.0.1.3", "future"),
        ("10.0.1.255", "broadcast"),
    ] {
        let e = broken(|n| n.instances[0].private_ip = ip(last));
        assert!(matches!(e, VpcError::IpReserved { .. }), "{e}");
        assert!(e.to_string().contains(role), "{e}");
    }
    let e = broken(|n| n.instances[0].private_ip = ip("10.0.9.10"));
    assert!(matches!(e, VpcError::IpOutsideSubnet { .. }), "{e}");
    ok(|n| n.instances[0].private_ip = ip("10.0.1.4"));
}

#[test]
fn instance_needs_an_existing_subnet_and_unique_addresses() {
    let e = broken(|n| n.instances[0].subnet = String::new());
    assert!(matches!(e, VpcError::InstanceWithoutSubnet { .. }), "{e}");
    let e = broken(|n| n.instances[0].subnet = "subnet-nowhere".into());
    assert!(
        matches!(e, VpcError::UnknownRef { kind: "subnet", .. }),
        "{e}"
    );
    let e = broken(|n| n.instances[0].private_ip = ip("10.0.1.5"));
    assert!(
        matches!(e, VpcError::DuplicateIp { .. }),
        "nat-a holds 10.0.1.5: {e}"
    );
    let e = broken(|n| n.instances[0].public_ip = Some(ip("10.0.200.1")));
    assert!(matches!(e, VpcError::PublicIpInVpc { .. }), "{e}");
    let e = broken(|n| n.instances[0].security_groups = vec!["sg-web".into(); 6]);
    assert!(matches!(e, VpcError::TooMany { .. }), "{e}");
}

#[test]
fn ids_are_unique_across_kinds() {
    let e = broken(|n| n.instances[0].id = "sg-web".into());
    assert_eq!(
        e,
        VpcError::DuplicateId {
            id: "sg-web".into()
        }
    );
}

#[test]
fn route_more_specific_than_local_only_to_a_subnet_with_nat_or_eni() {
    let e = broken(|n| route(n, "rt-main", "10.0.4.0/23", Target::Nat("nat-a".into())));
    assert!(
        matches!(e, VpcError::RouteMoreSpecificNotSubnet { .. }),
        "{e}"
    );
    let e = broken(|n| route(n, "rt-main", "10.0.4.0/24", Target::Igw("ig-1".into())));
    assert!(
        matches!(e, VpcError::RouteMoreSpecificBadTarget { .. }),
        "{e}"
    );
    ok(|n| route(n, "rt-main", "10.0.4.0/24", Target::Nat("nat-a".into())));
    ok(|n| {
        route(
            n,
            "rt-main",
            "10.0.4.0/24",
            Target::Instance("web-a".into()),
        )
    });
    // Less specific than local is fine.
    ok(|n| route(n, "rt-main", "10.0.0.0/8", Target::Nat("nat-a".into())));
}

#[test]
fn local_routes_are_implicit_and_unique_destinations() {
    let e = broken(|n| route(n, "rt-main", "10.0.0.0/16", Target::Nat("nat-a".into())));
    assert!(matches!(e, VpcError::RouteConflictsWithLocal { .. }), "{e}");
    let e = broken(|n| route(n, "rt-main", "0.0.0.0/0", Target::Local));
    assert!(matches!(e, VpcError::RouteExplicitLocal { .. }), "{e}");
    let e = broken(|n| route(n, "rt-1a", "0.0.0.0/0", Target::Nat("nat-a".into())));
    assert!(matches!(e, VpcError::RouteDuplicate { .. }), "{e}");
}

#[test]
fn one_main_table_and_one_table_per_subnet() {
    let e = broken(|n| n.route_tables[1].main = true);
    assert!(
        matches!(e, VpcError::MainTableCount { count: 2, .. }),
        "{e}"
    );
    let e = broken(|n| n.route_tables[0].main = false);
    assert!(
        matches!(e, VpcError::MainTableCount { count: 0, .. }),
        "{e}"
    );
    let e = broken(|n| n.route_tables[0].subnets.push("subnet-public-a".into()));
    assert!(
        matches!(
            e,
            VpcError::DuplicateAssociation {
                kind: "route table",
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn acl_rule_numbers_are_1_to_32766_and_unique_per_direction() {
    let rule = |number, egress| AclRule {
        number,
        egress,
        action: AclAction::Deny,
        protocol: Protocol::Tcp,
        ports: PortRange::single(22),
        cidr: cidr("0.0.0.0/0"),
    };
    for bad in [0, 32767] {
        let e = broken(|n| n.network_acls[0].rules.push(rule(bad, false)));
        assert!(matches!(e, VpcError::AclRuleNumber { .. }), "{e}");
    }
    ok(|n| {
        n.network_acls[0]
            .rules
            .extend([rule(1, false), rule(32766, false)])
    });
    let e = broken(|n| n.network_acls[0].rules.push(rule(100, false)));
    assert!(
        matches!(e, VpcError::AclRuleDuplicate { number: 100, .. }),
        "{e}"
    );
    // Rule 100 exists in both directions in the default ACL; a third in one direction clashes,
    // while the same number in the other direction is fine.
    ok(|n| n.network_acls[0].rules.retain(|r| r.egress));
    ok(|n| {
        n.network_acls[0].rules.retain(|r| r.egress);
        n.network_acls[0].rules.push(rule(100, false));
    });
}

#[test]
fn ports_above_65535_or_backwards_are_rejected() {
    let e = broken(|n| {
        n.security_groups[0].inbound[0].ports = PortRange {
            from: 80,
            to: 65536,
        }
    });
    assert_eq!(
        e.to_string(),
        "sg-web rule ports: port 65536 is out of range; ports are 0 to 65535"
    );
    let e = broken(|n| n.security_groups[0].inbound[0].ports = PortRange { from: 90, to: 80 });
    assert!(matches!(e, VpcError::PortRangeInverted { .. }), "{e}");
    let e = broken(|n| n.network_acls[0].rules[0].ports = PortRange { from: 0, to: 70000 });
    assert!(
        matches!(e, VpcError::PortOutOfRange { value: 70000, .. }),
        "{e}"
    );
}

#[test]
fn one_acl_per_subnet_and_one_default_per_vpc() {
    let e = broken(|n| {
        let mut a = NetworkAcl::new_custom("acl-x", "vpc-123");
        a.subnets.push("subnet-public-a".into());
        let mut b = NetworkAcl::new_custom("acl-y", "vpc-123");
        b.subnets.push("subnet-public-a".into());
        n.network_acls.extend([a, b]);
    });
    assert!(
        matches!(
            e,
            VpcError::DuplicateAssociation {
                kind: "network ACL",
                ..
            }
        ),
        "{e}"
    );
    let e = broken(|n| {
        n.network_acls
            .push(NetworkAcl::new_default("acl-2", "vpc-123"))
    });
    assert!(
        matches!(e, VpcError::DefaultAclCount { count: 2, .. }),
        "{e}"
    );
}

#[test]
fn one_internet_gateway_per_vpc() {
    let e = broken(|n| {
        n.internet_gateways.push(InternetGateway {
            id: "ig-2".into(),
            vpc: "vpc-123".into(),
        })
    });
    assert!(matches!(e, VpcError::IgwPerVpc { .. }), "{e}");
}

#[test]
fn peering_rejects_overlap_self_and_duplicates() {
    let mut n = PresetId::Peering.build();
    n.vpcs[2].cidr = cidr("10.2.0.0/16");
    n.subnets[2].cidr = cidr("10.2.1.0/24");
    n.instances[2].private_ip = ip("10.2.1.11");
    n.route_tables[2].routes.clear();
    n.route_tables[1]
        .routes
        .retain(|r| r.destination != cidr("10.3.0.0/16"));
    let e = validate(&n).unwrap_err();
    assert!(matches!(e, VpcError::PeeringOverlap { .. }), "{e}");
    let mut n = PresetId::Peering.build();
    n.peerings[0].accepter = "vpc-a".into();
    assert!(matches!(validate(&n), Err(VpcError::PeeringSelf { .. })));
    let mut n = PresetId::Peering.build();
    n.peerings.push(Peering {
        id: "pcx-ba".into(),
        requester: "vpc-b".into(),
        accepter: "vpc-a".into(),
    });
    assert!(matches!(
        validate(&n),
        Err(VpcError::PeeringDuplicate { .. })
    ));
}

#[test]
fn sg_references_stay_in_the_vpc_or_a_peered_one() {
    let mut n = PresetId::Peering.build();
    n.security_groups[0].inbound.push(SgRule {
        protocol: Protocol::Tcp,
        ports: PortRange::single(22),
        peer: SgPeer::Group("sg-b".into()),
    });
    validate(&n).unwrap();
    n.security_groups[0].inbound.push(SgRule {
        protocol: Protocol::Tcp,
        ports: PortRange::single(22),
        peer: SgPeer::Group("sg-c".into()),
    });
    assert!(matches!(validate(&n), Err(VpcError::CrossVpc { .. })));
}

#[test]
fn route_targets_in_another_vpc_are_rejected_but_deleted_ones_are_blackholes() {
    let mut n = PresetId::Peering.build();
    n.route_tables[0].routes.push(Route {
        destination: cidr("0.0.0.0/0"),
        target: Target::Peering("pcx-bc".into()),
    });
    assert!(matches!(validate(&n), Err(VpcError::CrossVpc { .. })));
    ok(|n| n.nat_gateways.retain(|g| g.id != "nat-a"));
}

#[test]
fn sizes_are_capped() {
    let e = broken(|n| {
        let r = n
            .route_tables
            .iter_mut()
            .find(|t| t.id == "rt-main")
            .unwrap();
        for k in 0..=MAX_ROUTES_PER_TABLE {
            r.routes.push(Route {
                destination: format!("{}.0.0.0/8", 20 + k).parse().unwrap(),
                target: Target::Igw("ig-1".into()),
            });
        }
    });
    assert!(matches!(e, VpcError::TooMany { .. }), "{e}");
}
