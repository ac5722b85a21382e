//! The components a packet meets after routing: interfaces, NAT and
//! internet gateways, the internet, peering connections, and the filters
//! (security groups, network ACLs) in front of interfaces.

use std::net::Ipv4Addr;

use super::index::Eni;
use super::packet::{Code, ComponentKind, Explanation, Matched};
use super::walk::{block, note, Conn, End, Place, Step, Walker};

impl Walker<'_, '_> {
    pub(super) fn arrive(&mut self, eni: Eni, from: Option<usize>, conn: &mut Conn) -> Step {
        let ix = self.ix;
        let Some(s) = ix.eni_subnet(eni) else {
            return Step::Lost;
        };
        if from != Some(s) {
            self.acl_hop(s, false);
        }
        let az = ix.az_of_subnet(s);
        let down = self.down_note(eni, az.as_deref());
        match eni {
            Eni::Instance(k) => {
                let Some(inst) = ix.instance(k) else {
                    return Step::Lost;
                };
                let is_end = self.header.dst == inst.private_ip;
                self.sg_hop(k, false);
                let mut hop = self.hop(&inst.id, ComponentKind::Instance, az);
                hop.explanations.extend(down);
                if !is_end && inst.source_dest_check {
                    hop.explanations.push(block(
                        Code::EniSourceDestCheckRestriction,
                        format!(
                            "{} would forward traffic for {}, which needs source/destination check off",
                            inst.id, self.header.dst
                        ),
                    ));
                }
                self.push(hop);
                if is_end {
                    Step::Reached(End::Eni(eni))
                } else {
                    Step::Go(Place::Leave(eni))
                }
            }
            Eni::Nat(k) => {
                let Some(nat) = ix.nat(k) else {
                    return Step::Lost;
                };
                let mut hop = self.hop(&nat.id, ComponentKind::NatGateway, az);
                hop.explanations.extend(down);
                if self.header.dst == nat.private_ip {
                    let Some(&orig) = conn.get(&k) else {
                        hop.explanations.push(block(
                            Code::NoRouteToDestination,
                            format!(
                                "{} only carries connections started from inside the VPC",
                                nat.id
                            ),
                        ));
                        self.push(hop);
                        return self.fail();
                    };
                    self.header.dst = orig;
                    hop.header = self.header;
                    hop.matched = Some(Matched::Translation {
                        from: nat.private_ip,
                        to: orig,
                    });
                } else {
                    let orig = self.header.src;
                    conn.insert(k, orig);
                    self.header.src = nat.private_ip;
                    hop.header = self.header;
                    hop.matched = Some(Matched::Translation {
                        from: orig,
                        to: nat.private_ip,
                    });
                    hop.explanations.push(note(
                        Code::NgwSourceAddressReassign,
                        format!(
                            "{} rewrites the source {orig} to its own address {}",
                            nat.id, nat.private_ip
                        ),
                    ));
                }
                self.push(hop);
                Step::Go(Place::Leave(eni))
            }
            Eni::Host(_) => {
                let name = ix.subnet(s).map_or("subnet", |sn| sn.id.as_str());
                let mut hop = self.hop(name, ComponentKind::SubnetHost, az);
                hop.explanations.extend(down);
                self.push(hop);
                Step::Reached(End::Eni(eni))
            }
        }
    }

    pub(super) fn down_note(&self, eni: Eni, az: Option<&str>) -> Option<Explanation> {
        if !self.ix.eni_failed(eni) {
            return None;
        }
        Some(block(
            Code::BadState,
            format!(
                "availability zone {} has failed, so this component is down",
                az.unwrap_or("?")
            ),
        ))
    }

    pub(super) fn igw_out(&mut self, vpc: usize) -> Step {
        let ix = self.ix;
        let name = ix
            .vpc_igw
            .get(vpc)
            .copied()
            .flatten()
            .and_then(|g| ix.net.internet_gateways.get(g))
            .map_or("internet-gateway", |g| g.id.as_str());
        let src = self.header.src;
        let public = ix
            .private
            .get(&(vpc, src))
            .and_then(|e| self.public_ip_of(*e));
        let mut hop = self.hop(name, ComponentKind::InternetGateway, None);
        match public {
            Some(p) => {
                self.header.src = p;
                hop.header = self.header;
                hop.matched = Some(Matched::Translation { from: src, to: p });
            }
            None => hop.explanations.push(block(
                Code::IgwPublicIpAssociationForEgress,
                format!("{src} has no public or Elastic IP, so {name} cannot translate it"),
            )),
        }
        self.push(hop);
        self.left_vpc = Some(vpc);
        Step::Go(Place::Internet)
    }

    fn public_ip_of(&self, eni: Eni) -> Option<Ipv4Addr> {
        match eni {
            Eni::Instance(k) => self.ix.instance(k)?.public_ip,
            Eni::Nat(k) => Some(self.ix.nat(k)?.elastic_ip),
            Eni::Host(_) => None,
        }
    }

    fn private_ip_of(&self, eni: Eni) -> Option<Ipv4Addr> {
        match eni {
            Eni::Instance(k) => Some(self.ix.instance(k)?.private_ip),
            Eni::Nat(k) => Some(self.ix.nat(k)?.private_ip),
            Eni::Host(_) => None,
        }
    }

