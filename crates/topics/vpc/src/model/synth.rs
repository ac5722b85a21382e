//! A seeded synthetic VPC for the all-pairs benchmark: one VPC over several
//! AZs, a public subnet and a NAT per AZ, and random security groups and
//! network ACLs that block some pairs and allow others.

use ipnet::Ipv4Net;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::error::VpcError;
use super::filters::{
    AclAction, AclRule, NetworkAcl, PortRange, Protocol, SecurityGroup, SgPeer, SgRule,
};
use super::layout::{Instance, InternetGateway, NatGateway, Network, Subnet, Target, Vpc};
use super::limits::{MAX_ACL_RULES, MAX_INSTANCES, MAX_SECURITY_GROUPS, MAX_SUBNETS};
use super::presets::{default_route, net, table};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynthParams {
    pub seed: u64,
    pub azs: usize,
    pub subnets: usize,
    pub instances: usize,
    pub security_groups: usize,
    /// Rules per network ACL, split between inbound and outbound.
    pub acl_rules: usize,
}

impl SynthParams {
    /// The benchmark's size: 3 AZs, 60 subnets, 300 instances, 20 SGs, ACLs of 20 rules.
    pub const BENCHMARK: SynthParams = SynthParams {
        seed: 2019,
        azs: 3,
        subnets: 60,
        instances: 300,
        security_groups: 20,
        acl_rules: 20,
    };

    fn check(&self) -> Result<(), VpcError> {
        let limits: [(usize, usize, usize, &'static str); 5] = [
            (self.azs, 1, 6, "availability zones"),
            (self.subnets, self.azs.max(1), MAX_SUBNETS, "subnets"),
            (
                self.instances,
                0,
                MAX_INSTANCES.min(self.subnets.saturating_mul(200)),
                "instances",
            ),
            (
                self.security_groups,
                1,
                MAX_SECURITY_GROUPS,
                "security groups",
            ),
            (self.acl_rules, 0, 2 * MAX_ACL_RULES, "ACL rules"),
        ];
        for (value, lo, hi, what) in limits {
            if value < lo || value > hi {
                return Err(VpcError::TooMany { what, max: hi });
            }
        }
        Ok(())
    }
}

const PORTS: [u32; 6] = [22, 80, 443, 3306, 5432, 8080];
const VPC: &str = "vpc-synth";

fn az_name(k: usize) -> String {
    let letter = char::from(b'a' + u8::try_from(k % 26).unwrap_or(0));
    format!("us-east-1{letter}")
}

fn third_octet(k: usize) -> u8 {
    u8::try_from(k).unwrap_or(u8::MAX)
}

/// A uniform pick that samples a `u32`, so native and wasm builds (where
/// `usize` differs) generate the same layout from the same seed.
fn pick<'a, T>(rng: &mut ChaCha8Rng, items: &'a [T]) -> Option<&'a T> {
    let n = u32::try_from(items.len()).ok().filter(|&n| n > 0)?;
    items.get(usize::try_from(rng.gen_range(0..n)).ok()?)
}

/// A random block inside the VPC, or the whole VPC, or anywhere.
fn random_cidr(rng: &mut ChaCha8Rng) -> Ipv4Net {
    match rng.gen_range(0u32..10) {
        0..=2 => Ipv4Net::default(),
        3..=4 => net(10, 0, 0, 0, 16),
        _ => {
            let p = rng.gen_range(20u8..=26);
            let addr = Ipv4Addr::new(10, 0, rng.gen(), rng.gen());
            Ipv4Net::new(addr, p).map(|n| n.trunc()).unwrap_or_default()
        }
    }
}

fn random_ports(rng: &mut ChaCha8Rng) -> PortRange {
    match rng.gen_range(0u32..10) {
        0 => PortRange::ALL,
        1..=2 => PortRange::EPHEMERAL,
        _ => PortRange::single(*pick(rng, &PORTS).unwrap_or(&443)),
    }
}

