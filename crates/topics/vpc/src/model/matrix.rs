//! All-pairs reachability over instances for one protocol and port. Pairs
//! in the same VPC whose routes are plain `local` are decided from
//! precomputed bit sets (no hop lists); every other pair falls back to the
//! full trace, so the two always agree.

use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::filters::{first_match, protocol_port_match, AclAction, AclRule, Protocol, SgPeer};
use super::index::Index;
use super::layout::{Network, Target};
use super::packet::{Code, CodeSet, Endpoint, Faults, TraceSpec};
use super::trace::trace_indexed;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub reachable: bool,
    /// Blocking explanation codes of the cell's trace.
    pub codes: CodeSet,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matrix {
    /// Row and column order.
    pub instances: Vec<String>,
    pub protocol: Protocol,
    pub port: u16,
    pub src_port: u16,
    /// Row-major: `cells[row * n + col]` is row -> col. The diagonal is
    /// reachable by definition and has no trace.
    pub cells: Vec<Cell>,
    #[cfg(feature = "ipv6")]
    /// The pairs were traced over IPv6 (see `trace6`).
    #[serde(default)]
    pub ipv6: bool,
}

impl Matrix {
    pub fn size(&self) -> usize {
        self.instances.len()
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        if row >= self.size() || col >= self.size() {
            return None;
        }
        self.cells.get(row * self.size() + col)
    }

    /// The trace a cell summarises, for the view to open on click.
    pub fn trace_spec(&self, row: usize, col: usize) -> Option<TraceSpec> {
        if row == col {
            return None;
        }
        let spec = TraceSpec {
            src: Endpoint::Instance(self.instances.get(row)?.clone()),
            dst: Endpoint::Instance(self.instances.get(col)?.clone()),
            protocol: self.protocol,
            port: self.port,
            src_port: self.src_port,
        };
        #[cfg(feature = "ipv6")]
        let spec = if self.ipv6 {
            super::trace6::over_ipv6(spec)
        } else {
            spec
        };
        Some(spec)
    }

    pub fn reachable_pairs(&self) -> usize {
        let n = self.size();
        (0..n)
            .flat_map(|r| (0..n).map(move |c| (r, c)))
            .filter(|&(r, c)| r != c && self.cell(r, c).is_some_and(|x| x.reachable))
            .count()
    }
}

pub fn reachability_matrix(
    net: &Network,
    faults: &Faults,
    protocol: Protocol,
    port: u16,
    src_port: u16,
) -> Matrix {
    let ix = Index::new(net, faults);
    let n = net.instances.len();
    let mut cells = vec![Cell::default(); n * n];
    let fast = FastPath::new(&ix, protocol, port, src_port);
    for (i, row) in cells.chunks_mut(n.max(1)).enumerate() {
        for j in fast.fill_row(i, row) {
            if let Some(cell) = row.get_mut(j) {
                *cell = slow_pair(&ix, i, j, protocol, port, src_port);
            }
        }
    }
    Matrix {
        instances: net.instances.iter().map(|i| i.id.clone()).collect(),
        protocol,
        port,
        src_port,
        cells,
        #[cfg(feature = "ipv6")]
        ipv6: false,
    }
}

fn slow_pair(ix: &Index, i: usize, j: usize, protocol: Protocol, port: u16, src_port: u16) -> Cell {
    let id = |k: usize| ix.instance(k).map(|x| x.id.clone()).unwrap_or_default();
    let spec = TraceSpec {
        src: Endpoint::Instance(id(i)),
        dst: Endpoint::Instance(id(j)),
        protocol,
        port,
        src_port,
    };
    match trace_indexed(ix, &spec) {
        Ok(t) => Cell {
            reachable: t.reachable,
            codes: t.blocking_codes(),
        },
        Err(_) => Cell::default(),
    }
}

