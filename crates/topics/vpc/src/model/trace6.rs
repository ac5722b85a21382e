//! IPv6 trace requests and the IPv6 reachability matrix: both ends are
//! IPv6 (an instance's address from its subnet's /64, the internet, or a
//! typed address); an IPv4 end with an IPv6 end is refused.

use std::net::{Ipv4Addr, Ipv6Addr};

use super::error::VpcError;
use super::filters::Protocol;
use super::index::Index;
use super::ipv6::INTERNET_HOST6;
use super::layout::Network;
use super::matrix::{Cell, Matrix};
use super::packet::{Code, CodeSet, Endpoint, Faults, Header, Path, Trace, TraceSpec};
use super::walk::{Dir, Walker};
use super::walk6::{End6, Net6, Walk6};

fn refuse(reason: String) -> VpcError {
    VpcError::TraceEndpoint { reason }
}

struct Ends {
    src: Option<usize>,
    dst: Option<usize>,
    src_ip: Ipv6Addr,
    dst_ip: Ipv6Addr,
}

fn instance6(n6: &Net6, id: &str) -> Result<(usize, Ipv6Addr), VpcError> {
    let k = n6
        .ix
        .instances
        .get(id)
        .copied()
        .ok_or_else(|| refuse(format!("instance {id} does not exist")))?;
    let ip = n6.addr.get(k).copied().flatten().ok_or_else(|| {
        refuse(format!(
            "{id} has no IPv6 address: give its subnet a /64 first"
        ))
    })?;
    Ok((k, ip))
}

fn resolve6(n6: &Net6, spec: &TraceSpec) -> Result<Ends, VpcError> {
    if !(spec.src.is_ipv6() && spec.dst.is_ipv6()) {
        return Err(refuse(
            "pick IPv6 for both ends: an IPv4 packet cannot reach an IPv6 address".into(),
        ));
    }
    if spec.protocol == Protocol::All {
        return Err(refuse(
            "pick tcp, udp or icmp; \"all\" is only for rules".into(),
        ));
    }
    let (src, src_ip) = match &spec.src {
        Endpoint::Instance6(id) => instance6(n6, id).map(|(k, a)| (Some(k), a))?,
        Endpoint::Internet6 => (None, INTERNET_HOST6),
        _ => {
            return Err(refuse(
                "the source must be an instance or the internet".into(),
            ))
        }
    };
    let (dst, dst_ip) = match &spec.dst {
        Endpoint::Instance6(id) => instance6(n6, id).map(|(k, a)| (Some(k), a))?,
        _ => (None, INTERNET_HOST6),
    };
    if src.is_some() && src == dst {
        return Err(refuse(
            "source and destination are the same instance".into(),
        ));
    }
    if src.is_none() && dst.is_none() {
        return Err(refuse(
            "source and destination are both the internet".into(),
        ));
    }
    Ok(Ends {
        src,
        dst,
        src_ip,
        dst_ip,
    })
}

pub(super) fn check6(net: &Network, spec: &TraceSpec) -> Result<(), VpcError> {
    let ix = Index::new(net, &Faults::default());
    resolve6(&Net6::new(&ix), spec).map(|_| ())
}

pub(super) fn trace6(ix: &Index, spec: &TraceSpec) -> Result<Trace, VpcError> {
    trace6_with(&Net6::new(ix), spec)
}

fn trace6_with(n6: &Net6, spec: &TraceSpec) -> Result<Trace, VpcError> {
    let e = resolve6(n6, spec)?;
    let ports = spec.protocol.has_ports();
    let header = Header {
        src: Ipv4Addr::UNSPECIFIED,
        dst: Ipv4Addr::UNSPECIFIED,
        src_port: ports.then_some(spec.src_port),
        dst_port: ports.then_some(spec.port),
        protocol: spec.protocol,
    };
    let arrived = |end: Option<End6>, want: Option<usize>| match (end, want) {
        (Some(End6::Instance(k)), Some(w)) => k == w,
        (Some(End6::Internet), None) => true,
        _ => false,
    };
    let mut fwd = Walk6 {
        n6,
        w: Walker::new(n6.ix, Dir::Forward, header, None),
        src: e.src_ip,
        dst: e.dst_ip,
        left_by: None,
        came_by: None,
    };
    let (mut forward, end) = fwd.run(e.src);
    forward.reached = arrived(end, e.dst);
    let ret = match end.filter(|_| forward.reached) {
        Some(end) => {
            let mut back = Walk6 {
                n6,
                w: Walker::new(n6.ix, Dir::Return, header.reply(), None),
                src: e.dst_ip,
                dst: e.src_ip,
                left_by: fwd.left_by.take(),
                came_by: fwd.came_by.take(),
            };
            let start = match end {
                End6::Instance(k) => Some(k),
                End6::Internet => None,
            };
            let (mut p, got) = back.run(start);
            p.reached = arrived(got, e.src);
            p
        }
        None => Path {
            hops: Vec::new(),
            reached: false,
        },
    };
    Ok(Trace::of(spec, forward, ret))
}

/// The matrix over IPv6: every pair of instances by their IPv6 addresses.
/// A pair where either end has no IPv6 address is unreachable.
pub fn reachability_matrix6(
    net: &Network,
    faults: &Faults,
    protocol: Protocol,
    port: u16,
    src_port: u16,
) -> Matrix {
    let ix = Index::new(net, faults);
    let n6 = Net6::new(&ix);
    let ids: Vec<String> = net.instances.iter().map(|i| i.id.clone()).collect();
    let n = ids.len();
    let mut cells = vec![Cell::default(); n * n];
    for (k, cell) in cells.iter_mut().enumerate() {
        let (r, c) = (k / n.max(1), k % n.max(1));
        if r == c {
            cell.reachable = true;
            continue;
        }
        let spec = TraceSpec {
            src: Endpoint::Instance6(ids[r].clone()),
            dst: Endpoint::Instance6(ids[c].clone()),
            protocol,
            port,
            src_port,
        };
        *cell = match trace6_with(&n6, &spec) {
            Ok(t) => Cell {
                reachable: t.reachable,
                codes: t.blocking_codes(),
            },
            Err(_) => {
                let mut codes = CodeSet::default();
                codes.insert(Code::NoRouteToDestination);
                Cell {
                    reachable: false,
                    codes,
                }
            }
        };
    }
    Matrix {
        instances: ids,
        protocol,
        port,
        src_port,
        cells,
        ipv6: true,
    }
}

/// The same instance-to-instance request over the instances' IPv6 addresses.
pub(super) fn over_ipv6(spec: TraceSpec) -> TraceSpec {
    let six = |e: Endpoint| match e {
        Endpoint::Instance(id) => Endpoint::Instance6(id),
        other => other,
    };
    TraceSpec {
        src: six(spec.src),
        dst: six(spec.dst),
        ..spec
    }
}
