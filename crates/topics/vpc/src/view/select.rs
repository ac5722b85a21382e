//! What can be selected on the diagram, and how trace hops and endpoints
//! map onto it. Pure: no yew.

use super::super::model::{ComponentKind, Endpoint, Hop, Network};

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sel {
    Vpc(String),
    Subnet(String),
    RouteTable(String),
    Igw(String),
    Nat(String),
    Instance(String),
    SecurityGroup(String),
    Acl(String),
    Peering(String),
    Internet,
    Endpoint(String),
    /// An egress-only internet gateway (IPv6).
    #[cfg(feature = "ipv6")]
    Eigw(String),
}

impl Sel {
    /// The id the model knows it by ("internet" for the internet).
    pub fn id(&self) -> &str {
        match self {
            Sel::Vpc(id)
            | Sel::Subnet(id)
            | Sel::RouteTable(id)
            | Sel::Igw(id)
            | Sel::Nat(id)
            | Sel::Instance(id)
            | Sel::SecurityGroup(id)
            | Sel::Acl(id)
            | Sel::Peering(id)
            | Sel::Endpoint(id) => id,
            #[cfg(feature = "ipv6")]
            Sel::Eigw(id) => id,
            Sel::Internet => "internet",
        }
    }

    /// Does the selected thing still exist in `net`?
    pub fn exists(&self, net: &Network) -> bool {
        match self {
            Sel::Vpc(id) => net.vpc(id).is_some(),
            Sel::Subnet(id) => net.subnet(id).is_some(),
            Sel::RouteTable(id) => net.route_table(id).is_some(),
            Sel::Igw(id) => net.igw(id).is_some(),
            Sel::Nat(id) => net.nat(id).is_some(),
            Sel::Instance(id) => net.instance(id).is_some(),
            Sel::SecurityGroup(id) => net.security_group(id).is_some(),
            Sel::Acl(id) => net.network_acl(id).is_some(),
            Sel::Peering(id) => net.peering(id).is_some(),
            Sel::Internet => true,
            Sel::Endpoint(id) => net.endpoint(id).is_some(),
            #[cfg(feature = "ipv6")]
            Sel::Eigw(id) => net.ipv6.eigw(id).is_some(),
        }
    }

    /// A trace endpoint, if this can be one.
    pub fn endpoint(&self) -> Option<Endpoint> {
        match self {
            Sel::Instance(id) => Some(Endpoint::Instance(id.clone())),
            Sel::Internet => Some(Endpoint::Internet),
            _ => None,
        }
    }

    /// The subnet this selection sits in, for the CIDR explorer.
    pub fn subnet<'n>(&self, net: &'n Network) -> Option<&'n str> {
        match self {
            Sel::Subnet(id) => net.subnet(id).map(|s| s.id.as_str()),
            Sel::Instance(id) => net.instance(id).map(|i| i.subnet.as_str()),
            Sel::Nat(id) => net.nat(id).map(|n| n.subnet.as_str()),
            _ => None,
        }
    }
}

/// The component a trace hop stands for.
pub fn of_hop(hop: &Hop) -> Sel {
    let id = hop.component.clone();
    match hop.kind {
        ComponentKind::Internet => Sel::Internet,
        ComponentKind::Instance => Sel::Instance(id),
        ComponentKind::SecurityGroup => Sel::SecurityGroup(id),
        ComponentKind::NetworkAcl => Sel::Acl(id),
        ComponentKind::RouteTable => Sel::RouteTable(id),
        ComponentKind::InternetGateway => Sel::Igw(id),
        ComponentKind::NatGateway => Sel::Nat(id),
        ComponentKind::Peering => Sel::Peering(id),
        ComponentKind::SubnetHost => Sel::Subnet(id),
        ComponentKind::Vpc => Sel::Vpc(id),
        ComponentKind::GatewayEndpoint => Sel::Endpoint(id),
        #[cfg(feature = "ipv6")]
        ComponentKind::EgressOnlyGateway => Sel::Eigw(id),
    }
}

/// How an endpoint reads in a sentence.
pub fn endpoint_name(e: &Endpoint) -> String {
    match e {
        Endpoint::Instance(id) => id.clone(),
        Endpoint::Internet => "the internet".into(),
        Endpoint::Ip(ip) => ip.to_string(),
        #[cfg(feature = "ipv6")]
        Endpoint::Instance6(id) => format!("{id} (IPv6)"),
        #[cfg(feature = "ipv6")]
        Endpoint::Internet6 => "the internet (IPv6)".into(),
    }
}
