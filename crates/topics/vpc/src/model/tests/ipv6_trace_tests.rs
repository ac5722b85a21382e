//! IPv6 traces. Sources (Amazon VPC User Guide): "Egress-only internet
//! gateways" (IPv6 traffic out, replies back in, nothing from the internet
//! starts a connection; stateful), "IPv6 support for your VPC" (IPv6
//! addresses are public: the internet gateway does not translate them),
//! "Security group rules" and "Network ACL rules" (an IPv4 rule does not
//! match IPv6 traffic). Replies go back the way the request came (issue 14
//! item 2, as for IPv4 in `reply_path_tests`).

use super::super::*;
use super::ipv6_tests::{dual, subnet6};
use super::support::*;

fn i6(id: &str) -> Endpoint {
    Endpoint::Instance6(id.into())
}

fn sg_rule6(group: &str, egress: bool, from: u32, to: u32) -> Action {
    Action::AddSgRule {
        group: group.into(),
        egress,
        rule: SgRuleInput {
            protocol: if from == 0 && to == 65535 {
                Protocol::All
            } else {
                Protocol::Tcp
            },
            from_port: from,
            to_port: to,
            peer: PeerInput::Cidr("::/0".into()),
        },
    }
}

fn route6(table: &str, target: Target6) -> Action {
    Action::AddRoute6 {
        table: table.into(),
        destination: "::/0".into(),
        target,
    }
}

/// The article's VPC made dual-stack: public subnet a routes ::/0 to ig-1,
/// private subnet a to eigw-1; private subnet b has a /64 but no IPv6 route.
pub fn dual_stack() -> Playground {
    replay(&[
        dual("vpc-123"),
        subnet6("subnet-public-a", "2600:1f18:4a00:101::/64"),
        subnet6("subnet-private-a", "2600:1f18:4a00:104::/64"),
        subnet6("subnet-private-b", "2600:1f18:4a00:105::/64"),
        Action::AddEigw {
            id: "eigw-1".into(),
            vpc: "vpc-123".into(),
        },
        route6("rt-1a", Target6::Igw("ig-1".into())),
        route6("rt-2a", Target6::Eigw("eigw-1".into())),
        sg_rule6("sg-app", true, 0, 65535),
        sg_rule6("sg-web", true, 0, 65535),
        sg_rule6("sg-web", false, 80, 80),
    ])
}

fn trace6(pg: &Playground, src: Endpoint, dst: Endpoint, port: u16) -> Trace {
    pg.trace_of(&spec(src, dst, port)).unwrap()
}

#[test]
fn a_private_instance_reaches_out_through_the_egress_only_gateway() {
    let pg = dual_stack();
    let t = trace6(&pg, i6("app-a"), Endpoint::Internet6, 443);
    assert!(t.reachable, "{:?}", t.blockers());
    let g = hop(&t.forward, "eigw-1");
    assert_eq!(g.kind, ComponentKind::EgressOnlyGateway);
    assert_eq!(g.header6.unwrap().src.to_string(), "2600:1f18:4a00:104::a");
    assert_eq!(g.header6.unwrap().dst, INTERNET_HOST6);
    // The reply comes back in through the same gateway.
    assert_eq!(hop(&t.ret, "eigw-1").kind, ComponentKind::EgressOnlyGateway);
}

// A gateway endpoint of IP address type IPv4 (the only kind modelled) adds
// the service's IPv4 prefix list to its route tables; an IPv6 packet never
// matches it and keeps its own ::/0 route. ("IP address type": "IPv4 - Add
// the service's IPv4 prefix list to your route table"; dual-stack endpoints,
// which add the IPv6 list too, are not modelled.)
// https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html
#[test]
fn an_ipv4_gateway_endpoint_does_not_take_ipv6_traffic() {
    let mut pg = dual_stack();
    pg.apply(&Action::SetGatewayEndpoint {
        id: "vpce-s3".into(),
        vpc: "vpc-123".into(),
        service: Service::S3,
        route_tables: vec!["rt-2a".into()],
    })
    .unwrap();
    let t = trace6(&pg, i6("app-a"), Endpoint::Internet6, 443);
    assert!(t.reachable, "{:?}", t.blockers());
    assert_eq!(
        hop(&t.forward, "eigw-1").kind,
        ComponentKind::EgressOnlyGateway
    );
    assert!(t
        .forward
        .hops
        .iter()
        .all(|h| h.kind != ComponentKind::GatewayEndpoint));
}

#[test]
fn nothing_from_the_internet_starts_a_connection_through_the_eigw() {
    // No internet gateway at all: the only way in is the egress-only one.
    let mut pg = dual_stack();
    pg.apply(&Action::DeleteIgw { igw: "ig-1".into() }).unwrap();
    pg.apply(&sg_rule6("sg-app", false, 8080, 8080)).unwrap();
    let t = trace6(&pg, Endpoint::Internet6, i6("app-a"), 8080);
    assert!(!t.reachable);
    let b = t.blockers();
    assert_eq!(b[0].component, "eigw-1");
    assert!(
        b[0].detail
            .contains("nothing from the internet can start a connection in"),
        "{}",
        b[0].detail
    );
}

