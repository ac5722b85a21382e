//! IPv6 traces. IPv6 addresses are public, so nothing is translated: the
//! internet gateway passes them both ways, and an egress-only internet
//! gateway passes connections started inside the VPC and their replies but
//! lets nothing from the internet start one ("Egress-only internet
//! gateways", VPC User Guide). Replies go back the way the request came, as
//! for IPv4 (see `trace::walk_back`).

use std::net::Ipv6Addr;

use super::index::{Eni, Index};
use super::ipv6::{address_in, Header6, Target6};
use super::layout::RouteState;
use super::packet::{Code, ComponentKind, Explanation, Hop, Matched, Path};
use super::sorted::SortedMap;
use super::walk::{block, Dir, Walker};

/// The layout's IPv6 addresses, found once per trace or matrix.
pub(super) struct Net6<'i, 'a> {
    pub ix: &'i Index<'a>,
    pub addr: Vec<Option<Ipv6Addr>>,
    pub by_addr: SortedMap<Ipv6Addr, usize>,
}

impl<'i, 'a> Net6<'i, 'a> {
    pub fn new(ix: &'i Index<'a>) -> Self {
        let v6 = &ix.net.ipv6;
        let addr: Vec<Option<Ipv6Addr>> = ix
            .net
            .instances
            .iter()
            .enumerate()
            .map(|(k, inst)| {
                let s = ix.subnet(ix.instance_subnet.get(k).copied().flatten()?)?;
                let block = v6.subnet_block(&s.id)?;
                Some(address_in(block, s.cidr.network(), inst.private_ip))
            })
            .collect();
        let by_addr = addr
            .iter()
            .enumerate()
            .filter_map(|(k, a)| a.map(|a| (a, k)))
            .collect();
        Net6 { ix, addr, by_addr }
    }

    pub fn vpc_of(&self, k: usize) -> Option<usize> {
        let s = self.ix.instance_subnet.get(k).copied().flatten()?;
        self.ix.subnet_vpc.get(s).copied().flatten()
    }

    fn vpc_id(&self, v: Option<usize>) -> &'a str {
        v.and_then(|v| self.ix.net.vpcs.get(v))
            .map_or("the VPC", |v| v.id.as_str())
    }
}

/// Where the packet is between decisions.
enum At {
    Leave(usize),
    Arrive { k: usize, from: Option<usize> },
    Internet,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum End6 {
    Instance(usize),
    Internet,
}

/// One direction of an IPv6 trace. `left_by` is the gateway the request
/// left the VPC through (so its reply may come back through it); `came_by`
/// the one it came in through (so its reply must leave through it).
pub(super) struct Walk6<'w, 'i, 'a> {
    pub n6: &'w Net6<'i, 'a>,
    pub w: Walker<'i, 'a>,
    pub src: Ipv6Addr,
    pub dst: Ipv6Addr,
    pub left_by: Option<Target6>,
    pub came_by: Option<Target6>,
}

