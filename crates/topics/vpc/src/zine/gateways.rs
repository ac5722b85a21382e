//! The page's gateway panels: public subnets through the internet gateway,
//! private ones through a NAT gateway in their AZ, and what a single NAT
//! costs when its AZ fails.

use super::{host, tcp, traced, yes_no};
use crate::model::{
    effective_routes, Action, ComponentKind, Endpoint, Network, Playground, PresetId,
};
use techshack_core::sketch::{Anchor, Pen, Zine};

/// A route table's routes, one per line: "0.0.0.0/0 → ig-1".
fn routes(z: &mut Zine, at: (f64, f64), net: &Network, table: &str) -> f64 {
    let Some(t) = net.route_tables.iter().find(|t| t.id == table) else {
        return at.1;
    };
    z.text(at, &format!("{table}:"), 14.0, Anchor::Start);
    let mut y = at.1;
    for r in effective_routes(net, t) {
        y += 20.0;
        let line = format!("{} → {}", r.destination, r.target.id());
        z.text((at.0 + 12.0, y), &line, 14.0, Anchor::Start);
    }
    y
}

pub(super) fn public(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Public subnets route 0.0.0.0/0 to the internet gateway, which maps a public IP to a private one.",
    );
    let y = routes(z, (a.x + 4.0, a.y + 16.0), pg.network(), "rt-1a");
    let spec = tcp(Endpoint::Internet, host("web-a"), 80);
    if let Some(t) = traced(pg, &spec) {
        let hops: Vec<&str> = t
            .forward
            .hops
            .iter()
            .map(|h| h.component.as_str())
            .collect();
        z.text(
            (a.x + 4.0, y + 30.0),
            &hops.join(" → "),
            13.0,
            Anchor::Start,
        );
        let nat = t
            .forward
            .hops
            .iter()
            .take(2)
            .map(|h| h.header.dst.to_string());
        let line = format!(
            "{} (reaches it: {})",
            nat.collect::<Vec<_>>().join(" → "),
            yes_no(t.reachable)
        );
        z.text_coloured(
            (a.x + 4.0, y + 54.0),
            &line,
            13.0,
            Anchor::Start,
            "var(--muted)",
        );
    }
}

pub(super) fn private(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Private subnets reach out through a NAT gateway in their own AZ; nothing reaches in.",
    );
    let y = routes(z, (a.x + 4.0, a.y + 16.0), pg.network(), "rt-2a");
    let spec = tcp(host("app-a"), Endpoint::Internet, 443);
    let Some(t) = traced(pg, &spec) else { return };
    let nat = t
        .forward
        .hops
        .iter()
        .find(|h| h.kind == ComponentKind::NatGateway);
    if let (Some(first), Some(nat)) = (t.forward.hops.first(), nat) {
        let line = format!(
            "{} {} → {} {}",
            first.component, first.header.src, nat.component, nat.header.src
        );
        z.text((a.x + 4.0, y + 30.0), &line, 14.0, Anchor::Start);
    }
    let out = t
        .forward
        .hops
        .last()
        .map(|h| h.header.src.to_string())
        .unwrap_or_default();
    let line = format!("leaves the VPC as {out}");
    z.text_coloured(
        (a.x + 4.0, y + 54.0),
        &line,
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

pub(super) fn single_nat(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "One NAT for every AZ is cheaper, until its AZ fails: then the other AZs lose the internet too.",
    );
    let preset = PresetId::SingleNat;
    let mut pg = Playground::with_preset(preset);
    let spec = preset.default_trace();
    let before = traced(&pg, &spec).is_some_and(|t| t.reachable);
    let nat = pg
        .network()
        .nat_gateways
        .first()
        .map(|n| n.id.clone())
        .unwrap_or_default();
    let az = pg
        .network()
        .nat_gateways
        .first()
        .and_then(|n| pg.network().subnets.iter().find(|s| s.id == n.subnet))
        .map(|s| s.az.clone())
        .unwrap_or_default();
    let _ = pg.apply(&Action::FailAz {
        az: az.clone(),
        failed: true,
    });
    let after = traced(&pg, &spec).is_some_and(|t| t.reachable);
    let src = match &spec.src {
        Endpoint::Instance(id) => id.clone(),
        _ => String::new(),
    };
    let feet = (a.x + 30.0, a.bottom());
    z.stick_figure(feet, 90.0, &Pen::ink().width(2.0));
    let line = format!("Only {nat}, in {az}.");
    z.say(
        "Ops",
        (a.x + 64.0, a.y, 190.0, 40.0),
        (feet.0 + 10.0, feet.1 - 90.0),
        &line,
    );
    let x = a.x + 70.0;
    z.text(
        (x, a.y + 80.0),
        &format!("{src} online: {}", yes_no(before)),
        14.0,
        Anchor::Start,
    );
    let down = format!("{az} down, {src} online: {}", yes_no(after));
    z.text_coloured((x, a.y + 104.0), &down, 14.0, Anchor::Start, "var(--bad)");
}
