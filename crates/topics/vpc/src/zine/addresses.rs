//! The page's first panels: the VPC's range, its subnets over the AZs, and
//! the five addresses AWS keeps in each subnet.

use crate::model::{reserved_addresses, total_addresses, usable_addresses, Network};
use techshack_core::sketch::{Anchor, Pen, Zine};

pub(super) fn vpc(z: &mut Zine, k: usize, net: &Network) {
    let a = z.caption(
        k,
        "A VPC is your own private address range in a region, cut from one CIDR block.",
    );
    let Some(v) = net.vpcs.first() else { return };
    z.rect(
        a.x + 10.0,
        a.y + 8.0,
        250.0,
        120.0,
        &Pen::ink().width(2.0).fill("var(--info-soft)"),
    );
    z.text((a.x + 24.0, a.y + 34.0), &v.id, 16.0, Anchor::Start);
    z.text(
        (a.x + 24.0, a.y + 66.0),
        &v.cidr.to_string(),
        18.0,
        Anchor::Start,
    );
    let n = format!("{} addresses", total_addresses(v.cidr));
    z.text((a.x + 24.0, a.y + 96.0), &n, 15.0, Anchor::Start);
    if let Some(igw) = net.internet_gateways.first() {
        let pen = Pen::ink().fill("var(--accent-soft)").solid();
        z.rect(a.x + 250.0, a.y + 50.0, 80.0, 34.0, &pen);
        z.text((a.x + 290.0, a.y + 72.0), &igw.id, 14.0, Anchor::Middle);
        z.text_coloured(
            (a.x + 290.0, a.y + 104.0),
            "its door",
            13.0,
            Anchor::Middle,
            "var(--muted)",
        );
    }
}

pub(super) fn subnets(z: &mut Zine, k: usize, net: &Network) {
    let mut azs: Vec<&str> = net.subnets.iter().map(|s| s.az.as_str()).collect();
    azs.dedup();
    let caption = format!(
        "Subnets split it over {} availability zones: a public and a private one in each.",
        azs.len()
    );
    let a = z.caption(k, &caption);
    let w = a.w / azs.len().max(1) as f64;
    for (i, az) in azs.iter().enumerate() {
        let x = a.x + i as f64 * w;
        z.text((x + w / 2.0, a.y + 14.0), az, 14.0, Anchor::Middle);
        let inside = net.subnets.iter().filter(|s| s.az == *az);
        for (j, s) in inside.enumerate() {
            let top = a.y + 26.0 + j as f64 * 58.0;
            let fill = if j == 0 {
                "var(--accent-soft)"
            } else {
                "var(--line)"
            };
            z.rect(x + 4.0, top, w - 10.0, 50.0, &Pen::ink().fill(fill).solid());
            let kind = if s.id.contains("public") {
                "public"
            } else {
                "private"
            };
            z.text((x + w / 2.0, top + 20.0), kind, 13.0, Anchor::Middle);
            z.text(
                (x + w / 2.0, top + 40.0),
                &s.cidr.to_string(),
                13.0,
                Anchor::Middle,
            );
        }
    }
}

pub(super) fn reserved(z: &mut Zine, k: usize, net: &Network) {
    let a = z.caption(
        k,
        "AWS keeps 5 addresses of every subnet for itself, so a small subnet fills up fast.",
    );
    let Some(s) = net.subnets.first() else { return };
    for (i, (ip, role)) in reserved_addresses(s.cidr).iter().enumerate() {
        // The role without its aside: "broadcast (AWS has none…)" is too long.
        let role = role.describe().split(" (").next().unwrap_or_default();
        let line = format!("{ip}: {role}");
        let y = a.y + 14.0 + i as f64 * 19.0;
        z.text_coloured((a.x + 4.0, y), &line, 13.0, Anchor::Start, "var(--muted)");
    }
    let small = s.cidr.network().to_string() + "/28";
    let usable = small.parse().map_or(0, usable_addresses);
    let line = format!(
        "{}: {} usable; a /28: {usable}",
        s.cidr,
        usable_addresses(s.cidr)
    );
    z.text((a.x + 4.0, a.y + 122.0), &line, 15.0, Anchor::Start);
}