impl Walk6<'_, '_, '_> {
    pub(super) fn push(&mut self, mut hop: Hop) {
        hop.header6 = Some(Header6 {
            src: self.src,
            dst: self.dst,
        });
        self.w.push(hop);
    }

    pub(super) fn hop(&self, name: &str, kind: ComponentKind, az: Option<String>) -> Hop {
        self.w.hop(name, kind, az)
    }

    pub fn run(&mut self, start: Option<usize>) -> (Path, Option<End6>) {
        let mut at = start.map_or(At::Internet, At::Leave);
        if let Some(k) = start {
            self.instance_hop(k);
        }
        let mut end = None;
        // Leave, gateway, internet, gateway, arrive: a handful of steps.
        for _ in 0..6 {
            at = match at {
                At::Leave(k) => match self.leave(k) {
                    Some(next) => next,
                    None => break,
                },
                At::Arrive { k, from } => {
                    self.arrive(k, from);
                    end = Some(End6::Instance(k));
                    break;
                }
                At::Internet => match self.internet() {
                    Ok(next) => next,
                    Err(reached) => {
                        end = reached.then_some(End6::Internet);
                        break;
                    }
                },
            };
        }
        let path = Path {
            hops: std::mem::take(&mut self.w.hops),
            reached: end.is_some(),
        };
        (path, end)
    }

    fn instance_hop(&mut self, k: usize) {
        let ix = self.n6.ix;
        let Some(inst) = ix.instance(k) else { return };
        let s = ix.instance_subnet.get(k).copied().flatten();
        let az = s.and_then(|s| ix.az_of_subnet(s));
        let mut hop = self.hop(&inst.id, ComponentKind::Instance, az.clone());
        hop.explanations
            .extend(self.w.down_note(Eni::Instance(k), az.as_deref()));
        self.push(hop);
    }

    /// Security group out, then the subnet's IPv6 routes: the longest match
    /// among the implicit local /56 and the table's IPv6 routes.
    fn leave(&mut self, k: usize) -> Option<At> {
        let ix = self.n6.ix;
        self.sg_hop(k, true);
        let s = ix.instance_subnet.get(k).copied().flatten()?;
        let vpc = ix.subnet_vpc.get(s).copied().flatten();
        let vpc_id = self.n6.vpc_id(vpc);
        let table = ix.table(s).map_or("(no route table)", |t| t.table.as_str());
        let v6 = &ix.net.ipv6;
        let dst = self.dst;
        let local = v6.vpc_block(vpc_id).filter(|b| b.contains(dst));
        let best = v6
            .routes_of(table)
            .filter(|r| r.destination.contains(dst))
            .max_by_key(|r| r.destination.prefix_len())
            .filter(|r| local.is_none_or(|l| r.destination.prefix_len() > l.prefix_len()));
        let mut why: Vec<Explanation> = Vec::new();
        let (matched, next) = match (local, best) {
            (_, Some(r)) => {
                let state = super::ipv6::route6_state(ix.net, vpc_id, &r.target);
                if state == RouteState::Blackhole {
                    why.push(block(
                        Code::BadStateRoute,
                        format!(
                            "route {} -> {} is a blackhole: {} no longer exists",
                            r.destination,
                            r.target.id(),
                            r.target.id()
                        ),
                    ));
                }
                let next = (state == RouteState::Active).then(|| Err(r.target.clone()));
                (Some((r.destination, Some(r.target.clone()), state)), next)
            }
            (Some(l), None) => {
                let found = self.n6.by_addr.get(&dst).copied();
                let found = found.filter(|&j| self.n6.vpc_of(j) == vpc);
                if found.is_none() {
                    why.push(block(
                        Code::NoRouteToDestination,
                        format!("no subnet of {vpc_id} holds {dst}"),
                    ));
                }
                (Some((l, None, RouteState::Active)), found.map(Ok))
            }
            (None, None) => {
                why.push(block(
                    Code::NoRouteToDestination,
                    format!("{table} has no IPv6 route to {dst}: IPv4 routes such as 0.0.0.0/0 do not carry IPv6"),
                ));
                (None, None)
            }
        };
        let same_subnet =
            matches!(next, Some(Ok(j)) if ix.instance_subnet.get(j).copied().flatten() == Some(s));
        if !same_subnet {
            self.acl_hop(s, true);
        }
        let mut hop = self.hop(table, ComponentKind::RouteTable, None);
        hop.related = ix
            .subnet(s)
            .map(|sn| vec![sn.id.clone()])
            .unwrap_or_default();
        hop.matched = matched.map(|(destination, target, state)| Matched::Route6 {
            table: table.to_string(),
            destination,
            target,
            state,
        });
        hop.explanations = why;
        self.push(hop);
        match next? {
            Ok(j) => Some(At::Arrive {
                k: j,
                from: Some(s),
            }),
            Err(gateway) => self.gateway_out(&gateway).then_some(At::Internet),
        }
    }

    /// Through a gateway towards the internet. A reply must leave through
    /// the gateway its request came in by.
    fn gateway_out(&mut self, g: &Target6) -> bool {
        let kind = match g {
            Target6::Igw(_) => ComponentKind::InternetGateway,
            Target6::Eigw(_) => ComponentKind::EgressOnlyGateway,
        };
        let mut hop = self.hop(g.id(), kind, None);
        let ok = match (&self.came_by, self.w.dir) {
            (Some(came), Dir::Return) if came != g => {
                hop.explanations.push(block(
                    Code::NoRouteToDestination,
                    format!(
                        "the request came in through {}, but the reply would leave through {}: a reply must go back the way the request came{}, so the connection never completes",
                        came.id(),
                        g.id(),
                        if matches!(g, Target6::Eigw(_)) {
                            ", and an egress-only gateway carries only connections started inside the VPC"
                        } else {
                            ""
                        }
                    ),
                ));
                false
            }
            _ => true,
        };
        self.push(hop);
        if self.w.dir == Dir::Forward {
            self.left_by = Some(g.clone());
        }
        ok
    }
}

