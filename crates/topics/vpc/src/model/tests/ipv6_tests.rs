//! IPv6 blocks. Sources (Amazon VPC User Guide): "IPv6 support for your
//! VPC" (a VPC's IPv6 block is a /56), "Subnet CIDR blocks" (a subnet's
//! IPv6 block is a /64 from the VPC's /56, and subnets' blocks do not
//! overlap), "Default network ACL" (rule 101 allows all IPv6 traffic once
//! the VPC has an IPv6 block), "Security group rules" (::/0 outbound).

use proptest::prelude::*;

use super::super::*;
use super::support::*;

pub fn dual(vpc: &str) -> Action {
    Action::SetVpcIpv6 {
        vpc: vpc.into(),
        enabled: true,
        cidr: String::new(),
    }
}

pub fn subnet6(subnet: &str, cidr: &str) -> Action {
    Action::SetSubnetIpv6 {
        subnet: subnet.into(),
        cidr: cidr.into(),
    }
}

fn refused(pg: &mut Playground, a: Action) -> String {
    let before = pg.clone();
    let e = pg.apply(&a).unwrap_err().to_string();
    assert_eq!(*pg, before, "a refused edit changes nothing");
    e
}

#[test]
fn dual_stack_gives_the_vpc_an_amazon_provided_56() {
    let pg = replay(&[dual("vpc-123")]);
    let block = pg.network().ipv6.vpc_block("vpc-123").unwrap();
    assert_eq!(block.prefix_len(), VPC_PREFIX6);
    assert_eq!(block.to_string(), "2600:1f18:4a00:100::/56");
}

#[test]
fn a_typed_vpc_block_must_be_a_56_with_host_bits_zero() {
    let mut pg = Playground::default();
    let set = |cidr: &str| Action::SetVpcIpv6 {
        vpc: "vpc-123".into(),
        enabled: true,
        cidr: cidr.into(),
    };
    let e = refused(&mut pg, set("2600:1f18:4a00::/48"));
    assert!(e.contains("/48") && e.contains("always /56"), "{e}");
    let e = refused(&mut pg, set("2600:1f18:4a00:1ff::/56"));
    assert!(e.contains("host bits"), "{e}");
    let e = refused(&mut pg, set("10.0.0.0/16"));
    assert!(e.contains("not an IPv6 CIDR block"), "{e}");
    pg.apply(&set("2600:1f18:4a00:200::/56")).unwrap();
}

#[test]
fn a_subnet_block_must_be_a_64_inside_the_vpc_block() {
    let mut pg = replay(&[dual("vpc-123")]);
    let e = refused(
        &mut pg,
        subnet6("subnet-public-a", "2600:1f18:4a00:100::/60"),
    );
    assert!(e.contains("/60") && e.contains("always /64"), "{e}");
    let e = refused(
        &mut pg,
        subnet6("subnet-public-a", "2600:1f18:4a00:200::/64"),
    );
    assert!(e.contains("outside vpc-123's block"), "{e}");
    pg.apply(&subnet6("subnet-public-a", "2600:1f18:4a00:100::/64"))
        .unwrap();
    let e = refused(
        &mut pg,
        subnet6("subnet-public-b", "2600:1f18:4a00:100::/64"),
    );
    assert!(e.contains("already subnet-public-a's /64"), "{e}");
}

#[test]
fn a_subnet_needs_the_vpc_to_be_dual_stack_first() {
    let mut pg = Playground::default();
    let e = refused(
        &mut pg,
        subnet6("subnet-public-a", "2600:1f18:4a00:100::/64"),
    );
    assert!(e.contains("turn on dual-stack"), "{e}");
}

#[test]
fn dual_stack_cannot_be_turned_off_while_a_subnet_has_a_64() {
    let mut pg = replay(&[
        dual("vpc-123"),
        subnet6("subnet-public-a", "2600:1f18:4a00:100::/64"),
    ]);
    let off = Action::SetVpcIpv6 {
        vpc: "vpc-123".into(),
        enabled: false,
        cidr: String::new(),
    };
    let e = refused(&mut pg, off.clone());
    assert!(e.contains("subnet-public-a"), "{e}");
    pg.apply(&subnet6("subnet-public-a", "")).unwrap();
    pg.apply(&off).unwrap();
    assert!(pg.network().ipv6.vpc_blocks.is_empty());
}

