//! Random action sequences: nothing panics, and a rejected action changes nothing.

use proptest::prelude::*;

use super::super::*;

fn id() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "vpc-123",
        "vpc-a",
        "subnet-public-a",
        "subnet-private-b",
        "subnet-a",
        "rt-1a",
        "rt-2b",
        "rt-main",
        "rt-a",
        "acl-default",
        "acl-public",
        "acl-a",
        "sg-web",
        "sg-app",
        "sg-a",
        "web-a",
        "app-b",
        "host-a",
        "nat-a",
        "nat-b",
        "ig-1",
        "pcx-ab",
        "x",
        "",
    ])
    .prop_map(String::from)
}

fn cidr_text() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "10.0.0.0/16",
        "10.0.1.5/16",
        "10.0.7.0/24",
        "10.0.7.9/28",
        "10.0.4.0/24",
        "0.0.0.0/0",
        "10.3.0.0/16",
        "10.0.0.0/8",
        "192.168.0.0/29",
        "bogus",
        "10.0.0.0/33",
    ])
    .prop_map(String::from)
}

fn target() -> impl Strategy<Value = Target> {
    (0u8..5, id()).prop_map(|(k, id)| match k {
        0 => Target::Local,
        1 => Target::Igw(id),
        2 => Target::Nat(id),
        3 => Target::Instance(id),
        _ => Target::Peering(id),
    })
}

fn endpoint() -> impl Strategy<Value = Endpoint> {
    (0u8..3, id(), any::<u32>()).prop_map(|(k, id, ip)| match k {
        0 => Endpoint::Internet,
        1 => Endpoint::Instance(id),
        _ => Endpoint::Ip(ip.into()),
    })
}

fn protocol() -> impl Strategy<Value = Protocol> {
    prop::sample::select(vec![
        Protocol::Tcp,
        Protocol::Udp,
        Protocol::Icmp,
        Protocol::All,
    ])
}

fn action() -> impl Strategy<Value = Action> {
    let port = prop_oneof![0u32..70000, Just(443u32), Just(65535u32)];
    prop_oneof![
        prop::sample::select(PresetId::ALL.to_vec())
            .prop_map(|preset| Action::LoadPreset { preset }),
        (id(), cidr_text()).prop_map(|(vpc, cidr)| Action::SetVpcCidr { vpc, cidr }),
        (id(), cidr_text()).prop_map(|(vpc, cidr)| Action::AddSecondaryCidr { vpc, cidr }),
        (id(), id(), cidr_text()).prop_map(|(id, vpc, cidr)| Action::AddSubnet {
            id,
            vpc,
            cidr,
            az: "us-east-1a".into()
        }),
        (id(), cidr_text()).prop_map(|(subnet, cidr)| Action::EditSubnetCidr { subnet, cidr }),
        id().prop_map(|subnet| Action::RemoveSubnet { subnet }),
        (id(), cidr_text(), target()).prop_map(|(table, destination, target)| Action::AddRoute {
            table,
            destination,
            target
        }),
        (id(), cidr_text())
            .prop_map(|(table, destination)| Action::RemoveRoute { table, destination }),
        (id(), prop::option::of(id()))
            .prop_map(|(subnet, table)| Action::SetAssociation { subnet, table }),
        (
            id(),
            0u32..40000,
            any::<bool>(),
            protocol(),
            port.clone(),
            cidr_text()
        )
            .prop_map(|(acl, number, egress, protocol, to_port, cidr)| {
                Action::AddNaclRule {
                    acl,
                    rule: AclRuleInput {
                        number,
                        egress,
                        action: AclAction::Deny,
                        protocol,
                        from_port: 0,
                        to_port,
                        cidr,
                    },
                }
            }),
        (id(), 0u32..200, any::<bool>()).prop_map(|(acl, number, egress)| Action::RemoveNaclRule {
            acl,
            number,
            egress
        }),
        (id(), any::<bool>(), protocol(), port.clone(), id()).prop_map(
            |(group, egress, protocol, to_port, g)| Action::AddSgRule {
                group,
                egress,
                rule: SgRuleInput {
                    protocol,
                    from_port: 22,
                    to_port,
                    peer: PeerInput::Group(g)
                },
            }
        ),
        (id(), any::<bool>(), 0usize..4).prop_map(|(group, egress, index)| Action::RemoveSgRule {
            group,
            egress,
            index
        }),
        id().prop_map(|nat| Action::DeleteNat { nat }),
        id().prop_map(|igw| Action::DeleteIgw { igw }),
        id().prop_map(|id| Action::RemoveInstance { id }),
        (id(), id()).prop_map(|(id, subnet)| Action::AddInstance {
            id,
            subnet,
            private_ip: "10.0.1.77".into(),
            public_ip: None,
            security_groups: vec!["sg-web".into()],
        }),
        (id(), id(), id()).prop_map(|(id, requester, accepter)| Action::AddPeering {
            id,
            requester,
            accepter
        }),
        (
            prop::sample::select(vec!["us-east-1a", "us-east-1b", "nowhere"]),
            any::<bool>()
        )
            .prop_map(|(az, failed)| Action::FailAz {
                az: az.into(),
                failed
            }),
        (endpoint(), endpoint(), protocol(), port.clone()).prop_map(
            |(src, dst, protocol, port)| Action::SetTrace {
                src,
                dst,
                protocol,
                port
            }
        ),
        port.clone()
            .prop_map(|port| Action::SetEphemeralPort { port }),
        (protocol(), port).prop_map(|(protocol, port)| Action::SetMatrix { protocol, port }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_actions_never_panic_or_lose_state(actions in prop::collection::vec(action(), 1..25)) {
        let mut p = Playground::default();
        for a in &actions {
            let before = p.clone();
            match p.apply(a) {
                Ok(()) => prop_assert!(validate(p.network()).is_ok()),
                Err(e) => {
                    prop_assert!(!e.to_string().is_empty());
                    prop_assert_eq!(&p, &before);
                }
            }
            let _ = p.trace();
            let _ = p.terraform();
            let _ = p.stats();
        }
        let m = p.matrix();
        prop_assert_eq!(m.cells.len(), m.size() * m.size());
        let again = Playground::from_snapshot(p.snapshot()).unwrap();
        prop_assert_eq!(again.network(), p.network());
    }
}
