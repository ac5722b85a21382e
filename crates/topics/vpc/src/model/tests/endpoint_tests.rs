//! Gateway VPC endpoints. Sources: AWS PrivateLink guide, "Gateway endpoints"
//! (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html)
//! and "Gateway endpoints for Amazon S3"
//! (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html);
//! VPC User Guide, "Route priority"
//! (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html).

use super::super::*;
use super::support::*;

const S3_IP: &str = "52.216.8.10";
const S3_WEST: &str = "52.218.128.10";

fn add_s3(id: &str, tables: &[&str]) -> Action {
    Action::SetGatewayEndpoint {
        id: id.into(),
        vpc: "vpc-123".into(),
        service: Service::S3,
        route_tables: tables.iter().map(|t| t.to_string()).collect(),
    }
}

fn to_ip(src: &str, dst: &str) -> TraceSpec {
    spec(inst(src), Endpoint::Ip(ip(dst)), 443)
}

fn kinds(p: &Path) -> Vec<ComponentKind> {
    p.hops.iter().map(|h| h.kind).collect()
}

/// The trace got through by the NAT gateway, not by an endpoint.
fn assert_via_nat(t: &Trace) {
    assert!(t.reachable, "{:?}", t.blockers());
    let k = kinds(&t.forward);
    assert!(k.contains(&ComponentKind::NatGateway));
    assert!(!k.contains(&ComponentKind::GatewayEndpoint));
}

// "Gateway endpoints": traffic from a subnet whose table has the prefix-list
// route goes to the endpoint, without an internet gateway or NAT device, and
// the source stays the instance's private IPv4 address.
#[test]
fn private_subnet_reaches_s3_through_the_endpoint_with_its_private_ip() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let t = pg.trace_of(&to_ip("app-a", S3_IP)).unwrap();
    assert!(t.reachable, "{:?}", t.blockers());
    let k = kinds(&t.forward);
    assert!(k.contains(&ComponentKind::GatewayEndpoint));
    assert!(!k.contains(&ComponentKind::NatGateway));
    assert!(!k.contains(&ComponentKind::InternetGateway));
    let vpce = hop(&t.forward, "vpce-s3");
    assert_eq!(vpce.header.src, ip("10.0.4.10"));
    // The route hop names the prefix-list route that chose the endpoint.
    let rt = hop(&t.forward, "rt-2a");
    assert_eq!(
        rt.matched,
        Some(Matched::Route {
            table: "rt-2a".into(),
            destination: cidr("52.216.0.0/15"),
            target: Target::Endpoint("vpce-s3".into()),
            state: RouteState::Active,
        })
    );
    // The reply comes back in through the same endpoint to the instance.
    assert!(t.ret.reached);
    assert!(t.ret.hops.iter().any(|h| h.component == "vpce-s3"));
    assert_eq!(
        t.ret.hops.last().map(|h| h.component.as_str()),
        Some("app-a")
    );
}

// "Gateway endpoints": only subnets whose route table is associated use it;
// the others keep their default route through the NAT gateway.
#[test]
fn a_table_without_the_association_still_goes_through_nat() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let t = pg.trace_of(&to_ip("app-b", S3_IP)).unwrap();
    assert_via_nat(&t);
}

// "Route priority": longest prefix first, so the prefix list's /15 beats
// 0.0.0.0/0 -> NAT, and the trace notes the more specific route.
#[test]
fn the_prefix_list_route_wins_by_longest_prefix() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let t = pg.trace_of(&to_ip("app-a", S3_IP)).unwrap();
    let rt = hop(&t.forward, "rt-2a");
    assert!(rt
        .explanations
        .iter()
        .any(|e| e.code == Code::MoreSpecificRoute && !e.blocking));
}

// "Route priority": with the same prefix, a static route outranks a prefix
// list route (the order is longest prefix, static, prefix list, propagated).
#[test]
fn a_static_route_with_the_same_prefix_outranks_the_prefix_list_route() {
    let pg = replay(&[
        add_s3("vpce-s3", &["rt-2a"]),
        Action::AddRoute {
            table: "rt-2a".into(),
            destination: "52.216.0.0/15".into(),
            target: Target::Nat("nat-a".into()),
        },
    ]);
    let d = pg.route_decision("subnet-private-a", ip(S3_IP));
    assert_eq!(
        d.matched.map(|m| m.target),
        Some(Target::Nat("nat-a".into()))
    );
    // Another address of the list, with no static route over it, still uses the endpoint.
    let d = pg.route_decision("subnet-private-a", ip("54.231.0.9"));
    assert_eq!(
        d.matched.map(|m| m.target),
        Some(Target::Endpoint("vpce-s3".into()))
    );
}