// "Default network ACL for a VPC": rule 101 allows all IPv6 traffic in and
// out, added when an IPv6 block is associated, unless that direction's rules
// were modified. https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
#[test]
fn the_default_acl_gets_rule_101_for_ipv6_both_ways() {
    let pg = replay(&[dual("vpc-123")]);
    let rules: Vec<_> = pg.network().ipv6.acl_rules.iter().collect();
    assert_eq!(rules.len(), 2);
    assert!(rules.iter().all(|r| r.acl == "acl-default"
        && r.number == 101
        && r.action == AclAction::Allow
        && r.cidr.prefix_len() == 0));
}

// Same page: "if you've modified the inbound rules of a default network ACL,
// we do not add the rule that allows all inbound IPv6 traffic".
// https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html
#[test]
fn a_modified_direction_of_the_default_acl_gets_no_rule_101() {
    let pg = replay(&[
        Action::AddNaclRule {
            acl: "acl-default".into(),
            rule: AclRuleInput {
                number: 90,
                egress: false,
                action: AclAction::Deny,
                protocol: Protocol::Tcp,
                from_port: 22,
                to_port: 22,
                cidr: "0.0.0.0/0".into(),
            },
        },
        dual("vpc-123"),
    ]);
    let rules = &pg.network().ipv6.acl_rules;
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert!(rules[0].egress && rules[0].number == 101);
}

// A new group's default outbound rules in a dual-stack VPC include ::/0:
// "Get started with IPv6 for Amazon VPC" lists, for a group you create,
// "::/0 All All: the default outbound rule that allows all outbound IPv6
// communication" (and the default group gets ::/0 only when the VPC has an
// IPv6 block). https://docs.aws.amazon.com/vpc/latest/userguide/get-started-ipv6.html
// https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
#[test]
fn a_new_group_in_a_dual_stack_vpc_allows_all_ipv6_out() {
    let pg = replay(&[
        dual("vpc-123"),
        Action::AddSecurityGroup {
            id: "sg-new".into(),
            vpc: "vpc-123".into(),
        },
    ]);
    let g = pg.network().security_group("sg-new").unwrap();
    assert!(g
        .outbound
        .iter()
        .any(|r| matches!(r.peer, SgPeer::Cidr6(c) if c.prefix_len() == 0)));
}

#[test]
fn an_instance_takes_its_ipv4_host_offset_in_the_subnet_64() {
    let pg = replay(&[
        dual("vpc-123"),
        subnet6("subnet-private-a", "2600:1f18:4a00:104::/64"),
    ]);
    // app-a is 10.0.4.10 in 10.0.4.0/24: offset 10.
    assert_eq!(
        instance_ipv6(pg.network(), "app-a").unwrap().to_string(),
        "2600:1f18:4a00:104::a"
    );
    assert_eq!(instance_ipv6(pg.network(), "web-a"), None);
}

#[test]
fn ipv6_routes_need_a_live_target_and_a_fresh_destination() {
    let mut pg = replay(&[dual("vpc-123")]);
    let route = |dest: &str, target: Target6| Action::AddRoute6 {
        table: "rt-2a".into(),
        destination: dest.into(),
        target,
    };
    let e = refused(&mut pg, route("::/0", Target6::Eigw("eigw-1".into())));
    assert!(e.contains("eigw-1 does not exist"), "{e}");
    pg.apply(&Action::AddEigw {
        id: "eigw-1".into(),
        vpc: "vpc-123".into(),
    })
    .unwrap();
    pg.apply(&route("::/0", Target6::Eigw("eigw-1".into())))
        .unwrap();
    let e = refused(&mut pg, route("::/0", Target6::Igw("ig-1".into())));
    assert!(e.contains("already has a route to ::/0"), "{e}");
    let e = refused(
        &mut pg,
        route("2600:1f18:4a00:100::/56", Target6::Igw("ig-1".into())),
    );
    assert!(e.contains("local route"), "{e}");
}

