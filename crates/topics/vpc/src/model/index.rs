//! Lookup tables built once per layout so traces and the matrix never scan
//! lists by id. Built from any layout without panicking: missing references
//! just become `None`.

use super::sorted::SortedMap;
use std::net::Ipv4Addr;

use super::filters::{AclRule, NetworkAcl};
use super::layout::{Instance, NatGateway, Network, Subnet};
use super::lookup::CompiledTable;
use super::packet::Faults;

/// Something that owns an address in a subnet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Eni {
    Instance(usize),
    Nat(usize),
    /// An address in a subnet that no modelled interface holds.
    Host(usize),
}

pub(super) struct Index<'a> {
    pub net: &'a Network,
    pub vpcs: SortedMap<&'a str, usize>,
    pub instances: SortedMap<&'a str, usize>,
    pub nats: SortedMap<&'a str, usize>,
    pub groups: SortedMap<&'a str, usize>,
    pub peerings: SortedMap<&'a str, usize>,
    pub subnet_vpc: Vec<Option<usize>>,
    pub subnet_failed: Vec<bool>,
    pub subnet_table: Vec<Option<usize>>,
    pub tables: Vec<CompiledTable>,
    pub subnet_acl: Vec<Option<usize>>,
    /// Per ACL: (inbound, outbound) rules in evaluation order.
    pub acl_rules: Vec<(Vec<&'a AclRule>, Vec<&'a AclRule>)>,
    pub instance_subnet: Vec<Option<usize>>,
    pub nat_subnet: Vec<Option<usize>>,
    pub private: SortedMap<(usize, Ipv4Addr), Eni>,
    pub public: SortedMap<Ipv4Addr, Eni>,
    pub vpc_igw: Vec<Option<usize>>,
}

