//! Shared helpers for the model's tests.

use std::net::Ipv4Addr;

use super::super::*;

pub fn ip(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

pub fn cidr(s: &str) -> ipnet::Ipv4Net {
    s.parse().unwrap()
}

pub fn inst(id: &str) -> Endpoint {
    Endpoint::Instance(id.into())
}

pub fn spec(src: Endpoint, dst: Endpoint, port: u16) -> TraceSpec {
    TraceSpec {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
        src_port: DEFAULT_EPHEMERAL_PORT,
    }
}

pub fn failed(azs: &[&str]) -> Faults {
    Faults {
        failed_azs: azs.iter().map(|a| a.to_string()).collect(),
    }
}

pub fn run(net: &Network, faults: &Faults, s: TraceSpec) -> Trace {
    trace(net, faults, &s).unwrap()
}

/// (component, code, on_return) for every blocker.
pub fn blockers(t: &Trace) -> Vec<(String, Code, bool)> {
    t.blockers()
        .into_iter()
        .map(|b| (b.component, b.code, b.on_return))
        .collect()
}

pub fn has_blocker(t: &Trace, component: &str, code: Code, on_return: bool) -> bool {
    blockers(t).contains(&(component.to_string(), code, on_return))
}

pub fn hop<'a>(p: &'a Path, component: &str) -> &'a Hop {
    p.hops
        .iter()
        .find(|h| h.component == component)
        .unwrap_or_else(|| panic!("no hop {component}"))
}

pub fn apply_all(pg: &mut Playground, actions: &[Action]) {
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
}

/// The default playground after `actions`, each of which must apply.
pub fn replay(actions: &[Action]) -> Playground {
    let mut pg = Playground::default();
    apply_all(&mut pg, actions);
    pg
}

/// A database subnet in us-east-1a, free in the article's layout.
pub fn add_db_subnet() -> Action {
    Action::AddSubnet {
        id: "subnet-db-a".into(),
        vpc: "vpc-123".into(),
        cidr: "10.0.7.0/24".into(),
        az: "us-east-1a".into(),
    }
}
