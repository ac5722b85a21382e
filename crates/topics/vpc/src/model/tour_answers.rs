//! The answers to the tours' questions, computed from the playground so
//! the revealed text always matches what the model shows.

use super::packet::{ComponentKind, Matched};
use super::playground::Playground;
use techshack_core::tour::Answer;

/// How a step's answer is computed from the playground after the step.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ask {
    /// Is the current trace reachable, and if not, what blocks it.
    Reach,
    /// Does the request (forward path alone) get through.
    Forward,
    /// Which NAT gateway the current trace uses.
    NatPath,
    /// The destination address the target instance sees.
    DestSeen,
    /// Which security-group rule lets the reply out.
    ReturnSg,
    /// Usable addresses of a subnet.
    Usable(&'static str),
}

/// The tour builder asks after each step; a VPC answer reads the state after.
impl Answer<Playground> for Ask {
    fn answer(&self, _before: &Playground, after: &Playground) -> String {
        Ask::answer(self, after)
    }
}

impl Ask {
    pub(super) fn answer(&self, pg: &Playground) -> String {
        let Ok(t) = pg.trace() else {
            return "The trace cannot run: its endpoints are gone.".into();
        };
        match self {
            Ask::Reach if t.reachable => "Yes: the request and the reply both get through.".into(),
            Ask::Reach => {
                let mut parts: Vec<String> = Vec::new();
                for b in t.blockers() {
                    let way = if b.on_return { "return" } else { "forward" };
                    let part = format!("{} at {} ({way} path)", b.code.as_str(), b.component);
                    if !parts.contains(&part) {
                        parts.push(part);
                    }
                }
                format!("No: {}.", parts.join("; "))
            }
            Ask::Forward => {
                let blocked = t.forward.hops.iter().any(|h| h.is_blocking());
                if t.forward.reached && !blocked {
                    "Yes: the request arrives.".into()
                } else {
                    "No: the request is blocked on the way in.".into()
                }
            }
            Ask::NatPath => {
                let nat = t
                    .forward
                    .hops
                    .iter()
                    .find(|h| h.kind == ComponentKind::NatGateway);
                match nat {
                    Some(h) => {
                        let az = h.az.clone().unwrap_or_default();
                        let crossing = if h.crosses_az
                            || t.forward
                                .hops
                                .iter()
                                .any(|x| x.crosses_az && x.az.as_deref() == Some(az.as_str()))
                        {
                            ", crossing into another AZ"
                        } else {
                            ", in the same AZ"
                        };
                        format!(
                            "{} in {az}{crossing}; it rewrites the source to {}.",
                            h.component, h.header.src
                        )
                    }
                    None => "None: the trace does not pass a NAT gateway.".into(),
                }
            }
            Ask::DestSeen => match t.forward.hops.last() {
                Some(h) => format!(
                    "{}: the internet gateway translated the public address to the private one.",
                    h.header.dst
                ),
                None => "Nothing arrives.".into(),
            },
            Ask::ReturnSg => {
                let stateful = t.ret.hops.iter().any(|h| {
                    h.kind == ComponentKind::SecurityGroup && h.matched == Some(Matched::Stateful)
                });
                if stateful {
                    "None is needed: security groups are stateful, so the reply is allowed.".into()
                } else {
                    "The reply never reaches the security group.".into()
                }
            }
            Ask::Usable(subnet) => match pg.explain_subnet(subnet) {
                Some(x) => format!(
                    "{}: {} addresses minus the 5 AWS reserves ({}).",
                    x.usable,
                    x.total,
                    x.reserved
                        .iter()
                        .map(|r| r.address.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                None => "That subnet no longer exists.".into(),
            },
        }
    }
}