impl<'a> Index<'a> {
    pub fn new(net: &'a Network, faults: &Faults) -> Index<'a> {
        let ids = |list: Vec<&'a str>| -> SortedMap<&'a str, usize> {
            list.into_iter()
                .enumerate()
                .map(|(k, id)| (id, k))
                .collect()
        };
        let vpcs = ids(net.vpcs.iter().map(|v| v.id.as_str()).collect());
        let subnets = ids(net.subnets.iter().map(|v| v.id.as_str()).collect());
        let tables_by_id = ids(net.route_tables.iter().map(|v| v.id.as_str()).collect());
        let acls_by_id = ids(net.network_acls.iter().map(|v| v.id.as_str()).collect());
        let subnet_vpc = net
            .subnets
            .iter()
            .map(|s| vpcs.get(s.vpc.as_str()).copied())
            .collect();
        let subnet_failed = net
            .subnets
            .iter()
            .map(|s| faults.is_failed(&s.az))
            .collect();
        let subnet_table = net
            .subnets
            .iter()
            .map(|s| {
                net.table_for_subnet(&s.id)
                    .and_then(|t| tables_by_id.get(t.id.as_str()).copied())
            })
            .collect();
        let subnet_acl = net
            .subnets
            .iter()
            .map(|s| {
                net.acl_for_subnet(&s.id)
                    .and_then(|a| acls_by_id.get(a.id.as_str()).copied())
            })
            .collect();
        let tables = net
            .route_tables
            .iter()
            .map(|t| CompiledTable::new(net, t))
            .collect();
        let acl_rules = net.network_acls.iter().map(split_rules).collect();
        let locate = |subnet: &str| subnets.get(subnet).copied();
        let instance_subnet: Vec<Option<usize>> =
            net.instances.iter().map(|i| locate(&i.subnet)).collect();
        let nat_subnet: Vec<Option<usize>> =
            net.nat_gateways.iter().map(|n| locate(&n.subnet)).collect();
        let vpc_igw = net
            .vpcs
            .iter()
            .map(|v| net.internet_gateways.iter().position(|g| g.vpc == v.id))
            .collect();
        let mut ix = Index {
            net,
            vpcs,
            instances: ids(net.instances.iter().map(|v| v.id.as_str()).collect()),
            nats: ids(net.nat_gateways.iter().map(|v| v.id.as_str()).collect()),
            groups: ids(net.security_groups.iter().map(|v| v.id.as_str()).collect()),
            peerings: ids(net.peerings.iter().map(|v| v.id.as_str()).collect()),
            subnet_vpc,
            subnet_failed,
            subnet_table,
            tables,
            subnet_acl,
            acl_rules,
            instance_subnet,
            nat_subnet,
            private: SortedMap::new(),
            public: SortedMap::new(),
            vpc_igw,
        };
        ix.index_addresses();
        ix
    }

    fn index_addresses(&mut self) {
        let net = self.net;
        for (k, n) in net.nat_gateways.iter().enumerate() {
            if let Some(vpc) = self
                .nat_subnet
                .get(k)
                .copied()
                .flatten()
                .and_then(|s| self.subnet_vpc.get(s).copied().flatten())
            {
                self.private.insert((vpc, n.private_ip), Eni::Nat(k));
            }
            self.public.insert(n.elastic_ip, Eni::Nat(k));
        }
        for (k, i) in net.instances.iter().enumerate() {
            if let Some(vpc) = self
                .instance_subnet
                .get(k)
                .copied()
                .flatten()
                .and_then(|s| self.subnet_vpc.get(s).copied().flatten())
            {
                self.private.insert((vpc, i.private_ip), Eni::Instance(k));
            }
            if let Some(ip) = i.public_ip {
                self.public.insert(ip, Eni::Instance(k));
            }
        }
    }

    pub fn subnet(&self, s: usize) -> Option<&'a Subnet> {
        self.net.subnets.get(s)
    }
    pub fn instance(&self, k: usize) -> Option<&'a Instance> {
        self.net.instances.get(k)
    }
    pub fn nat(&self, k: usize) -> Option<&'a NatGateway> {
        self.net.nat_gateways.get(k)
    }
    pub fn acl(&self, s: usize) -> Option<(&'a NetworkAcl, usize)> {
        let a = (*self.subnet_acl.get(s)?)?;
        Some((self.net.network_acls.get(a)?, a))
    }
    pub fn table(&self, s: usize) -> Option<&CompiledTable> {
        let t = (*self.subnet_table.get(s)?)?;
        self.tables.get(t)
    }

    pub fn eni_subnet(&self, eni: Eni) -> Option<usize> {
        match eni {
            Eni::Instance(k) => self.instance_subnet.get(k).copied().flatten(),
            Eni::Nat(k) => self.nat_subnet.get(k).copied().flatten(),
            Eni::Host(s) => Some(s),
        }
    }

    pub fn eni_failed(&self, eni: Eni) -> bool {
        self.eni_subnet(eni)
            .and_then(|s| self.subnet_failed.get(s).copied())
            .unwrap_or(false)
    }

    pub fn vpc_of_eni(&self, eni: Eni) -> Option<usize> {
        self.eni_subnet(eni)
            .and_then(|s| self.subnet_vpc.get(s).copied().flatten())
    }

    /// Who holds `ip` inside VPC `vpc`: an interface, or else a bare subnet address.
    pub fn resolve_private(&self, vpc: usize, ip: Ipv4Addr) -> Option<Eni> {
        if let Some(e) = self.private.get(&(vpc, ip)) {
            return Some(*e);
        }
        self.net
            .subnets
            .iter()
            .enumerate()
            .find(|(s, sn)| {
                self.subnet_vpc.get(*s).copied().flatten() == Some(vpc) && sn.cidr.contains(&ip)
            })
            .map(|(s, _)| Eni::Host(s))
    }

    /// The VPC whose CIDR holds `ip`, preferring `prefer` when CIDRs overlap.
    pub fn vpc_holding(&self, ip: Ipv4Addr, prefer: Option<usize>) -> Option<usize> {
        if let Some(p) = prefer {
            if self.net.vpcs.get(p).is_some_and(|v| v.contains(ip)) {
                return Some(p);
            }
        }
        self.net.vpcs.iter().position(|v| v.contains(ip))
    }

    pub fn az_of_subnet(&self, s: usize) -> Option<String> {
        self.subnet(s).map(|sn| sn.az.clone())
    }

    /// The AZ of instance `k`'s subnet.
    pub fn az_of_instance(&self, k: usize) -> Option<String> {
        let s = self.instance_subnet.get(k).copied().flatten()?;
        self.az_of_subnet(s)
    }
}

fn split_rules(acl: &NetworkAcl) -> (Vec<&AclRule>, Vec<&AclRule>) {
    (acl.ordered(false), acl.ordered(true))
}
