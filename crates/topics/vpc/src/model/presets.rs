//! The ready-made layouts: the article's VPC (with its local route
//! corrected), the cheap single-NAT variant, a locked-down ACL that forgets
//! ephemeral ports, and three VPCs showing that peering is not transitive.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::filters::{
    AclAction, AclRule, NetworkAcl, PortRange, Protocol, SecurityGroup, SgPeer, SgRule,
};
use super::layout::{
    Instance, InternetGateway, NatGateway, Network, Route, RouteTable, Subnet, Target, Vpc,
};
use super::packet::{Endpoint, TraceSpec, DEFAULT_EPHEMERAL_PORT};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetId {
    Article,
    SingleNat,
    LockedNacl,
    Peering,
}

impl PresetId {
    pub const ALL: [PresetId; 4] = [
        PresetId::Article,
        PresetId::SingleNat,
        PresetId::LockedNacl,
        PresetId::Peering,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PresetId::Article => "The article's VPC (one NAT per AZ)",
            PresetId::SingleNat => "Single NAT (cheap, fragile)",
            PresetId::LockedNacl => "Locked-down NACL that forgets ephemeral ports",
            PresetId::Peering => "Two peered VPCs plus a third that is not transitive",
        }
    }

    pub fn build(self) -> Network {
        match self {
            PresetId::Article => article(),
            PresetId::SingleNat => single_nat(),
            PresetId::LockedNacl => locked_nacl(),
            PresetId::Peering => peering(),
        }
    }

    /// The trace the panel shows when the preset loads.
    pub fn default_trace(self) -> TraceSpec {
        let (src, dst, port) = match self {
            PresetId::Article | PresetId::LockedNacl => {
                (Endpoint::Internet, Endpoint::Instance("web-a".into()), 80)
            }
            PresetId::SingleNat => (Endpoint::Instance("app-b".into()), Endpoint::Internet, 443),
            PresetId::Peering => (
                Endpoint::Instance("host-a".into()),
                Endpoint::Instance("host-b".into()),
                22,
            ),
        };
        TraceSpec {
            src,
            dst,
            protocol: Protocol::Tcp,
            port,
            src_port: DEFAULT_EPHEMERAL_PORT,
        }
    }
}

pub(super) fn net(a: u8, b: u8, c: u8, d: u8, p: u8) -> Ipv4Net {
    Ipv4Net::new(Ipv4Addr::new(a, b, c, d), p).unwrap_or_default()
}

pub(super) fn tcp_from(port: u32, peer: SgPeer) -> SgRule {
    SgRule {
        protocol: Protocol::Tcp,
        ports: PortRange::single(port),
        peer,
    }
}

pub(super) fn acl_rule(number: u32, egress: bool, ports: PortRange, cidr: Ipv4Net) -> AclRule {
    AclRule {
        number,
        egress,
        action: AclAction::Allow,
        protocol: Protocol::Tcp,
        ports,
        cidr,
    }
}

pub(super) fn table(
    id: &str,
    vpc: &str,
    main: bool,
    routes: Vec<Route>,
    subnets: &[&str],
) -> RouteTable {
    RouteTable {
        id: id.into(),
        vpc: vpc.into(),
        main,
        routes,
        subnets: subnets.iter().map(|s| s.to_string()).collect(),
    }
}

pub(super) fn default_route(target: Target) -> Route {
    Route {
        destination: Ipv4Net::default(),
        target,
    }
}

pub(super) fn host(
    id: &str,
    subnet: &str,
    ip: Ipv4Addr,
    public: Option<Ipv4Addr>,
    sg: &str,
) -> Instance {
    Instance {
        id: id.into(),
        subnet: subnet.into(),
        private_ip: ip,
        public_ip: public,
        security_groups: vec![sg.into()],
        source_dest_check: true,
    }
}

