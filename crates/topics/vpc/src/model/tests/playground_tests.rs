use super::super::*;
use super::support::*;

fn pg() -> Playground {
    Playground::default()
}

#[test]
fn rejected_edits_keep_the_last_valid_layout() {
    let mut p = pg();
    let before = p.clone();
    let bad = [
        Action::SetVpcCidr {
            vpc: "vpc-123".into(),
            cidr: "10.0.0.0/12".into(),
        },
        Action::SetVpcCidr {
            vpc: "vpc-123".into(),
            cidr: "10.9.0.0/16".into(),
        },
        Action::EditSubnetCidr {
            subnet: "subnet-public-a".into(),
            cidr: "10.0.2.0/24".into(),
        },
        Action::AddSubnet {
            id: "s".into(),
            vpc: "vpc-123".into(),
            cidr: "banana".into(),
            az: "us-east-1a".into(),
        },
        Action::RemoveSubnet {
            subnet: "subnet-public-a".into(),
        },
        Action::FailAz {
            az: "mars-1a".into(),
            failed: true,
        },
        Action::SetTrace {
            src: inst("web-a"),
            dst: Endpoint::Internet,
            protocol: Protocol::Tcp,
            port: 70000,
        },
        Action::AddRoute {
            table: "rt-main".into(),
            destination: "0.0.0.0/0".into(),
            target: Target::Nat("nat-zz".into()),
        },
        Action::RemoveSgRule {
            group: "sg-web".into(),
            egress: false,
            index: 9,
        },
        Action::RemoveNaclRule {
            acl: "acl-default".into(),
            number: 7,
            egress: false,
        },
    ];
    for a in &bad {
        let e = p.apply(a).unwrap_err();
        assert!(!e.to_string().is_empty());
        assert_eq!(p, before, "{a:?} changed the state");
    }
    assert!(matches!(
        p.apply(&bad[4]).unwrap_err(),
        VpcError::HasDependencies { .. }
    ));
}

#[test]
fn rounded_cidrs_are_reported() {
    let mut p = pg();
    p.apply(&Action::SetVpcCidr {
        vpc: "vpc-123".into(),
        cidr: "10.0.1.5/16".into(),
    })
    .unwrap();
    assert_eq!(p.network().vpcs[0].cidr, cidr("10.0.0.0/16"));
    assert_eq!(p.notices().len(), 1);
    assert_eq!(
        p.notices()[0].to_string(),
        "vpc-123 CIDR: 10.0.1.5/16 was rounded to its network address 10.0.0.0/16"
    );
    p.apply(&Action::FailAz {
        az: "us-east-1a".into(),
        failed: true,
    })
    .unwrap();
    assert!(p.notices().is_empty(), "notices belong to the last action");
}

#[test]
fn new_acl_denies_all_and_new_group_allows_only_outbound() {
    let mut p = pg();
    apply_all(
        &mut p,
        &[
            Action::AddNetworkAcl {
                id: "acl-new".into(),
                vpc: "vpc-123".into(),
            },
            Action::SetAclAssociation {
                subnet: "subnet-public-a".into(),
                acl: Some("acl-new".into()),
            },
        ],
    );
    let t = p.trace().unwrap();
    assert!(has_blocker(
        &t,
        "acl-new",
        Code::SubnetAclRestriction,
        false
    ));
    apply_all(
        &mut p,
        &[Action::SetAclAssociation {
            subnet: "subnet-public-a".into(),
            acl: None,
        }],
    );
    assert!(
        p.trace().unwrap().reachable,
        "back on the default ACL, which allows all"
    );

    let mut p = pg();
    apply_all(
        &mut p,
        &[
            Action::AddSecurityGroup {
                id: "sg-new".into(),
                vpc: "vpc-123".into(),
            },
            Action::AddInstance {
                id: "new".into(),
                subnet: "subnet-public-b".into(),
                private_ip: "10.0.2.50".into(),
                public_ip: Some("198.51.100.50".into()),
                security_groups: vec!["sg-new".into()],
            },
            Action::SetTrace {
                src: Endpoint::Internet,
                dst: inst("new"),
                protocol: Protocol::Tcp,
                port: 22,
            },
        ],
    );
    let t = p.trace().unwrap();
    assert!(
        has_blocker(&t, "sg-new", Code::EniSgRulesMismatch, false),
        "no inbound rules"
    );
    apply_all(
        &mut p,
        &[Action::SetTrace {
            src: inst("new"),
            dst: Endpoint::Internet,
            protocol: Protocol::Tcp,
            port: 443,
        }],
    );
    assert!(p.trace().unwrap().reachable, "all outbound");
    apply_all(
        &mut p,
        &[
            Action::AddSgRule {
                group: "sg-new".into(),
                egress: false,
                rule: SgRuleInput {
                    protocol: Protocol::Tcp,
                    from_port: 22,
                    to_port: 22,
                    peer: PeerInput::Cidr("0.0.0.0/0".into()),
                },
            },
            Action::SetTrace {
                src: Endpoint::Internet,
                dst: inst("new"),
                protocol: Protocol::Tcp,
                port: 22,
            },
        ],
    );
    assert!(p.trace().unwrap().reachable);
}