// "An egress-only internet gateway is stateful: it forwards traffic from the
// instances in the subnet to the internet ..., and then sends the response
// back"; it "prevents the internet from initiating an IPv6 connection". It
// holds no state for a connection that came in by the IGW, so a reply
// routed to it is dropped: replies must leave the way the request came.
// https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html
#[test]
fn a_request_in_by_the_igw_cannot_be_answered_through_the_eigw() {
    let mut pg = dual_stack();
    pg.apply(&sg_rule6("sg-app", false, 8080, 8080)).unwrap();
    let t = trace6(&pg, Endpoint::Internet6, i6("app-a"), 8080);
    assert!(t.forward.reached, "the request gets in through ig-1");
    assert!(!t.reachable);
    let b = t.blockers();
    assert!(b[0].on_return && b[0].component == "eigw-1", "{b:?}");
    assert!(
        b[0].detail.contains("came in through ig-1"),
        "{}",
        b[0].detail
    );
}

#[test]
fn a_public_ipv6_instance_is_reached_through_the_igw_untranslated() {
    let pg = dual_stack();
    let t = trace6(&pg, Endpoint::Internet6, i6("web-a"), 80);
    assert!(t.reachable, "{:?}", t.blockers());
    let igw = hop(&t.forward, "ig-1");
    assert_eq!(igw.matched, None, "no NAT for IPv6");
    assert_eq!(
        igw.header6.unwrap().dst.to_string(),
        "2600:1f18:4a00:101::a"
    );
}

#[test]
fn an_ipv4_rule_does_not_match_an_ipv6_packet() {
    // sg-web allows 443 from 0.0.0.0/0 but has no IPv6 rule for it.
    let pg = dual_stack();
    let t = trace6(&pg, Endpoint::Internet6, i6("web-a"), 443);
    assert!(!t.reachable);
    let b = t.blockers();
    assert_eq!(b[0].code, Code::EniSgRulesMismatch);
    assert!(
        b[0].detail.contains("IPv4 rules do not match IPv6"),
        "{}",
        b[0].detail
    );
    // and an IPv4 trace still passes the IPv4 rule
    let t = pg
        .trace_of(&spec(Endpoint::Internet, inst("web-a"), 443))
        .unwrap();
    assert!(t.reachable);
}

#[test]
fn an_ipv4_default_route_does_not_carry_ipv6() {
    let pg = replay(&[
        dual("vpc-123"),
        subnet6("subnet-private-b", "2600:1f18:4a00:105::/64"),
        sg_rule6("sg-app", true, 0, 65535),
    ]);
    let t = trace6(&pg, i6("app-b"), Endpoint::Internet6, 443);
    assert!(!t.reachable);
    let b = t.blockers();
    assert_eq!(b[0].code, Code::NoRouteToDestination);
    assert!(
        b[0].detail.contains("rt-2b has no IPv6 route"),
        "{}",
        b[0].detail
    );
}

#[test]
fn a_group_reference_matches_a_members_ipv6_address() {
    // sg-app allows 8080 from members of sg-web, over either IP version.
    let pg = dual_stack();
    let t = trace6(&pg, i6("web-a"), i6("app-a"), 8080);
    assert!(t.reachable, "{:?}", t.blockers());
}

#[test]
fn a_deleted_eigw_leaves_a_blackhole() {
    let mut pg = dual_stack();
    pg.apply(&Action::DeleteEigw {
        eigw: "eigw-1".into(),
    })
    .unwrap();
    let t = trace6(&pg, i6("app-a"), Endpoint::Internet6, 443);
    assert!(has_blocker(&t, "rt-2a", Code::BadStateRoute, false));
}

#[test]
fn a_custom_acl_without_ipv6_rules_denies_ipv6() {
    let mut pg = dual_stack();
    let acl = "acl-x";
    pg.apply(&Action::AddNetworkAcl {
        id: acl.into(),
        vpc: "vpc-123".into(),
    })
    .unwrap();
    pg.apply(&Action::SetAclAssociation {
        subnet: "subnet-private-a".into(),
        acl: Some(acl.into()),
    })
    .unwrap();
    let t = trace6(&pg, i6("app-a"), Endpoint::Internet6, 443);
    assert!(has_blocker(&t, acl, Code::SubnetAclRestriction, false));
}

#[test]
fn bad_ipv6_requests_are_refused_in_words() {
    let mut pg = dual_stack();
    let set = |src, dst| Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port: 443,
    };
    let e = pg
        .apply(&set(i6("app-c"), Endpoint::Internet6))
        .unwrap_err();
    assert!(e.to_string().contains("app-c has no IPv6 address"), "{e}");
    let e = pg
        .apply(&set(inst("app-a"), Endpoint::Internet6))
        .unwrap_err();
    assert!(e.to_string().contains("both ends"), "{e}");
    pg.apply(&set(i6("app-a"), Endpoint::Internet6)).unwrap();
    let back = Playground::from_snapshot(pg.snapshot()).unwrap();
    assert_eq!(back.trace_spec(), pg.trace_spec());
}

#[test]
fn the_ipv6_matrix_agrees_with_the_tracer() {
    let mut pg = dual_stack();
    pg.apply(&Action::SetMatrix {
        protocol: Protocol::Tcp,
        port: 8080,
    })
    .unwrap();
    let m = pg.matrix6();
    assert!(m.ipv6);
    let n = m.size();
    for r in 0..n {
        for c in 0..n {
            let Some(spec) = m.trace_spec(r, c) else {
                continue;
            };
            let cell = m.cell(r, c).unwrap();
            let want = pg.trace_of(&spec).is_ok_and(|t| t.reachable);
            assert_eq!(cell.reachable, want, "{spec:?}");
        }
    }
    let row = m.instances.iter().position(|i| i == "web-a").unwrap();
    let col = m.instances.iter().position(|i| i == "app-a").unwrap();
    assert!(m.cell(row, col).unwrap().reachable);
    let c = m.instances.iter().position(|i| i == "app-c").unwrap();
    assert!(!m.cell(row, c).unwrap().reachable, "app-c has no IPv6");
}