impl Walk6<'_, '_, '_> {
    /// On the internet: a VPC's IPv6 address is entered through its
    /// gateways; anything else is the internet itself. `Err(true)` is
    /// arrival, `Err(false)` a dead end.
    fn internet(&mut self) -> Result<At, bool> {
        let hop = self.hop("internet", ComponentKind::Internet, None);
        self.push(hop);
        let dst = self.dst;
        let Some(&k) = self.n6.by_addr.get(&dst) else {
            let v6 = &self.n6.ix.net.ipv6;
            let Some(b) = v6.vpc_blocks.iter().find(|b| b.cidr.contains(dst)) else {
                return Err(true);
            };
            if let Some(last) = self.w.hops.last_mut() {
                last.explanations.push(block(
                    Code::NoRouteToDestination,
                    format!("{dst} is in {}'s block, but no instance holds it", b.owner),
                ));
            }
            return Err(false);
        };
        let v = self.n6.vpc_of(k);
        let vpc_id = self.n6.vpc_id(v);
        let net = self.n6.ix.net;
        let igw = net.internet_gateways.iter().find(|g| g.vpc == vpc_id);
        let eigw = net
            .ipv6
            .egress_only_gateways
            .iter()
            .find(|g| g.vpc == vpc_id);
        // A reply comes back through the gateway its request left by; a new
        // connection needs an internet gateway.
        let way_in = match (&self.left_by, self.w.dir) {
            (Some(g), Dir::Return) => Some(g.clone()),
            _ => igw.map(|g| Target6::Igw(g.id.clone())),
        };
        let (name, kind) = match (&way_in, eigw) {
            (Some(Target6::Eigw(id)), _) => (id.as_str(), ComponentKind::EgressOnlyGateway),
            (Some(Target6::Igw(id)), _) => (id.as_str(), ComponentKind::InternetGateway),
            (None, Some(e)) => (e.id.as_str(), ComponentKind::EgressOnlyGateway),
            (None, None) => (vpc_id, ComponentKind::Vpc),
        };
        let mut hop = self.hop(name, kind, None);
        if way_in.is_none() {
            let why = if eigw.is_some() {
                format!("{name} is egress-only: it lets replies in to connections started inside {vpc_id}, but nothing from the internet can start a connection in")
            } else {
                format!(
                    "{vpc_id} has no internet gateway, so {} is unreachable from the internet",
                    self.dst
                )
            };
            hop.explanations
                .push(block(Code::NoRouteToDestination, why));
        }
        self.push(hop);
        self.came_by = way_in.clone();
        way_in.map(|_| At::Arrive { k, from: None }).ok_or(false)
    }

    fn arrive(&mut self, k: usize, from: Option<usize>) {
        let ix = self.n6.ix;
        let s = ix.instance_subnet.get(k).copied().flatten();
        if let Some(s) = s.filter(|&s| from != Some(s)) {
            self.acl_hop(s, false);
        }
        self.sg_hop(k, false);
        self.instance_hop(k);
    }
}