#[test]
fn nacl_and_route_edits_through_actions() {
    let mut p = Playground::with_preset(PresetId::LockedNacl);
    let rule = |number, egress, to_port| Action::AddNaclRule {
        acl: "acl-public".into(),
        rule: AclRuleInput {
            number,
            egress,
            action: AclAction::Allow,
            protocol: Protocol::Tcp,
            from_port: 1024,
            to_port,
            cidr: "0.0.0.0/0".into(),
        },
    };
    assert!(matches!(
        p.apply(&rule(0, true, 65535)),
        Err(VpcError::AclRuleNumber { .. })
    ));
    assert!(matches!(
        p.apply(&rule(40000, true, 65535)),
        Err(VpcError::AclRuleNumber { .. })
    ));
    assert!(matches!(
        p.apply(&rule(100, true, 65535)),
        Err(VpcError::AclRuleDuplicate { .. })
    ));
    assert!(matches!(
        p.apply(&rule(120, true, 65536)),
        Err(VpcError::PortOutOfRange { .. })
    ));
    p.apply(&rule(120, true, 65535)).unwrap();
    assert!(p.trace().unwrap().reachable);
    p.apply(&Action::RemoveNaclRule {
        acl: "acl-public".into(),
        number: 120,
        egress: true,
    })
    .unwrap();
    assert!(!p.trace().unwrap().reachable);

    let mut p = pg();
    p.apply(&Action::DeleteNat {
        nat: "nat-a".into(),
    })
    .unwrap();
    assert_eq!(p.stats().blackhole_routes, 1);
    let e = p.apply(&Action::AddRoute {
        table: "rt-2a".into(),
        destination: "10.0.5.0/24".into(),
        target: Target::Igw("ig-1".into()),
    });
    assert!(matches!(
        e,
        Err(VpcError::RouteMoreSpecificBadTarget { .. })
    ));
    apply_all(
        &mut p,
        &[
            Action::RemoveRoute {
                table: "rt-2a".into(),
                destination: "0.0.0.0/0".into(),
            },
            Action::AddRoute {
                table: "rt-2a".into(),
                destination: "0.0.0.0/0".into(),
                target: Target::Nat("nat-b".into()),
            },
            Action::SetTrace {
                src: inst("app-a"),
                dst: Endpoint::Internet,
                protocol: Protocol::Tcp,
                port: 443,
            },
        ],
    );
    assert_eq!(p.stats().blackhole_routes, 0);
    assert!(p.trace().unwrap().reachable, "app-a now borrows nat-b");
    p.apply(&Action::SetAssociation {
        subnet: "subnet-private-a".into(),
        table: None,
    })
    .unwrap();
    assert_eq!(
        p.route_decision("subnet-private-a", ip("8.8.8.8"))
            .table
            .as_deref(),
        Some("rt-main")
    );
    p.apply(&Action::DeleteIgw { igw: "ig-1".into() }).unwrap();
    assert_eq!(p.stats().blackhole_routes, 3);
    assert_eq!(p.stats().public_subnets, 0);
}

#[test]
fn fail_az_toggles() {
    let mut p = Playground::with_preset(PresetId::SingleNat);
    assert!(p.trace().unwrap().reachable);
    p.apply(&Action::FailAz {
        az: "us-east-1a".into(),
        failed: true,
    })
    .unwrap();
    assert!(!p.trace().unwrap().reachable);
    assert_eq!(p.stats().failed_azs, 1);
    p.apply(&Action::FailAz {
        az: "us-east-1a".into(),
        failed: false,
    })
    .unwrap();
    assert!(p.trace().unwrap().reachable);
}

#[test]
fn accessors_for_the_view() {
    let p = pg();
    let s = p.stats();
    assert_eq!(
        (
            s.vpcs,
            s.subnets,
            s.public_subnets,
            s.instances,
            s.nat_gateways,
            s.route_tables
        ),
        (1, 6, 3, 6, 3, 7)
    );
    assert_eq!(p.explain_subnet("subnet-private-c").unwrap().usable, 251);
    assert!(p.explain_subnet("nope").is_none());
    assert!(p.terraform().contains("aws_nat_gateway"));
    assert_eq!(p.network().nat_az("nat-b"), Some("us-east-1b"));
    assert_eq!(
        p.network().azs(),
        vec!["us-east-1a", "us-east-1b", "us-east-1c"]
    );
    assert_eq!(p.matrix().size(), 6);
    assert_eq!(p.ephemeral_port(), DEFAULT_EPHEMERAL_PORT);
}

#[test]
fn actions_survive_the_link_codec() {
    use techshack_core::state::{decode, encode};
    let a = Action::AddRoute {
        table: "rt-1a".into(),
        destination: "0.0.0.0/0".into(),
        target: Target::Igw("ig-1".into()),
    };
    assert_eq!(decode::<Action>(2, &encode(2, &a)), Ok(a));
}