/// Everything about a pair that does not need a hop list, reduced to bit
/// operations: security groups as `u128` group sets, ACL outcomes per
/// (ACL, instance) for both directions of the connection.
struct FastPath {
    n: usize,
    m: usize,
    subnet_of: Vec<Option<usize>>,
    failed: Vec<bool>,
    /// Groups each instance belongs to.
    members: Vec<u128>,
    /// Groups that instance's groups reference in egress / ingress rules.
    out_refs: Vec<u128>,
    in_refs: Vec<u128>,
    /// Groups whose egress / ingress CIDR rules cover the instance's address.
    out_by_cidr: Vec<u128>,
    in_by_cidr: Vec<u128>,
    /// `plain[s * m + t]`: s and t talk over the local route both ways.
    plain: Vec<bool>,
    /// Row per ACL (plus a last all-allow row for subnets without one):
    /// `leaving[a * n + k]`: a subnet on ACL a may send the request to k and take k's reply;
    /// `arriving[a * n + k]`: it may take k's request and send k the reply.
    leaving: Vec<bool>,
    arriving: Vec<bool>,
    acl_row: Vec<usize>,
}

impl FastPath {
    fn new(ix: &Index, protocol: Protocol, port: u16, src_port: u16) -> Self {
        let net = ix.net;
        let (n, m) = (net.instances.len(), net.subnets.len());
        let bit = |gid: &str| {
            ix.groups
                .get(gid)
                .filter(|&&g| g < 128)
                .map_or(0u128, |&g| 1u128 << g)
        };
        let groups_of = |k: usize| {
            net.instances
                .get(k)
                .map_or(&[][..], |i| i.security_groups.as_slice())
        };
        let members: Vec<u128> = (0..n)
            .map(|k| groups_of(k).iter().fold(0, |acc, g| acc | bit(g)))
            .collect();
        let ips: Vec<Ipv4Addr> = net.instances.iter().map(|i| i.private_ip).collect();
        // Per group: referenced groups, and which instance addresses its CIDR rules cover.
        let mut refs = [
            vec![0u128; net.security_groups.len()],
            vec![0u128; net.security_groups.len()],
        ];
        let mut by_cidr = [vec![0u128; n], vec![0u128; n]];
        for (g, group) in net.security_groups.iter().enumerate().take(128) {
            for (side, egress) in [(0, true), (1, false)] {
                for r in group.rules(egress) {
                    if !protocol_port_match(r.protocol, r.ports, protocol, port) {
                        continue;
                    }
                    match &r.peer {
                        SgPeer::Group(other) => {
                            if let Some(slot) = refs[side].get_mut(g) {
                                *slot |= bit(other);
                            }
                        }
                        // The matrix runs over IPv4: IPv6 rules never match.
                        #[cfg(feature = "ipv6")]
                        SgPeer::Cidr6(_) => {}
                        SgPeer::Cidr(c) => {
                            for (k, ip) in ips.iter().enumerate() {
                                if let Some(slot) =
                                    by_cidr[side].get_mut(k).filter(|_| c.contains(ip))
                                {
                                    *slot |= 1u128 << g;
                                }
                            }
                        }
                    }
                }
            }
        }
        let refs_of = |side: usize, k: usize| {
            groups_of(k).iter().fold(0u128, |acc, g| {
                acc | ix
                    .groups
                    .get(g.as_str())
                    .and_then(|&x| refs[side].get(x))
                    .copied()
                    .unwrap_or(0)
            })
        };
        let out_refs = (0..n).map(|k| refs_of(0, k)).collect();
        let in_refs = (0..n).map(|k| refs_of(1, k)).collect();
        let [out_by_cidr, in_by_cidr] = by_cidr;
        let ports_on = protocol.has_ports();
        let (p, e) = if ports_on { (port, src_port) } else { (0, 0) };
        let acls = ix.acl_rules.len();
        let mut leaving = vec![true; (acls + 1) * n];
        let mut arriving = vec![true; (acls + 1) * n];
        for (a, (inbound, outbound)) in ix.acl_rules.iter().enumerate() {
            for (k, &ip) in ips.iter().enumerate() {
                let allow = |rules: &Vec<&AclRule>, port| {
                    first_match(rules.iter().copied(), protocol, ip, port).action
                        == AclAction::Allow
                };
                if let Some(slot) = leaving.get_mut(a * n + k) {
                    *slot = allow(outbound, p) && allow(inbound, e);
                }
                if let Some(slot) = arriving.get_mut(a * n + k) {
                    *slot = allow(inbound, p) && allow(outbound, e);
                }
            }
        }
        let acl_row = (0..m)
            .map(|s| ix.subnet_acl.get(s).copied().flatten().unwrap_or(acls))
            .collect();
        let mut plain = vec![false; m * m];
        for s in 0..m {
            for t in 0..m {
                let ok = local_only(ix, s, t) && local_only(ix, t, s);
                if let Some(slot) = plain.get_mut(s * m + t) {
                    *slot = ok;
                }
            }
        }
        FastPath {
            n,
            m,
            subnet_of: ix.instance_subnet.clone(),
            failed: ix.subnet_failed.clone(),
            members,
            out_refs,
            in_refs,
            out_by_cidr,
            in_by_cidr,
            plain,
            leaving,
            arriving,
            acl_row,
        }
    }