/// vpc-123 (10.0.0.0/16): public 10.0.1-3.0/24 with a NAT each, private
/// 10.0.4-6.0/24, one web and one app instance per AZ.
fn article() -> Network {
    let mut n = Network::default();
    let vpc = "vpc-123";
    n.vpcs.push(Vpc {
        id: vpc.into(),
        cidr: net(10, 0, 0, 0, 16),
        secondary_cidrs: Vec::new(),
    });
    n.internet_gateways.push(InternetGateway {
        id: "ig-1".into(),
        vpc: vpc.into(),
    });
    n.network_acls
        .push(NetworkAcl::new_default("acl-default", vpc));
    n.route_tables
        .push(table("rt-main", vpc, true, Vec::new(), &[]));
    for (k, az) in (1u8..).zip(["a", "b", "c"]) {
        let public = format!("subnet-public-{az}");
        let private = format!("subnet-private-{az}");
        for (id, third) in [(&public, k), (&private, k + 3)] {
            n.subnets.push(Subnet {
                id: id.clone(),
                vpc: vpc.into(),
                cidr: net(10, 0, third, 0, 24),
                az: format!("us-east-1{az}"),
            });
        }
        let nat = format!("nat-{az}");
        n.nat_gateways.push(NatGateway {
            id: nat.clone(),
            subnet: public.clone(),
            private_ip: Ipv4Addr::new(10, 0, k, 5),
            elastic_ip: Ipv4Addr::new(198, 51, 100, k),
        });
        let igw = default_route(Target::Igw("ig-1".into()));
        n.route_tables.push(table(
            &format!("rt-1{az}"),
            vpc,
            false,
            vec![igw],
            &[&public],
        ));
        let via_nat = default_route(Target::Nat(nat));
        n.route_tables.push(table(
            &format!("rt-2{az}"),
            vpc,
            false,
            vec![via_nat],
            &[&private],
        ));
        let web_ip = Ipv4Addr::new(10, 0, k, 10);
        let web_public = Some(Ipv4Addr::new(198, 51, 100, 10 + k));
        n.instances.push(host(
            &format!("web-{az}"),
            &public,
            web_ip,
            web_public,
            "sg-web",
        ));
        let app_ip = Ipv4Addr::new(10, 0, k + 3, 10);
        n.instances
            .push(host(&format!("app-{az}"), &private, app_ip, None, "sg-app"));
    }
    let anywhere = SgPeer::Cidr(Ipv4Net::default());
    let mut web = SecurityGroup::new("sg-web", vpc);
    web.inbound = vec![tcp_from(80, anywhere.clone()), tcp_from(443, anywhere)];
    let mut app = SecurityGroup::new("sg-app", vpc);
    app.inbound = vec![tcp_from(8080, SgPeer::Group("sg-web".into()))];
    n.security_groups = vec![web, app];
    n
}

/// Every private table points at the NAT in AZ a; nat-b and nat-c are gone.
fn single_nat() -> Network {
    let mut n = article();
    n.nat_gateways.retain(|g| g.id == "nat-a");
    for t in n
        .route_tables
        .iter_mut()
        .filter(|t| t.id.starts_with("rt-2"))
    {
        t.routes = vec![default_route(Target::Nat("nat-a".into()))];
    }
    n
}

/// The public subnets get an ACL that allows 80 and 443 both ways and
/// nothing else, so replies to ephemeral ports hit the final `*` deny.
fn locked_nacl() -> Network {
    let mut n = article();
    let mut acl = NetworkAcl::new_custom("acl-public", "vpc-123");
    let anywhere = Ipv4Net::default();
    for egress in [false, true] {
        acl.rules
            .push(acl_rule(100, egress, PortRange::single(80), anywhere));
        acl.rules
            .push(acl_rule(110, egress, PortRange::single(443), anywhere));
    }
    acl.subnets = ["a", "b", "c"]
        .iter()
        .map(|az| format!("subnet-public-{az}"))
        .collect();
    n.network_acls.push(acl);
    n
}

/// vpc-a <-> vpc-b <-> vpc-c: a and c both peer with b, not with each other.
fn peering() -> Network {
    let mut n = Network::default();
    for (k, name) in (1u8..).zip(["a", "b", "c"]) {
        let vpc = format!("vpc-{name}");
        let subnet = format!("subnet-{name}");
        let sg = format!("sg-{name}");
        n.vpcs.push(Vpc {
            id: vpc.clone(),
            cidr: net(10, k, 0, 0, 16),
            secondary_cidrs: Vec::new(),
        });
        n.subnets.push(Subnet {
            id: subnet.clone(),
            vpc: vpc.clone(),
            cidr: net(10, k, 1, 0, 24),
            az: "us-east-1a".into(),
        });
        n.network_acls
            .push(NetworkAcl::new_default(&format!("acl-{name}"), &vpc));
        let mut group = SecurityGroup::new(&sg, &vpc);
        group.inbound = vec![tcp_from(22, SgPeer::Cidr(net(10, 0, 0, 0, 8)))];
        n.security_groups.push(group);
        let ip = Ipv4Addr::new(10, k, 1, 10);
        n.instances
            .push(host(&format!("host-{name}"), &subnet, ip, None, &sg));
    }
    let to = |c: u8, pcx: &str| Route {
        destination: net(10, c, 0, 0, 16),
        target: Target::Peering(pcx.into()),
    };
    n.route_tables = vec![
        table("rt-a", "vpc-a", true, vec![to(2, "pcx-ab")], &[]),
        table(
            "rt-b",
            "vpc-b",
            true,
            vec![to(1, "pcx-ab"), to(3, "pcx-bc")],
            &[],
        ),
        table("rt-c", "vpc-c", true, vec![to(2, "pcx-bc")], &[]),
    ];
    n.peerings = vec![
        super::layout::Peering {
            id: "pcx-ab".into(),
            requester: "vpc-a".into(),
            accepter: "vpc-b".into(),
        },
        super::layout::Peering {
            id: "pcx-bc".into(),
            requester: "vpc-b".into(),
            accepter: "vpc-c".into(),
        },
    ];
    n
}
