//! Packet traces in the manner of AWS Reachability Analyzer: a forward path
//! from source to destination and the return path of the reply.

use std::net::Ipv4Addr;

use super::error::VpcError;
use super::filters::Protocol;
use super::index::{Eni, Index};
use super::layout::Network;
use super::packet::{
    ComponentKind, Endpoint, Faults, Header, Path, Trace, TraceSpec, INTERNET_HOST,
};
use super::walk::{block, Conn, Dir, End, Place, Walker};

/// Traces `spec` over `net` with the AZs in `faults` marked as failed.
pub fn trace(net: &Network, faults: &Faults, spec: &TraceSpec) -> Result<Trace, VpcError> {
    let ix = Index::new(net, faults);
    trace_indexed(&ix, spec)
}

fn endpoint_error(reason: &str) -> VpcError {
    VpcError::TraceEndpoint {
        reason: reason.to_string(),
    }
}

fn instance_index(ix: &Index, id: &str) -> Result<usize, VpcError> {
    ix.instances
        .get(id)
        .copied()
        .ok_or_else(|| endpoint_error(&format!("instance {id} does not exist")))
}

/// Checks a trace request against the layout.
pub fn check_spec(net: &Network, spec: &TraceSpec) -> Result<(), VpcError> {
    #[cfg(feature = "ipv6")]
    if spec.src.is_ipv6() || spec.dst.is_ipv6() {
        return super::trace6::check6(net, spec);
    }
    let ix = Index::new(net, &Faults::default());
    resolve(&ix, spec).map(|_| ())
}

struct Resolved {
    src: Option<usize>,
    dst: Option<usize>,
    header: Header,
}

fn resolve(ix: &Index, spec: &TraceSpec) -> Result<Resolved, VpcError> {
    if spec.protocol == Protocol::All {
        return Err(endpoint_error(
            "pick tcp, udp or icmp; \"all\" is only for rules",
        ));
    }
    let src = match &spec.src {
        Endpoint::Instance(id) => Some(instance_index(ix, id)?),
        Endpoint::Internet => None,
        _ => {
            return Err(endpoint_error(
                "the source must be an instance or the internet",
            ))
        }
    };
    let dst = match &spec.dst {
        Endpoint::Instance(id) => Some(instance_index(ix, id)?),
        _ => None,
    };
    if src.is_some() && src == dst {
        return Err(endpoint_error(
            "source and destination are the same instance",
        ));
    }
    if src.is_none() && spec.dst == Endpoint::Internet {
        return Err(endpoint_error(
            "source and destination are both the internet",
        ));
    }
    let inst_ip = |k: Option<usize>| {
        k.and_then(|k| ix.instance(k))
            .map(|i| (i.private_ip, i.public_ip))
    };
    let src_ip = inst_ip(src).map_or(INTERNET_HOST, |(p, _)| p);
    let dst_ip = match (&spec.dst, inst_ip(dst)) {
        (Endpoint::Ip(ip), _) => *ip,
        (Endpoint::Internet, _) => INTERNET_HOST,
        (_, Some((private, public))) if src.is_none() => public.unwrap_or(private),
        (_, Some((private, _))) => private,
        _ => return Err(endpoint_error("unknown destination")),
    };
    let ports = spec.protocol.has_ports();
    Ok(Resolved {
        src,
        dst,
        header: Header {
            src: src_ip,
            dst: dst_ip,
            src_port: ports.then_some(spec.src_port),
            dst_port: ports.then_some(spec.port),
            protocol: spec.protocol,
        },
    })
}

pub(super) fn trace_indexed(ix: &Index, spec: &TraceSpec) -> Result<Trace, VpcError> {
    #[cfg(feature = "ipv6")]
    if spec.src.is_ipv6() || spec.dst.is_ipv6() {
        return super::trace6::trace6(ix, spec);
    }
    let r = resolve(ix, spec)?;
    let mut conn = Conn::new();
    let mut fwd = Walker::new(ix, Dir::Forward, r.header, r.dst);
    let start = match r.src {
        Some(k) => {
            start_at_instance(&mut fwd, k);
            Place::Leave(Eni::Instance(k))
        }
        None => {
            let no_public = r
                .dst
                .and_then(|k| ix.instance(k))
                .is_some_and(|i| i.public_ip.is_none());
            fwd.ingress_without_public_ip = no_public;
            Place::Internet
        }
    };
    let end = fwd.run(start, &mut conn);
    let fwd_ok = match (end, &spec.dst) {
        (Some(End::Eni(Eni::Instance(got))), Endpoint::Instance(_)) => r.dst == Some(got),
        (Some(End::Internet), Endpoint::Internet | Endpoint::Ip(_)) => true,
        (Some(End::Eni(_) | End::Service(_)), Endpoint::Ip(_)) => true,
        _ => false,
    };
    mark_wrong_end(&mut fwd, end, fwd_ok);
    let forward = Path {
        reached: fwd_ok,
        hops: std::mem::take(&mut fwd.hops),
    };
    let ret = match end.filter(|_| fwd_ok) {
        Some(end) => walk_back(ix, end, fwd.header.reply(), r.src, r.header.dst, &mut conn),
        None => Path {
            hops: Vec::new(),
            reached: false,
        },
    };
    Ok(Trace::of(spec, forward, ret))
}