// "Gateway endpoints for Amazon S3": endpoints are supported within the same
// Region only; an S3 address of another Region is not in this Region's prefix
// list, so it takes the default route through NAT.
#[test]
fn s3_in_another_region_does_not_use_the_endpoint() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let t = pg.trace_of(&to_ip("app-a", S3_WEST)).unwrap();
    assert_via_nat(&t);
}

// "Gateway endpoints": they can't be extended out of the VPC; traffic from
// the other side of a peering connection can't use the endpoint.
#[test]
fn a_peered_vpc_cannot_use_the_other_vpcs_endpoint() {
    let mut pg = Playground::with_preset(PresetId::Peering);
    apply_all(
        &mut pg,
        &[
            Action::SetGatewayEndpoint {
                id: "vpce-b".into(),
                vpc: "vpc-b".into(),
                service: Service::S3,
                route_tables: vec!["rt-b".into()],
            },
            Action::AddRoute {
                table: "rt-a".into(),
                destination: "52.216.0.0/15".into(),
                target: Target::Peering("pcx-ab".into()),
            },
        ],
    );
    let t = pg.trace_of(&to_ip("host-a", S3_IP)).unwrap();
    assert!(!t.reachable);
    assert!(has_blocker(&t, "pcx-ab", Code::DisconnectedVpcs, false));
    assert!(!t.forward.hops.iter().any(|h| h.component == "vpce-b"));
    // Inside vpc-b the endpoint works.
    let t = pg.trace_of(&to_ip("host-b", S3_IP)).unwrap();
    assert!(t.reachable, "{:?}", t.blockers());
}

// "Gateway endpoints", Security: security groups must allow traffic to the
// service (its prefix list or CIDRs); the endpoint does not bypass them.
#[test]
fn security_group_egress_still_applies() {
    let rule = |cidr: &str| SgRuleInput {
        protocol: Protocol::Tcp,
        from_port: 443,
        to_port: 443,
        peer: PeerInput::Cidr(cidr.into()),
    };
    let mut pg = replay(&[
        add_s3("vpce-s3", &["rt-2a"]),
        Action::RemoveSgRule {
            group: "sg-app".into(),
            egress: true,
            index: 0,
        },
        Action::AddSgRule {
            group: "sg-app".into(),
            egress: true,
            rule: rule("10.0.0.0/16"),
        },
    ]);
    let t = pg.trace_of(&to_ip("app-a", S3_IP)).unwrap();
    assert!(!t.reachable);
    assert!(t
        .blockers()
        .iter()
        .any(|b| b.code == Code::EniSgRulesMismatch && !b.on_return));
    pg.apply(&Action::AddSgRule {
        group: "sg-app".into(),
        egress: true,
        rule: rule("52.216.0.0/15"),
    })
    .unwrap();
    assert!(pg.trace_of(&to_ip("app-a", S3_IP)).unwrap().reachable);
}

// Network ACLs apply too: a subnet ACL that denies the outbound packet blocks it.
#[test]
fn network_acls_still_apply() {
    let pg = replay(&[
        add_s3("vpce-s3", &["rt-2a"]),
        Action::AddNetworkAcl {
            id: "acl-shut".into(),
            vpc: "vpc-123".into(),
        },
        Action::SetAclAssociation {
            subnet: "subnet-private-a".into(),
            acl: Some("acl-shut".into()),
        },
    ]);
    let t = pg.trace_of(&to_ip("app-a", S3_IP)).unwrap();
    assert!(has_blocker(
        &t,
        "acl-shut",
        Code::SubnetAclRestriction,
        false
    ));
}

// "Gateway endpoints": deleting the endpoint deletes its routes, so they do
// not stay behind as blackholes; the subnet falls back to NAT.
#[test]
fn removing_the_endpoint_removes_its_routes() {
    let pg = replay(&[
        add_s3("vpce-s3", &["rt-2a"]),
        Action::RemoveGatewayEndpoint {
            id: "vpce-s3".into(),
        },
    ]);
    assert!(blackholes(pg.network()).is_empty());
    let t = pg.trace_of(&to_ip("app-a", S3_IP)).unwrap();
    assert_via_nat(&t);
}

