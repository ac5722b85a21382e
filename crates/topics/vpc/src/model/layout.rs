//! The network layout: what a user draws on the VPC diagram. Plain data with
//! serde; rules live in `validate`, behaviour in `lookup` and `trace`.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::filters::{NetworkAcl, SecurityGroup};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub vpcs: Vec<Vpc>,
    pub subnets: Vec<Subnet>,
    pub route_tables: Vec<RouteTable>,
    pub internet_gateways: Vec<InternetGateway>,
    pub nat_gateways: Vec<NatGateway>,
    pub instances: Vec<Instance>,
    pub security_groups: Vec<SecurityGroup>,
    pub network_acls: Vec<NetworkAcl>,
    pub peerings: Vec<Peering>,
    #[serde(default)]
    pub endpoints: Vec<super::endpoint::GatewayEndpoint>,
    #[cfg(feature = "ipv6")]
    /// Dual-stack parts: /56 and /64 blocks, egress-only gateways, routes.
    #[serde(default)]
    pub ipv6: super::ipv6::Ipv6Layout,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vpc {
    pub id: String,
    pub cidr: Ipv4Net,
    #[serde(default)]
    pub secondary_cidrs: Vec<Ipv4Net>,
}

impl Vpc {
    /// Primary then secondary blocks; each gets an implicit local route.
    pub fn cidrs(&self) -> impl Iterator<Item = Ipv4Net> + '_ {
        std::iter::once(self.cidr).chain(self.secondary_cidrs.iter().copied())
    }

    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        self.cidrs().any(|c| c.contains(&ip))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subnet {
    pub id: String,
    pub vpc: String,
    pub cidr: Ipv4Net,
    pub az: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteTable {
    pub id: String,
    pub vpc: String,
    #[serde(default)]
    pub main: bool,
    #[serde(default)]
    pub routes: Vec<Route>,
    /// Explicit subnet associations; other subnets of the VPC use the main table.
    #[serde(default)]
    pub subnets: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Route {
    pub destination: Ipv4Net,
    pub target: Target,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Only ever implicit: one per VPC CIDR, never stored in `routes`.
    Local,
    Igw(String),
    Nat(String),
    /// The primary network interface of an instance (an ENI target).
    Instance(String),
    Peering(String),
    /// A gateway VPC endpoint; its routes come from associations, see `endpoint`.
    Endpoint(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::Local => "local",
            Target::Igw(id)
            | Target::Nat(id)
            | Target::Instance(id)
            | Target::Peering(id)
            | Target::Endpoint(id) => id,
        }
    }
}

/// A route whose target was deleted stays in the table as `Blackhole`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteState {
    Active,
    Blackhole,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InternetGateway {
    pub id: String,
    pub vpc: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NatGateway {
    pub id: String,
    /// Its AZ is this subnet's AZ; it serves only that AZ.
    pub subnet: String,
    pub private_ip: Ipv4Addr,
    pub elastic_ip: Ipv4Addr,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    pub id: String,
    pub subnet: String,
    pub private_ip: Ipv4Addr,
    #[serde(default)]
    pub public_ip: Option<Ipv4Addr>,
    pub security_groups: Vec<String>,
    /// Must be off for the instance to forward traffic as a route target.
    #[serde(default = "yes")]
    pub source_dest_check: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peering {
    pub id: String,
    pub requester: String,
    pub accepter: String,
}

impl Peering {
    /// The VPC on the other side from `vpc`, if `vpc` is one end.
    pub fn other_side(&self, vpc: &str) -> Option<&str> {
        if self.requester == vpc {
            Some(&self.accepter)
        } else if self.accepter == vpc {
            Some(&self.requester)
        } else {
            None
        }
    }
}

impl Network {
    pub fn vpc(&self, id: &str) -> Option<&Vpc> {
        self.vpcs.iter().find(|v| v.id == id)
    }
    pub fn subnet(&self, id: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.id == id)
    }
    pub fn route_table(&self, id: &str) -> Option<&RouteTable> {
        self.route_tables.iter().find(|t| t.id == id)
    }
    pub fn instance(&self, id: &str) -> Option<&Instance> {
        self.instances.iter().find(|i| i.id == id)
    }
    pub fn nat(&self, id: &str) -> Option<&NatGateway> {
        self.nat_gateways.iter().find(|n| n.id == id)
    }
    pub fn igw(&self, id: &str) -> Option<&InternetGateway> {
        self.internet_gateways.iter().find(|g| g.id == id)
    }
    pub fn security_group(&self, id: &str) -> Option<&SecurityGroup> {
        self.security_groups.iter().find(|g| g.id == id)
    }
    pub fn network_acl(&self, id: &str) -> Option<&NetworkAcl> {
        self.network_acls.iter().find(|a| a.id == id)
    }
    pub fn peering(&self, id: &str) -> Option<&Peering> {
        self.peerings.iter().find(|p| p.id == id)
    }

    /// A NAT gateway's AZ is derived from its subnet.
    pub fn nat_az(&self, id: &str) -> Option<&str> {
        let nat = self.nat(id)?;
        self.subnet(&nat.subnet).map(|s| s.az.as_str())
    }

    pub fn instance_az(&self, id: &str) -> Option<&str> {
        let inst = self.instance(id)?;
        self.subnet(&inst.subnet).map(|s| s.az.as_str())
    }

    /// The table a subnet uses: its explicit association, else the VPC's main table.
    pub fn table_for_subnet(&self, subnet: &str) -> Option<&RouteTable> {
        let vpc = &self.subnet(subnet)?.vpc;
        self.route_tables
            .iter()
            .find(|t| t.vpc == *vpc && t.subnets.iter().any(|s| s == subnet))
            .or_else(|| self.route_tables.iter().find(|t| t.vpc == *vpc && t.main))
    }

    /// The ACL a subnet uses: its explicit association, else the VPC's default ACL.
    /// `None` means the VPC has no ACL object, which behaves as AWS's default (allow all).
    pub fn acl_for_subnet(&self, subnet: &str) -> Option<&NetworkAcl> {
        let vpc = &self.subnet(subnet)?.vpc;
        self.network_acls
            .iter()
            .find(|a| a.vpc == *vpc && a.subnets.iter().any(|s| s == subnet))
            .or_else(|| {
                self.network_acls
                    .iter()
                    .find(|a| a.vpc == *vpc && a.default)
            })
    }

    /// Active unless the target no longer exists (or no longer belongs to this VPC).
    pub fn route_state(&self, vpc: &str, target: &Target) -> RouteState {
        let alive = match target {
            Target::Local => true,
            Target::Igw(id) => self.igw(id).is_some_and(|g| g.vpc == vpc),
            Target::Nat(id) => self
                .nat(id)
                .and_then(|n| self.subnet(&n.subnet))
                .is_some_and(|s| s.vpc == vpc),
            Target::Instance(id) => self
                .instance(id)
                .and_then(|i| self.subnet(&i.subnet))
                .is_some_and(|s| s.vpc == vpc),
            Target::Peering(id) => self
                .peering(id)
                .is_some_and(|p| p.other_side(vpc).is_some()),
            Target::Endpoint(id) => self.endpoint(id).is_some_and(|e| e.vpc == vpc),
        };
        if alive {
            RouteState::Active
        } else {
            RouteState::Blackhole
        }
    }

    /// Every AZ that holds a subnet, sorted.
    pub fn azs(&self) -> Vec<String> {
        let mut azs: Vec<String> = self.subnets.iter().map(|s| s.az.clone()).collect();
        azs.sort();
        azs.dedup();
        azs
    }

    /// Is the pair of VPCs joined by a peering connection?
    pub fn peered(&self, a: &str, b: &str) -> Option<&Peering> {
        self.peerings
            .iter()
            .find(|p| p.other_side(a).is_some_and(|o| o == b))
    }
}