    pub(super) fn internet(&mut self) -> Step {
        let ix = self.ix;
        let dst = self.header.dst;
        let mut hop = self.hop("internet", ComponentKind::Internet, None);
        if ix.public.contains_key(&dst) {
            self.push(hop);
            return Step::Go(Place::FromInternet);
        }
        if self.ingress_without_public_ip {
            self.push(hop);
            return self.ingress_to_private();
        }
        let holder = ix.vpc_holding(dst, None).and_then(|v| ix.net.vpcs.get(v));
        let came_from = self.left_vpc.and_then(|v| ix.net.vpcs.get(v));
        if let (Some(v), Some(from)) = (holder, came_from) {
            hop.explanations.push(block(
                Code::DisconnectedVpcs,
                format!(
                    "{dst} is a private address of {}, which {} reaches only by peering, not over the internet",
                    v.id, from.id
                ),
            ));
        } else if holder.is_some() || dst.is_private() {
            hop.explanations.push(block(
                Code::NoRouteToDestination,
                format!("{dst} is a private address; the internet cannot route to it"),
            ));
        } else {
            self.push(hop);
            return Step::Reached(End::Internet);
        }
        self.push(hop);
        self.fail()
    }

    /// Internet source aiming at an instance with no public IP: nothing on the
    /// internet maps to it, which the IGW reports; the far end is still checked.
    fn ingress_to_private(&mut self) -> Step {
        let ix = self.ix;
        let Some(k) = self.jump_to else {
            return Step::Lost;
        };
        let vpc = ix
            .instance_subnet
            .get(k)
            .copied()
            .flatten()
            .and_then(|s| ix.subnet_vpc.get(s).copied().flatten());
        let igw = vpc
            .and_then(|v| ix.vpc_igw.get(v).copied().flatten())
            .and_then(|g| ix.net.internet_gateways.get(g));
        let name = igw.map_or("internet-gateway", |g| g.id.as_str());
        let who = ix.instance(k).map_or("the instance", |i| i.id.as_str());
        let mut hop = self.hop(name, ComponentKind::InternetGateway, None);
        hop.explanations.push(block(
            Code::IgwPrivateIpAssociationForIngress,
            format!("{who} has no public IP, so no internet address maps to it"),
        ));
        self.push(hop);
        self.fail()
    }

    pub(super) fn enter_from_internet(&mut self) -> Step {
        let ix = self.ix;
        let dst = self.header.dst;
        let Some(&eni) = ix.public.get(&dst) else {
            return self.fail();
        };
        let vpc = ix.vpc_of_eni(eni);
        let igw = vpc
            .and_then(|v| ix.vpc_igw.get(v).copied().flatten())
            .and_then(|g| ix.net.internet_gateways.get(g));
        let Some(private) = self.private_ip_of(eni) else {
            return Step::Lost;
        };
        let Some(igw) = igw else {
            let name = vpc
                .and_then(|v| ix.net.vpcs.get(v))
                .map_or("vpc", |v| v.id.as_str());
            let mut hop = self.hop(name, ComponentKind::Vpc, None);
            hop.explanations.push(block(
                Code::NoRouteToDestination,
                format!(
                    "{name} has no internet gateway, so {dst} is unreachable from the internet"
                ),
            ));
            self.push(hop);
            return self.fail();
        };
        self.header.dst = private;
        let mut hop = self.hop(&igw.id, ComponentKind::InternetGateway, None);
        hop.matched = Some(Matched::Translation {
            from: dst,
            to: private,
        });
        self.push(hop);
        Step::Go(Place::Arrive { eni, from: None })
    }

    pub(super) fn peer(&mut self, pcx: usize, from_vpc: usize) -> Step {
        let ix = self.ix;
        let Some(p) = ix.net.peerings.get(pcx) else {
            return Step::Lost;
        };
        let here = ix.net.vpcs.get(from_vpc).map_or("", |v| v.id.as_str());
        let other = p.other_side(here).and_then(|o| ix.vpcs.get(o).copied());
        let dst = self.header.dst;
        let mut hop = self.hop(&p.id, ComponentKind::Peering, None);
        let holds = other.filter(|&o| ix.net.vpcs.get(o).is_some_and(|v| v.contains(dst)));
        let next = holds.and_then(|o| ix.resolve_private(o, dst));
        if holds.is_none() {
            hop.explanations.push(block(
                Code::DisconnectedVpcs,
                format!(
                    "{} only reaches {}'s own CIDRs, not {dst}: peering is not transitive",
                    p.id,
                    p.other_side(here).unwrap_or("the peer")
                ),
            ));
        } else if next.is_none() {
            hop.explanations.push(block(
                Code::NoRouteToDestination,
                format!(
                    "no subnet of {} holds {dst}",
                    p.other_side(here).unwrap_or("the peer")
                ),
            ));
        }
        self.push(hop);
        match next {
            Some(eni) => Step::Go(Place::Arrive { eni, from: None }),
            None => self.fail(),
        }
    }
}