pub fn synthetic(p: &SynthParams) -> Result<Network, VpcError> {
    p.check()?;
    let mut rng = ChaCha8Rng::seed_from_u64(p.seed);
    let mut n = Network::default();
    n.vpcs.push(Vpc {
        id: VPC.into(),
        cidr: net(10, 0, 0, 0, 16),
        secondary_cidrs: Vec::new(),
    });
    n.internet_gateways.push(InternetGateway {
        id: "ig-synth".into(),
        vpc: VPC.into(),
    });
    n.network_acls
        .push(NetworkAcl::new_default("acl-default", VPC));
    n.route_tables
        .push(table("rt-main", VPC, true, Vec::new(), &[]));
    let igw = vec![default_route(Target::Igw("ig-synth".into()))];
    n.route_tables
        .push(table("rt-public", VPC, false, igw, &[]));
    for k in 0..p.subnets {
        n.subnets.push(Subnet {
            id: format!("subnet-{k:03}"),
            vpc: VPC.into(),
            cidr: net(10, 0, third_octet(k), 0, 24),
            az: az_name(k % p.azs),
        });
    }
    for z in 0..p.azs {
        let public = format!("subnet-{z:03}");
        let nat = format!("nat-{}", az_name(z));
        n.nat_gateways.push(NatGateway {
            id: nat.clone(),
            subnet: public.clone(),
            private_ip: Ipv4Addr::new(10, 0, third_octet(z), 5),
            elastic_ip: Ipv4Addr::new(198, 51, 100, third_octet(z + 1)),
        });
        if let Some(t) = n.route_tables.get_mut(1) {
            t.subnets.push(public);
        }
        let private: Vec<String> = (p.azs..p.subnets)
            .filter(|k| k % p.azs == z)
            .map(|k| format!("subnet-{k:03}"))
            .collect();
        let refs: Vec<&str> = private.iter().map(String::as_str).collect();
        let via_nat = vec![default_route(Target::Nat(nat))];
        n.route_tables.push(table(
            &format!("rt-private-{}", az_name(z)),
            VPC,
            false,
            via_nat,
            &refs,
        ));
    }
    add_acls(&mut n, p, &mut rng);
    add_groups(&mut n, p, &mut rng);
    add_instances(&mut n, p, &mut rng);
    Ok(n)
}

fn add_acls(n: &mut Network, p: &SynthParams, rng: &mut ChaCha8Rng) {
    let count = (p.subnets / 10).max(1);
    for a in 0..count {
        let mut acl = NetworkAcl::new_custom(&format!("acl-{a:02}"), VPC);
        for r in 0..p.acl_rules {
            let egress = r % 2 == 1;
            let number = u32::try_from(10 * (r / 2 + 1)).unwrap_or(10);
            let protocol = *pick(
                rng,
                &[Protocol::Tcp, Protocol::Tcp, Protocol::Udp, Protocol::All],
            )
            .unwrap_or(&Protocol::Tcp);
            let action = if rng.gen_bool(0.8) {
                AclAction::Allow
            } else {
                AclAction::Deny
            };
            acl.rules.push(AclRule {
                number,
                egress,
                action,
                protocol,
                ports: random_ports(rng),
                cidr: random_cidr(rng),
            });
        }
        acl.subnets = (p.azs..p.subnets)
            .filter(|k| k % count == a)
            .map(|k| format!("subnet-{k:03}"))
            .collect();
        n.network_acls.push(acl);
    }
}

fn add_groups(n: &mut Network, p: &SynthParams, rng: &mut ChaCha8Rng) {
    let ids: Vec<String> = (0..p.security_groups)
        .map(|g| format!("sg-{g:02}"))
        .collect();
    for id in &ids {
        let mut g = SecurityGroup::new(id, VPC);
        for _ in 0..rng.gen_range(1u32..=4) {
            let peer = if rng.gen_bool(0.4) {
                SgPeer::Group(pick(rng, &ids).cloned().unwrap_or_else(|| id.clone()))
            } else {
                SgPeer::Cidr(random_cidr(rng))
            };
            let protocol = if rng.gen_bool(0.9) {
                Protocol::Tcp
            } else {
                Protocol::All
            };
            g.inbound.push(SgRule {
                protocol,
                ports: random_ports(rng),
                peer,
            });
        }
        if rng.gen_bool(0.3) {
            g.outbound = vec![SgRule {
                protocol: Protocol::Tcp,
                ports: random_ports(rng),
                peer: SgPeer::Cidr(random_cidr(rng)),
            }];
        }
        n.security_groups.push(g);
    }
}

fn add_instances(n: &mut Network, p: &SynthParams, rng: &mut ChaCha8Rng) {
    let ids: Vec<String> = n.security_groups.iter().map(|g| g.id.clone()).collect();
    for k in 0..p.instances {
        let s = k % p.subnets;
        let host = u8::try_from(10 + k / p.subnets).unwrap_or(250);
        let mut pool: Vec<&String> = ids.iter().collect();
        let mut groups: Vec<String> = Vec::new();
        for _ in 0..rng.gen_range(1u32..=3) {
            let Some(&g) = pick(rng, &pool) else {
                break;
            };
            pool.retain(|x| *x != g);
            groups.push(g.clone());
        }
        groups.sort();
        n.instances.push(Instance {
            id: format!("i-{k:03}"),
            subnet: format!("subnet-{s:03}"),
            private_ip: Ipv4Addr::new(10, 0, third_octet(s), host),
            public_ip: None,
            security_groups: groups,
            source_dest_check: true,
        });
    }
}
