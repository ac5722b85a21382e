use ipnet::Ipv4Net;
use std::cell::RefCell;
use topic_vpc::model::{
    halves, parse_cidr, parse_ip, reachability_matrix, synthetic, Faults, Network, Protocol,
    SynthParams, DEFAULT_EPHEMERAL_PORT,
};
use wasm_bindgen::prelude::*;

thread_local! {
    static NET: RefCell<Option<Network>> = const { RefCell::new(None) };
}

/// Builds the benchmark layout (3 AZs, 60 subnets, 300 instances, 20 SGs,
/// 20-rule NACLs); returns the instance count. Not timed.
#[wasm_bindgen]
pub fn vpc_prepare() -> usize {
    let net = synthetic(&SynthParams::BENCHMARK).ok();
    let n = net.as_ref().map_or(0, |n| n.instances.len());
    NET.with(|c| *c.borrow_mut() = net);
    n
}

/// All-pairs reachability on tcp/443; returns the reachable pair count.
#[wasm_bindgen]
pub fn vpc_matrix() -> usize {
    NET.with(|c| {
        c.borrow().as_ref().map_or(0, |net| {
            reachability_matrix(
                net,
                &Faults::default(),
                Protocol::Tcp,
                443,
                DEFAULT_EPHEMERAL_PORT,
            )
            .reachable_pairs()
        })
    })
}

/// For each line pair: parse the CIDR (rounding as AWS does), parse the IP and
/// test containment, then split the block into halves. The same work as the
/// Python ipaddress peer in benches/vpc_ipaddress.py.
#[wasm_bindgen]
pub fn vpc_cidr_work(cidrs: &str, ips: &str) -> usize {
    let mut inside = 0;
    let mut splits = 0;
    for (c, i) in cidrs.lines().zip(ips.lines()) {
        let (Ok(net), Ok(ip)) = (parse_cidr("cidr", c), parse_ip("ip", i)) else {
            continue;
        };
        let net: Ipv4Net = net.net;
        if net.contains(&ip) {
            inside += 1;
        }
        if let Some((a, _)) = halves(net) {
            splits += a.prefix_len() as usize;
        }
    }
    inside + splits
}
