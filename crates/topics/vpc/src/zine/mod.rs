//! The VPC's zine page: networking on AWS in eight panels, from the VPC's
//! address range to peering that is not transitive. Every address, route
//! and verdict is the model's: the article's layout and the other presets,
//! traced hop by hop. Only the site draws it, natively.

mod addresses;
mod filters;
mod gateways;

use crate::model::{
    Endpoint, Playground, PresetId, Protocol, Trace, TraceSpec, DEFAULT_EPHEMERAL_PORT,
};
use techshack_core::sketch::Zine;

/// The page drawn but not finished (see `PanelModel::zines`).
pub fn zines() -> Vec<(&'static str, Zine)> {
    vec![("networking", page())]
}

pub(super) fn tcp(src: Endpoint, dst: Endpoint, port: u16) -> TraceSpec {
    TraceSpec {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
        src_port: DEFAULT_EPHEMERAL_PORT,
    }
}

pub(super) fn host(id: &str) -> Endpoint {
    Endpoint::Instance(id.into())
}

/// The trace of `spec` on `pg`, if the model can trace it.
pub(super) fn traced(pg: &Playground, spec: &TraceSpec) -> Option<Trace> {
    pg.trace_of(spec).ok()
}

pub(super) fn yes_no(reachable: bool) -> &'static str {
    if reachable {
        "yes"
    } else {
        "no"
    }
}

fn page() -> Zine {
    let mut z = Zine::new(
        2018,
        "Everything you need to know about networking on AWS",
        "After Graham Lyons (2018) and the AWS VPC guide · drawn from the VPC model",
        8,
    );
    let article = Playground::with_preset(PresetId::Article);
    let net = article.network();
    addresses::vpc(&mut z, 0, net);
    addresses::subnets(&mut z, 1, net);
    addresses::reserved(&mut z, 2, net);
    gateways::public(&mut z, 3, &article);
    gateways::private(&mut z, 4, &article);
    gateways::single_nat(&mut z, 5);
    filters::nacl(&mut z, 6);
    filters::peering(&mut z, 7);
    z
}
