//! Why each tour bet's answer is what it is, read off the playground after
//! the bet's reveal, so the text a reader is shown always matches the model.
//! The words follow the bet box's "Right." or "Not quite: the answer is …",
//! so they explain rather than repeat a yes or a no.

use super::packet::{Blocker, ComponentKind, Hop, Matched, Trace};
use super::playground::Playground;
use techshack_core::tour::Answer;

/// What a bet's explanation reads off the playground.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Ask {
    /// Whether the traced connection works, and if not, what blocks it.
    Reach,
    /// Which NAT gateway the current trace uses.
    NatPath,
    /// The destination address the target instance sees.
    DestSeen,
    /// What lets the reply out of the destination's security group.
    ReturnSg,
    /// Usable addresses of a subnet.
    Usable(&'static str),
}

/// A VPC answer reads the state after the reveal.
impl Answer<Playground> for Ask {
    fn answer(&self, _before: &Playground, after: &Playground) -> String {
        Ask::answer(self, after)
    }
}

/// The way a traced connection ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The request and the reply both get through.
    Both,
    /// Something stops the request on its way.
    RequestBlocked,
    /// The request arrives; the reply does not get back.
    ReplyBlocked,
    /// The trace cannot run (an endpoint is gone).
    NoTrace,
}

pub(super) fn outcome(pg: &Playground) -> Outcome {
    let Ok(t) = pg.trace() else {
        return Outcome::NoTrace;
    };
    let blockers = t.blockers();
    if t.reachable {
        Outcome::Both
    } else if blockers.iter().any(|b| !b.on_return) {
        Outcome::RequestBlocked
    } else {
        Outcome::ReplyBlocked
    }
}

/// The first NAT gateway on the request's way, and whether the request
/// crossed into another AZ to reach it.
pub(super) fn nat_hop(t: &Trace) -> Option<(&Hop, bool)> {
    let hops = &t.forward.hops;
    let nat = hops.iter().find(|h| h.kind == ComponentKind::NatGateway)?;
    let crossing = nat.crosses_az
        || hops
            .iter()
            .any(|x| x.crosses_az && x.az.is_some() && x.az == nat.az);
    Some((nat, crossing))
}

/// Whether the current trace is blocked at `component` with `code` (by
/// name, e.g. "BAD_STATE"), on the request's way or the reply's.
pub(super) fn blocked_at(pg: &Playground, component: &str, code: &str, on_return: bool) -> bool {
    pg.trace().is_ok_and(|t| {
        t.blockers().iter().any(|b| {
            b.component == component && b.code.as_str() == code && b.on_return == on_return
        })
    })
}

/// "X at c (the reply's way)", each distinct finding once.
fn findings(blockers: &[Blocker]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for b in blockers {
        let way = if b.on_return { "reply" } else { "request" };
        let part = format!("{} at {} ({way})", b.code.as_str(), b.component);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join("; ")
}

/// The gateways and peerings the request passes, e.g. " via nat-b and ig-1".
fn via(t: &Trace) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for h in &t.forward.hops {
        let gateway = matches!(
            h.kind,
            ComponentKind::NatGateway | ComponentKind::InternetGateway | ComponentKind::Peering
        );
        if gateway && !ids.contains(&h.component.as_str()) {
            ids.push(&h.component);
        }
    }
    match ids.split_last() {
        None => String::new(),
        Some((last, [])) => format!(" via {last}"),
        Some((last, rest)) => format!(" via {} and {last}", rest.join(", ")),
    }
}

impl Ask {
    pub(super) fn answer(&self, pg: &Playground) -> String {
        let Ok(t) = pg.trace() else {
            return "The trace cannot run: its endpoints are gone.".into();
        };
        match self {
            Ask::Reach => reach(&t, outcome(pg)),
            Ask::NatPath => match nat_hop(&t) {
                Some((h, crossing)) => {
                    let az = h.az.clone().unwrap_or_default();
                    let where_ = if crossing {
                        "crossing into another AZ"
                    } else {
                        "in the same AZ"
                    };
                    format!(
                        "It goes through {} in {az}, {where_}; the NAT gateway rewrites the source to {}.",
                        h.component, h.header.src
                    )
                }
                None => "It passes no NAT gateway.".into(),
            },
            Ask::DestSeen => match t.forward.hops.last() {
                Some(h) => format!(
                    "It sees {}: the internet gateway translated the public address to the private one.",
                    h.header.dst
                ),
                None => "Nothing arrives.".into(),
            },
            Ask::ReturnSg => {
                let group = t.ret.hops.iter().find(|h| {
                    h.kind == ComponentKind::SecurityGroup && h.matched == Some(Matched::Stateful)
                });
                match group {
                    Some(g) => format!(
                        "Security groups are stateful: {} remembers the request, so the reply is let out whatever its outbound rules say.",
                        g.component
                    ),
                    None => "The reply never reaches the security group.".into(),
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

/// The trace's ending in words: where it passes, or the first thing that
/// stops it (with the tracer's reason) and every finding's code.
fn reach(t: &Trace, how: Outcome) -> String {
    let blockers = t.blockers();
    let first = |on_return: bool| blockers.iter().find(|b| b.on_return == on_return);
    let (lead, stop) = match how {
        Outcome::Both => return format!("The request and the reply both get through{}.", via(t)),
        Outcome::RequestBlocked => ("The request is blocked", first(false)),
        Outcome::ReplyBlocked => ("The request arrives, but the reply is blocked", first(true)),
        Outcome::NoTrace => return "The trace cannot run.".into(),
    };
    match stop {
        Some(b) => {
            // Some reasons name their component first; it is named already.
            let prefix = format!("{}: ", b.component);
            let reason = b.detail.strip_prefix(&prefix).unwrap_or(&b.detail);
            format!(
                "{lead} at {}: {reason}. Findings: {}.",
                b.component,
                findings(&blockers)
            )
        }
        None => format!("{lead}."),
    }
}
