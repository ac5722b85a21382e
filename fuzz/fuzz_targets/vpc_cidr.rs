//! The VPC panel's CIDR and IP fields on any text, alone and as the VPC,
//! secondary, subnet, route and rule CIDRs of the article's layout. A parsed
//! block prints as text that parses to the same block, unrounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_vpc::model::{
    check_block_size, explain, halves, parse_cidr, parse_ip, reserved_addresses, usable_addresses,
    AclAction, AclRuleInput, Action, PeerInput, Playground, Protocol, SgRuleInput, Target,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_ip("ip", text);
    if let Ok(p) = parse_cidr("cidr", text) {
        let back = parse_cidr("cidr", &p.net.to_string()).expect("a printed block parses");
        assert_eq!(back.net, p.net);
        assert!(!back.rounded, "a printed block has no host bits");
        let _ = check_block_size("cidr", p.net);
        let _ = usable_addresses(p.net);
        let _ = reserved_addresses(p.net);
        let _ = explain(p.net);
        if let Some((a, b)) = halves(p.net) {
            assert!(p.net.contains(&a) && p.net.contains(&b) && a != b);
            assert_eq!(a.prefix_len(), p.net.prefix_len() + 1);
        }
    }
    let pg = Playground::default();
    let vpc = pg.network().vpcs[0].id.clone();
    let subnet = pg.network().subnets[0].clone();
    let table = pg.network().route_tables[0].id.clone();
    let acl = pg.network().network_acls[0].id.clone();
    let group = pg.network().security_groups[0].id.clone();
    let cidr = text.to_string();
    let actions = [
        Action::SetVpcCidr {
            vpc: vpc.clone(),
            cidr: cidr.clone(),
        },
        Action::AddSecondaryCidr {
            vpc: vpc.clone(),
            cidr: cidr.clone(),
        },
        Action::AddSubnet {
            id: "fz-subnet".into(),
            vpc,
            cidr: cidr.clone(),
            az: subnet.az.clone(),
        },
        Action::EditSubnetCidr {
            subnet: subnet.id.clone(),
            cidr: cidr.clone(),
        },
        Action::AddRoute {
            table,
            destination: cidr.clone(),
            target: Target::Local,
        },
        Action::AddNaclRule {
            acl,
            rule: AclRuleInput {
                number: 77,
                egress: false,
                action: AclAction::Deny,
                protocol: Protocol::Tcp,
                from_port: 22,
                to_port: 22,
                cidr: cidr.clone(),
            },
        },
        Action::AddSgRule {
            group,
            egress: false,
            rule: SgRuleInput {
                protocol: Protocol::Tcp,
                from_port: 443,
                to_port: 443,
                peer: PeerInput::Cidr(cidr),
            },
        },
        Action::AddInstance {
            id: "fz-host".into(),
            subnet: subnet.id,
            private_ip: text.to_string(),
            public_ip: Some(text.to_string()),
            security_groups: Vec::new(),
        },
    ];
    for a in &actions {
        let mut p = pg.clone();
        if p.apply(a).is_err() {
            assert!(p == pg, "the refused {a:?} changed the playground");
        }
    }
});