    /// Fills row `i` (source i). Returns the columns that need the full trace.
    fn fill_row(&self, i: usize, row: &mut [Cell]) -> Vec<usize> {
        let all = || (0..self.n).filter(|&j| j != i).collect::<Vec<usize>>();
        let Some(s) = self.subnet_of.get(i).copied().flatten() else {
            return all();
        };
        let (Some(&mi), Some(&refs_i), Some(&cidr_i), Some(&row_s), Some(&failed_s)) = (
            self.members.get(i),
            self.out_refs.get(i),
            self.in_by_cidr.get(i),
            self.acl_row.get(s),
            self.failed.get(s),
        ) else {
            return all();
        };
        let (Some(plain), Some(leaving)) = (
            self.plain.get(s * self.m..(s + 1) * self.m),
            self.leaving.get(row_s * self.n..(row_s + 1) * self.n),
        ) else {
            return all();
        };
        // Whether each destination subnet's ACL lets i's request in and the reply out.
        let arriving: Vec<bool> = self
            .acl_row
            .iter()
            .map(|&r| self.arriving.get(r * self.n + i).copied().unwrap_or(false))
            .collect();
        let mut slow = Vec::new();
        let columns = row
            .iter_mut()
            .zip(&self.subnet_of)
            .zip(self.members.iter().zip(&self.out_by_cidr))
            .zip(self.in_refs.iter().zip(leaving));
        for (j, (((cell, sub), (&mj, &cidr_j)), (&refs_j, &leave_ok))) in columns.enumerate() {
            if j == i {
                *cell = Cell {
                    reachable: true,
                    codes: CodeSet::default(),
                };
                continue;
            }
            let Some(t) = *sub else {
                slow.push(j);
                continue;
            };
            if !plain.get(t).copied().unwrap_or(false) {
                slow.push(j);
                continue;
            }
            let mut codes = CodeSet::default();
            if failed_s || self.failed.get(t).copied().unwrap_or(false) {
                codes.insert(Code::BadState);
            }
            let egress = refs_i & mj != 0 || mi & cidr_j != 0;
            let ingress = refs_j & mi != 0 || mj & cidr_i != 0;
            if !(egress && ingress) {
                codes.insert(Code::EniSgRulesMismatch);
            }
            if s != t && !(leave_ok && arriving.get(t).copied().unwrap_or(false)) {
                codes.insert(Code::SubnetAclRestriction);
            }
            *cell = Cell {
                reachable: codes.is_empty(),
                codes,
            };
        }
        slow
    }
}

/// Subnet s reaches every address of subnet t through the local route.
fn local_only(ix: &Index, s: usize, t: usize) -> bool {
    let (Some(vs), Some(to)) = (ix.subnet_vpc.get(s).copied().flatten(), ix.subnet(t)) else {
        return false;
    };
    ix.subnet_vpc.get(t).copied().flatten() == Some(vs)
        && ix.table(s).is_some_and(|tb| {
            tb.lookup(to.cidr.network())
                .is_some_and(|e| e.target == Target::Local)
                && !tb.splits(to.cidr)
        })
}