impl Trace {
    /// `spec`'s trace from its two walks: reachable when both arrived and no
    /// hop on either blocks. (The IPv6 tracer ends the same way.)
    pub(crate) fn of(spec: &TraceSpec, forward: Path, ret: Path) -> Trace {
        let reachable = forward.reached
            && ret.reached
            && !forward
                .hops
                .iter()
                .chain(ret.hops.iter())
                .any(|h| h.is_blocking());
        Trace {
            spec: spec.clone(),
            forward,
            ret,
            reachable,
        }
    }
}

fn start_at_instance(w: &mut Walker, k: usize) {
    let ix = w.ix;
    let Some(inst) = ix.instance(k) else {
        return;
    };
    let s = ix.instance_subnet.get(k).copied().flatten();
    let az = s.and_then(|s| ix.az_of_subnet(s));
    let mut hop = w.hop(&inst.id, ComponentKind::Instance, az.clone());
    hop.explanations
        .extend(w.down_note(Eni::Instance(k), az.as_deref()));
    w.push(hop);
}

/// The reply, from wherever the request ended back to the source. A reply
/// to the internet must come from `asked` (the address the request was sent
/// to), or the client drops it: replies go back through the translations the
/// request came through (VPC User Guide; see domain-facts, "Replies").
fn walk_back(
    ix: &Index,
    end: End,
    header: Header,
    src: Option<usize>,
    asked: Ipv4Addr,
    conn: &mut Conn,
) -> Path {
    let mut back = Walker::new(ix, Dir::Return, header, src);
    let start = match end {
        End::Eni(Eni::Instance(k)) => {
            start_at_instance(&mut back, k);
            Place::Leave(Eni::Instance(k))
        }
        End::Eni(eni) => Place::Leave(eni),
        End::Internet => Place::Internet,
        End::Service(ep) => Place::FromService(ep),
    };
    let got = back.run(start, conn);
    let ok = match (got, src) {
        (Some(End::Eni(Eni::Instance(k))), Some(want)) => k == want,
        (Some(End::Internet), None) => {
            back.header.dst == INTERNET_HOST && answered_from(&mut back, asked)
        }
        _ => false,
    };
    mark_wrong_end(&mut back, got, ok);
    Path {
        reached: ok,
        hops: back.hops,
    }
}

/// Whether the reply reached the internet from the address the request was
/// sent to; if not, the hop that rewrote its source says why it is dropped.
fn answered_from(back: &mut Walker, asked: Ipv4Addr) -> bool {
    let from = back.header.src;
    if from == asked {
        return true;
    }
    let at = back
        .hops
        .iter()
        .position(|h| h.kind == ComponentKind::NatGateway)
        .or_else(|| back.hops.len().checked_sub(1));
    if let Some(hop) = at.and_then(|k| back.hops.get_mut(k)) {
        hop.explanations.push(block(
            super::packet::Code::NgwSourceAddressReassign,
            format!(
                "the reply leaves from {from}, but the request was sent to {asked}: a reply must go back the way the request came (here through the internet gateway that maps {asked}), so the client drops it and the connection never completes"
            ),
        ));
    }
    false
}

/// A packet that arrived somewhere other than the intended end (two VPCs
/// using the same private address) did not reach it.
fn mark_wrong_end(w: &mut Walker, end: Option<End>, ok: bool) {
    if end.is_none() || ok {
        return;
    }
    let dst: Ipv4Addr = w.header.dst;
    if let Some(last) = w.hops.last_mut() {
        last.explanations.push(block(
            super::packet::Code::DisconnectedVpcs,
            format!(
                "{dst} here is a different host than the one traced: the VPCs are not connected"
            ),
        ));
    }
}