#[test]
fn ipv6_acl_rule_numbers_share_space_with_ipv4_rules() {
    let mut pg = replay(&[dual("vpc-123")]);
    let rule = |number, cidr: &str| Action::AddNaclRule {
        acl: "acl-default".into(),
        rule: AclRuleInput {
            number,
            egress: false,
            action: AclAction::Deny,
            protocol: Protocol::Tcp,
            from_port: 22,
            to_port: 22,
            cidr: cidr.into(),
        },
    };
    // 100 is the IPv4 allow-all, 101 the IPv6 allow-all.
    let e = refused(&mut pg, rule(100, "::/0"));
    assert!(e.contains("rule 100 already exists"), "{e}");
    pg.apply(&rule(90, "::/0")).unwrap();
    pg.apply(&Action::RemoveNaclRule {
        acl: "acl-default".into(),
        number: 90,
        egress: false,
    })
    .unwrap();
    assert_eq!(pg.network().ipv6.acl_rules.len(), 2);
}

#[test]
fn removing_a_subnet_drops_its_64() {
    let pg = replay(&[
        dual("vpc-123"),
        Action::AddSubnet {
            id: "subnet-x".into(),
            vpc: "vpc-123".into(),
            cidr: "10.0.9.0/24".into(),
            az: "us-east-1a".into(),
        },
        subnet6("subnet-x", "2600:1f18:4a00:109::/64"),
        Action::RemoveSubnet {
            subnet: "subnet-x".into(),
        },
    ]);
    assert!(pg.network().ipv6.subnet_blocks.is_empty());
}

#[test]
fn the_link_restores_the_ipv6_layout() {
    let pg = replay(&[
        dual("vpc-123"),
        subnet6("subnet-private-a", "2600:1f18:4a00:104::/64"),
        Action::AddEigw {
            id: "eigw-1".into(),
            vpc: "vpc-123".into(),
        },
    ]);
    let back = Playground::from_snapshot(pg.snapshot()).unwrap();
    assert_eq!(back.network(), pg.network());
}

proptest! {
    /// Every /64 the console offers lies inside the /56 it came from.
    #[test]
    fn every_64_of_a_56_lies_inside_it(raw in any::<u128>(), k in any::<u8>()) {
        let block = Cidr6::new(raw.into(), VPC_PREFIX6);
        let sub = nth_64(block, k);
        prop_assert_eq!(sub.prefix_len(), SUBNET_PREFIX6);
        prop_assert!(block.covers(sub));
    }

    /// Hostile text is refused, never a panic; what parses is a network.
    #[test]
    fn parsing_any_text_never_panics(text in ".{0,80}") {
        if let Ok(net) = parse_cidr6("f", &text) {
            prop_assert_eq!(Cidr6::new(net.network(), net.prefix_len()), net);
            prop_assert_eq!(parse_cidr6("f", &net.to_string()), Ok(net));
        }
    }

    /// The next free /64 never overlaps a subnet's block.
    #[test]
    fn the_free_64_is_free(taken in proptest::collection::vec(any::<u8>(), 0..20)) {
        let mut pg = replay(&[dual("vpc-123")]);
        for (k, t) in taken.iter().enumerate() {
            let id = format!("subnet-p{k}");
            let make = Action::AddSubnet {
                id: id.clone(),
                vpc: "vpc-123".into(),
                cidr: format!("10.0.{}.0/24", 100 + k),
                az: "us-east-1a".into(),
            };
            pg.apply(&make).unwrap();
            let block = nth_64(pg.network().ipv6.vpc_block("vpc-123").unwrap(), *t);
            let _ = pg.apply(&subnet6(&id, &block.to_string()));
        }
        let v6 = &pg.network().ipv6;
        let free = v6.free_64("vpc-123").unwrap();
        prop_assert!(v6.subnet_blocks.iter().all(|b| b.cidr != free));
    }
}
