//! Edits to the things that hold addresses: instances, NAT and internet
//! gateways, peering connections and gateway endpoints.

use std::net::Ipv4Addr;

use super::action::Action;
use super::cidr::parse_ip;
use super::error::VpcError;
use super::layout::{Instance, InternetGateway, NatGateway, Network, Peering};

fn ip(field: String, text: &str) -> Result<Ipv4Addr, VpcError> {
    parse_ip(&field, text)
}

pub(super) fn apply_host_edit(net: &mut Network, action: &Action) -> Result<(), VpcError> {
    match action {
        Action::AddInstance {
            id,
            subnet,
            private_ip,
            public_ip,
            security_groups,
        } => {
            let public = match public_ip {
                Some(p) if !p.trim().is_empty() => Some(ip(format!("{id} public IP"), p)?),
                _ => None,
            };
            net.instances.push(Instance {
                id: id.clone(),
                subnet: subnet.clone(),
                private_ip: ip(format!("{id} private IP"), private_ip)?,
                public_ip: public,
                security_groups: security_groups.clone(),
                source_dest_check: true,
            });
        }
        Action::RemoveInstance { id } => {
            super::edits::remove(&mut net.instances, id, |i| &i.id, "instance")?
        }
        Action::SetSourceDestCheck { instance, enabled } => {
            super::edits::find(&mut net.instances, instance, |i| &i.id, "instance")?
                .source_dest_check = *enabled;
        }
        Action::AddNat {
            id,
            subnet,
            private_ip,
            elastic_ip,
        } => net.nat_gateways.push(NatGateway {
            id: id.clone(),
            subnet: subnet.clone(),
            private_ip: ip(format!("{id} private IP"), private_ip)?,
            elastic_ip: ip(format!("{id} Elastic IP"), elastic_ip)?,
        }),
        Action::DeleteNat { nat } => {
            super::edits::remove(&mut net.nat_gateways, nat, |n| &n.id, "NAT gateway")?
        }
        Action::AddIgw { id, vpc } => net.internet_gateways.push(InternetGateway {
            id: id.clone(),
            vpc: vpc.clone(),
        }),
        Action::DeleteIgw { igw } => super::edits::remove(
            &mut net.internet_gateways,
            igw,
            |g| &g.id,
            "internet gateway",
        )?,
        Action::AddPeering {
            id,
            requester,
            accepter,
        } => net.peerings.push(Peering {
            id: id.clone(),
            requester: requester.clone(),
            accepter: accepter.clone(),
        }),
        Action::DeletePeering { id } => {
            super::edits::remove(&mut net.peerings, id, |p| &p.id, "peering connection")?
        }
        Action::SetGatewayEndpoint {
            id,
            vpc,
            service,
            route_tables,
        } => super::endpoint::set(net, id, vpc, *service, route_tables)?,
        Action::RemoveGatewayEndpoint { id } => {
            super::edits::remove(&mut net.endpoints, id, |e| &e.id, "gateway endpoint")?
        }
        _ => {}
    }
    Ok(())
}
