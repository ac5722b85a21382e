//! A packet through a gateway endpoint: out to S3 or DynamoDB with its
//! private source address unchanged, and the reply back in the same way
//! (PrivateLink guide, "Gateway endpoints": no internet gateway or NAT
//! device, and the source is the instance's private IPv4 address).

use super::packet::ComponentKind;
use super::walk::{End, Place, Step, Walker};

impl Walker<'_, '_> {
    fn endpoint_hop(&mut self, ep: usize) -> Option<usize> {
        let ix = self.ix;
        let e = ix.net.endpoints.get(ep)?;
        let hop = self.hop(&e.id, ComponentKind::GatewayEndpoint, None);
        self.push(hop);
        ix.vpcs.get(e.vpc.as_str()).copied()
    }

    pub(super) fn out_to_service(&mut self, ep: usize) -> Step {
        match self.endpoint_hop(ep) {
            Some(_) => Step::Reached(End::Service(ep)),
            None => Step::Lost,
        }
    }

    /// The service answers the private address it saw; the endpoint hands
    /// the reply to that address inside its own VPC.
    pub(super) fn back_from_service(&mut self, ep: usize) -> Step {
        let Some(vpc) = self.endpoint_hop(ep) else {
            return Step::Lost;
        };
        match self.ix.resolve_private(vpc, self.header.dst) {
            Some(eni) => Step::Go(Place::Arrive { eni, from: None }),
            None => Step::Lost,
        }
    }
}
