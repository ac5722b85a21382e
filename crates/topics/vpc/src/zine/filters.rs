//! The page's last panels: stateless NACLs that forget the replies, and
//! peering that is not transitive.

use super::{host, tcp, traced, yes_no};
use crate::model::{Playground, PortRange, PresetId};
use techshack_core::sketch::{Anchor, Pen, Rect, Zine};

pub(super) fn nacl(z: &mut Zine, k: usize) {
    let ports = PortRange::EPHEMERAL;
    let caption = format!(
        "Security groups are stateful: replies go back. NACLs are not: allow ports {}-{} for replies.",
        ports.from, ports.to
    );
    let a = z.caption(k, &caption);
    let preset = PresetId::LockedNacl;
    let pg = Playground::with_preset(preset);
    let Some(t) = traced(&pg, &preset.default_trace()) else {
        return;
    };
    let blocked = t
        .ret
        .hops
        .iter()
        .find(|h| h.explanations.iter().any(|e| e.blocking));
    let forward_ok = t
        .forward
        .hops
        .iter()
        .all(|h| h.explanations.iter().all(|e| !e.blocking));
    let line = format!(
        "request in: {}",
        if forward_ok { "allowed" } else { "blocked" }
    );
    z.text((a.x + 4.0, a.y + 16.0), &line, 14.0, Anchor::Start);
    let Some(hop) = blocked else { return };
    let box_at = Rect::new(a.x + 4.0, a.y + 86.0, 100.0, 34.0);
    z.rect(
        box_at.x,
        box_at.y,
        box_at.w,
        box_at.h,
        &Pen::ink().fill("var(--bad-soft)").solid(),
    );
    z.text(
        (box_at.x + 50.0, box_at.y + 22.0),
        &hop.component,
        14.0,
        Anchor::Middle,
    );
    let said = hop
        .explanations
        .iter()
        .find(|e| e.blocking)
        .map(|e| e.detail.clone())
        .unwrap_or_default();
    let reply = format!("Reply: {said}");
    z.say_on(
        "var(--bad-soft)",
        &hop.component,
        (a.x + 116.0, a.y + 28.0, 240.0, 110.0),
        (box_at.right(), box_at.y + 17.0),
        &reply,
    );
}

pub(super) fn peering(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "Peering is not transitive: A talks to B and B to C, but A cannot talk to C through B.",
    );
    let pg = Playground::with_preset(PresetId::Peering);
    let hosts = ["host-a", "host-b", "host-c"];
    let xs = [a.x + 40.0, a.x + a.w / 2.0, a.right() - 40.0];
    let y = a.y + 40.0;
    for (x, h) in xs.iter().zip(hosts) {
        z.ellipse(
            (*x, y),
            34.0,
            22.0,
            &Pen::ink().fill("var(--info-soft)").solid(),
        );
        z.text((*x, y + 5.0), h, 13.0, Anchor::Middle);
    }
    let net = pg.network();
    // Where each host lives, so a peering's two VPCs find their hosts.
    let vpc_of = |host: &str| {
        let subnet = net.instances.iter().find(|i| i.id == host)?.subnet.as_str();
        net.subnets
            .iter()
            .find(|s| s.id == subnet)
            .map(|s| s.vpc.as_str())
    };
    let vpcs = hosts.map(vpc_of);
    for p in &net.peerings {
        let ends =
            [&p.requester, &p.accepter].map(|v| vpcs.iter().position(|h| *h == Some(v.as_str())));
        if let [Some(i), Some(j)] = ends {
            z.line((xs[i] + 36.0, y), (xs[j] - 36.0, y), &Pen::ink().width(2.5));
            z.text(
                ((xs[i] + xs[j]) / 2.0, y - 10.0),
                &p.id,
                13.0,
                Anchor::Middle,
            );
        }
    }
    let spec = tcp(host("host-a"), host("host-c"), 22);
    if let Some(t) = traced(&pg, &spec) {
        let line = format!("host-a to host-c: reachable? {}", yes_no(t.reachable));
        z.text_coloured(
            (a.x + 4.0, a.y + 96.0),
            &line,
            15.0,
            Anchor::Start,
            "var(--bad)",
        );
        let mut codes: Vec<&str> = t.blockers().iter().map(|b| b.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        z.text_coloured(
            (a.x + 4.0, a.y + 122.0),
            &codes.join(", "),
            13.0,
            Anchor::Start,
            "var(--muted)",
        );
    }
}