// Routes to an endpoint come from associations; one by hand is refused, and
// a table holds one endpoint route per service (PrivateLink guide, Routing).
#[test]
fn endpoint_rules_are_refused_with_their_reason() {
    let mut pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let by_hand = pg.apply(&Action::AddRoute {
        table: "rt-2b".into(),
        destination: "52.216.0.0/15".into(),
        target: Target::Endpoint("vpce-s3".into()),
    });
    assert!(matches!(by_hand, Err(VpcError::GatewayEndpoint { .. })));
    let twice = pg.apply(&add_s3("vpce-s3b", &["rt-2a"])).unwrap_err();
    assert!(twice
        .to_string()
        .contains("only one endpoint route to the same service"));
    // A DynamoDB endpoint on the same table is fine.
    pg.apply(&Action::SetGatewayEndpoint {
        id: "vpce-ddb".into(),
        vpc: "vpc-123".into(),
        service: Service::Dynamodb,
        route_tables: vec!["rt-2a".into()],
    })
    .unwrap();
    for bad in [
        add_s3("", &["rt-2b"]),
        Action::SetGatewayEndpoint {
            id: "vpce-s3".into(),
            vpc: "vpc-123".into(),
            service: Service::Dynamodb,
            route_tables: Vec::new(),
        },
        add_s3("vpce-x", &["rt-none"]),
        add_s3("vpce-y", &["rt-2b", "rt-2b"]),
    ] {
        let before = pg.clone();
        assert!(pg.apply(&bad).is_err(), "{bad:?}");
        assert_eq!(pg, before);
    }
    assert!(pg
        .apply(&Action::RemoveGatewayEndpoint { id: "nope".into() })
        .is_err());
}

// A table of another VPC can't be associated.
#[test]
fn an_endpoint_serves_only_its_own_vpcs_tables() {
    let mut pg = Playground::with_preset(PresetId::Peering);
    let e = pg
        .apply(&Action::SetGatewayEndpoint {
            id: "vpce-a".into(),
            vpc: "vpc-a".into(),
            service: Service::S3,
            route_tables: vec!["rt-b".into()],
        })
        .unwrap_err();
    assert!(e.to_string().contains("own VPC"), "{e}");
}

// The DynamoDB endpoint uses DynamoDB's prefix list, not S3's.
#[test]
fn each_service_has_its_own_prefix_list() {
    let pg = replay(&[Action::SetGatewayEndpoint {
        id: "vpce-ddb".into(),
        vpc: "vpc-123".into(),
        service: Service::Dynamodb,
        route_tables: vec!["rt-2a".into()],
    }]);
    let via = |dst: &str| {
        let t = pg.trace_of(&to_ip("app-a", dst)).unwrap();
        kinds(&t.forward).contains(&ComponentKind::GatewayEndpoint)
    };
    assert!(via("52.94.0.10"));
    assert!(!via(S3_IP));
}

// Terraform: aws_vpc_endpoint of type Gateway with the Region's service name
// and the associated tables (hashicorp/aws provider, aws_vpc_endpoint).
#[test]
fn terraform_exports_the_endpoint() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a", "rt-2b"])]);
    let tf = pg.terraform();
    assert!(tf.contains("resource \"aws_vpc_endpoint\" \"vpce_s3\""));
    assert!(tf.contains("vpc_endpoint_type = \"Gateway\""));
    assert!(tf.contains("service_name      = \"com.amazonaws.us-east-1.s3\""));
    assert!(tf.contains("route_table_ids   = [aws_route_table.rt_2a.id, aws_route_table.rt_2b.id]"));
    // The derived routes are not written again as route blocks.
    assert!(!tf.contains("52.216.0.0/15"));
}

// The link keeps endpoints: snapshot, restore, same layout.
#[test]
fn endpoints_round_trip_through_the_snapshot() {
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a"])]);
    let back = Playground::from_snapshot(pg.snapshot()).unwrap();
    assert_eq!(back.network(), pg.network());
    assert_eq!(back.network().endpoints.len(), 1);
}

// "Gateway endpoints": after creating an endpoint you can add or remove the
// route tables it uses; each change adds or removes the routes.
#[test]
fn changing_the_route_tables_moves_the_routes() {
    let mut pg = replay(&[add_s3("vpce-s3", &[])]);
    let uses = |pg: &Playground, subnet: &str| {
        pg.route_decision(subnet, ip(S3_IP))
            .matched
            .map(|m| m.target)
            == Some(Target::Endpoint("vpce-s3".into()))
    };
    assert!(!uses(&pg, "subnet-private-a"));
    pg.apply(&add_s3("vpce-s3", &["rt-2a", "rt-2b"])).unwrap();
    assert!(uses(&pg, "subnet-private-a") && uses(&pg, "subnet-private-b"));
    pg.apply(&add_s3("vpce-s3", &["rt-2b"])).unwrap();
    assert!(!uses(&pg, "subnet-private-a") && uses(&pg, "subnet-private-b"));
    assert_eq!(pg.network().endpoints.len(), 1);
}

// The reachability matrix covers instance pairs: an endpoint's routes only
// match the service's prefix list, so instance-to-instance reachability is
// unchanged by adding one.
#[test]
fn the_matrix_is_unchanged_by_an_endpoint() {
    let before = Playground::default().matrix();
    let pg = replay(&[add_s3("vpce-s3", &["rt-2a", "rt-2b", "rt-2c"])]);
    assert_eq!(pg.matrix(), before);
}
