//! The hop-by-hop walk of one direction of a trace. Filters that block
//! (security groups, ACLs, source/destination check, failed AZs) mark the
//! hop and let the packet go on, so every blocker is listed; routing failures
//! jump ahead to the known far end when there is one.

use super::sorted::SortedMap;
use std::net::Ipv4Addr;

use super::index::{Eni, Index};
use super::layout::{RouteState, Target};
use super::packet::{Code, ComponentKind, Explanation, Header, Hop, Matched};

/// Router decisions before a walk gives up with MAX_HOPS_EXCEEDED.
const MAX_STEPS: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Dir {
    Forward,
    Return,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// Leaving an interface: its SG egress, then its subnet's router.
    Leave(Eni),
    Arrive {
        eni: Eni,
        from: Option<usize>,
    },
    IgwOut {
        vpc: usize,
    },
    Internet,
    FromInternet,
    Peer {
        pcx: usize,
        from_vpc: usize,
    },
    /// Through a gateway endpoint (index into `Network::endpoints`) to its service.
    ToService(usize),
    /// A service's reply coming back in through the endpoint.
    FromService(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum End {
    Eni(Eni),
    Internet,
    /// The service behind a gateway endpoint.
    Service(usize),
}

pub(super) enum Step {
    Go(Place),
    Reached(End),
    Lost,
}

/// NAT translations of the traced connection: NAT gateway -> original source.
pub(super) type Conn = SortedMap<usize, Ipv4Addr>;

pub(super) struct Walker<'i, 'a> {
    pub ix: &'i Index<'a>,
    pub dir: Dir,
    pub header: Header,
    pub hops: Vec<Hop>,
    /// Where to jump after a routing failure (the far end, if it is an instance).
    pub jump_to: Option<usize>,
    /// The traced source is the internet and the far end has no public IP.
    pub ingress_without_public_ip: bool,
    /// The VPC whose internet gateway the packet last left through.
    pub left_vpc: Option<usize>,
    jumped: bool,
    gap_pending: bool,
    last_az: Option<String>,
}

impl<'i, 'a> Walker<'i, 'a> {
    pub fn new(ix: &'i Index<'a>, dir: Dir, header: Header, jump_to: Option<usize>) -> Self {
        Walker {
            ix,
            dir,
            header,
            hops: Vec::new(),
            jump_to,
            ingress_without_public_ip: false,
            left_vpc: None,
            jumped: false,
            gap_pending: false,
            last_az: None,
        }
    }

    pub fn push(&mut self, mut hop: Hop) {
        if let Some(az) = &hop.az {
            if self.last_az.as_ref().is_some_and(|last| last != az) {
                hop.crosses_az = true;
                hop.explanations.push(note(
                    Code::AvailabilityZoneCrossed,
                    format!(
                        "{} is in {az}; the previous hop was in another AZ",
                        hop.component
                    ),
                ));
            }
            self.last_az = Some(az.clone());
        }
        hop.gap_before = std::mem::take(&mut self.gap_pending);
        self.hops.push(hop);
    }

    pub fn hop(&self, component: &str, kind: ComponentKind, az: Option<String>) -> Hop {
        Hop {
            component: component.to_string(),
            kind,
            related: Vec::new(),
            header: self.header,
            matched: None,
            az,
            crosses_az: false,
            gap_before: false,
            explanations: Vec::new(),
            #[cfg(feature = "ipv6")]
            header6: None,
        }
    }

    /// Walks from `start` until the packet arrives, is lost, or loops.
    pub fn run(&mut self, start: Place, conn: &mut Conn) -> Option<End> {
        let mut place = start;
        for _ in 0..MAX_STEPS {
            match self.step(place, conn) {
                Step::Go(next) => place = next,
                Step::Reached(end) => return Some(end),
                Step::Lost => return None,
            }
        }
        let mut hop = self.hop("vpc-router", ComponentKind::Vpc, None);
        hop.explanations.push(block(
            Code::MaxHopsExceeded,
            format!("the path exceeded {MAX_STEPS} routing decisions (a routing loop?)"),
        ));
        self.push(hop);
        None
    }

    fn step(&mut self, place: Place, conn: &mut Conn) -> Step {
        match place {
            Place::Leave(eni) => {
                if let Eni::Instance(k) = eni {
                    self.sg_hop(k, true);
                }
                match self.ix.eni_subnet(eni) {
                    Some(s) => self.route(s),
                    None => Step::Lost,
                }
            }
            Place::Arrive { eni, from } => self.arrive(eni, from, conn),
            Place::IgwOut { vpc } => self.igw_out(vpc),
            Place::Internet => self.internet(),
            Place::FromInternet => self.enter_from_internet(),
            Place::Peer { pcx, from_vpc } => self.peer(pcx, from_vpc),
            Place::ToService(ep) => self.out_to_service(ep),
            Place::FromService(ep) => self.back_from_service(ep),
        }
    }

    /// After a routing failure, keep checking the far end if it is known.
    pub fn fail(&mut self) -> Step {
        match self.jump_to {
            Some(k) if !self.jumped => {
                let Some(inst) = self.ix.instance(k) else {
                    return Step::Lost;
                };
                self.jumped = true;
                self.gap_pending = true;
                self.header.dst = inst.private_ip;
                Step::Go(Place::Arrive {
                    eni: Eni::Instance(k),
                    from: None,
                })
            }
            _ => Step::Lost,
        }
    }

    fn route(&mut self, s: usize) -> Step {
        let ix = self.ix;
        let vpc = ix.subnet_vpc.get(s).copied().flatten();
        let dst = self.header.dst;
        let table = ix.table(s);
        let (m, shadow) = table.map_or((None, None), |t| t.lookup_with_shadow(dst));
        let mut why: Vec<Explanation> = Vec::new();
        let next = match m {
            None => {
                let t = table.map_or("this subnet", |t| t.table.as_str());
                why.push(block(
                    Code::NoRouteToDestination,
                    format!("{t} has no route to {dst}"),
                ));
                None
            }
            Some(e) if e.state == RouteState::Blackhole => {
                why.push(block(
                    Code::BadStateRoute,
                    format!(
                        "route {} -> {} is a blackhole: {} no longer exists",
                        e.destination,
                        e.target.id(),
                        e.target.id()
                    ),
                ));
                None
            }
            Some(e) => self.route_target(&e.target, vpc, s, &mut why),
        };
        // Local beating a default route is ordinary; flag explicit routes that
        // take traffic a less specific route would otherwise carry.
        if let (Some(m), Some(sh)) = (m.filter(|m| m.target != Target::Local), shadow) {
            why.push(note(
                Code::MoreSpecificRoute,
                format!(
                    "{} -> {} is more specific than {} -> {}",
                    m.destination,
                    m.target.id(),
                    sh.destination,
                    sh.target.id()
                ),
            ));
        }
        if next.is_none() {
            self.explain_disconnected(vpc, &mut why);
        }
        let same_subnet =
            matches!(next, Some(Place::Arrive { eni, .. }) if ix.eni_subnet(eni) == Some(s));
        if !same_subnet {
            self.acl_hop(s, true);
        }
        let name = table.map_or("(no route table)", |t| t.table.as_str());
        let mut hop = self.hop(name, ComponentKind::RouteTable, None);
        hop.related = ix
            .subnet(s)
            .map(|sn| vec![sn.id.clone()])
            .unwrap_or_default();
        hop.matched = m.map(|e| Matched::Route {
            table: name.to_string(),
            destination: e.destination,
            target: e.target.clone(),
            state: e.state,
        });
        hop.explanations = why;
        self.push(hop);
        match next {
            Some(p) => Step::Go(p),
            None => self.fail(),
        }
    }

    fn route_target(
        &self,
        target: &Target,
        vpc: Option<usize>,
        s: usize,
        why: &mut Vec<Explanation>,
    ) -> Option<Place> {
        let ix = self.ix;
        let dst = self.header.dst;
        let vpc = vpc?;
        match target {
            Target::Local => {
                let eni = ix.resolve_private(vpc, dst);
                if eni.is_none() {
                    let v = ix.net.vpcs.get(vpc).map_or("the VPC", |v| v.id.as_str());
                    why.push(block(
                        Code::NoRouteToDestination,
                        format!("no subnet of {v} holds {dst}"),
                    ));
                }
                eni.map(|eni| Place::Arrive { eni, from: Some(s) })
            }
            Target::Igw(_) => Some(Place::IgwOut { vpc }),
            Target::Nat(id) => ix.nats.get(id.as_str()).map(|&k| Place::Arrive {
                eni: Eni::Nat(k),
                from: Some(s),
            }),
            Target::Instance(id) => ix.instances.get(id.as_str()).map(|&k| Place::Arrive {
                eni: Eni::Instance(k),
                from: Some(s),
            }),
            Target::Peering(id) => ix
                .peerings
                .get(id.as_str())
                .map(|&pcx| Place::Peer { pcx, from_vpc: vpc }),
            Target::Endpoint(id) => ix
                .net
                .endpoints
                .iter()
                .position(|e| e.id == *id)
                .map(Place::ToService),
        }
    }

    /// Adds DISCONNECTED_VPCS when the destination lives in a VPC with no
    /// direct peering to this one.
    pub fn explain_disconnected(&self, vpc: Option<usize>, why: &mut Vec<Explanation>) {
        let ix = self.ix;
        let Some(here) = vpc.and_then(|v| ix.net.vpcs.get(v)) else {
            return;
        };
        if here.contains(self.header.dst) {
            return;
        }
        let Some(there) = ix
            .vpc_holding(self.header.dst, None)
            .and_then(|v| ix.net.vpcs.get(v))
        else {
            return;
        };
        if ix.net.peered(&here.id, &there.id).is_some() {
            return;
        }
        let detail = format!(
            "{} and {} are not peered, and peering is not transitive",
            here.id, there.id
        );
        why.push(block(Code::DisconnectedVpcs, detail));
    }
}

pub(super) fn block(code: Code, detail: String) -> Explanation {
    Explanation {
        code,
        blocking: true,
        detail,
    }
}

pub(super) fn note(code: Code, detail: String) -> Explanation {
    Explanation {
        code,
        blocking: false,
        detail,
    }
}
