//! The layout of one VPC box: AZ columns, subnet rows, residents and tags.

use super::super::super::model::{
    is_public_subnet, usable_addresses, Faults, Network, Subnet, Vpc,
};
use super::super::select::Sel;
use super::*;

pub(super) struct Builder<'a> {
    pub net: &'a Network,
    pub faults: &'a Faults,
    pub items: Vec<Item>,
    pub columns: Vec<Column>,
    pub captions: Vec<(f64, f64, String)>,
}

/// Instances and NAT gateways of a subnet, NATs first.
fn residents(net: &Network, subnet: &str) -> usize {
    net.nat_gateways
        .iter()
        .filter(|n| n.subnet == subnet)
        .count()
        + net.instances.iter().filter(|i| i.subnet == subnet).count()
}

fn subnet_height(net: &Network, s: &Subnet) -> f64 {
    let rows = residents(net, &s.id).div_ceil(2);
    SUBNET_HEAD + TAG_H + GAP + rows as f64 * ITEM_ROW + GAP
}

impl Builder<'_> {
    fn subnet(&mut self, s: &Subnet, x: f64, y: f64, public: bool) -> f64 {
        let net = self.net;
        let h = subnet_height(net, s);
        let down = self.faults.is_failed(&s.az);
        let usable = usable_addresses(s.cidr);
        let kind_word = if public { "Public" } else { "Private" };
        let room = Kind::PublicSubnet.text_room(SUBNET_W);
        self.items.push(Item {
            key: format!("subnet:{}", s.id),
            sel: Sel::Subnet(s.id.clone()),
            kind: if public {
                Kind::PublicSubnet
            } else {
                Kind::PrivateSubnet
            },
            x,
            y,
            w: SUBNET_W,
            h,
            lines: vec![
                fit(&format!("{kind_word} subnet {}", s.id), room, FONT, true),
                fit(&format!("{} · {usable} usable", s.cidr), room, FONT, false),
            ],
            what: format!("in {}", s.az),
            down,
        });
        let tag_y = y + SUBNET_HEAD;
        if let Some(t) = net.table_for_subnet(&s.id) {
            let mut it = tag(
                format!("rt:{}", s.id),
                Sel::RouteTable(t.id.clone()),
                Kind::RouteTable,
                (x + GAP, tag_y, ITEM_W),
                &format!("RT {}", t.id),
            );
            it.what = format!("{} of {}", it.what, s.id);
            self.items.push(it);
        }
        if let Some(a) = net.acl_for_subnet(&s.id) {
            let mut it = tag(
                format!("acl:{}", s.id),
                Sel::Acl(a.id.clone()),
                Kind::Acl,
                (x + 2.0 * GAP + ITEM_W, tag_y, ITEM_W),
                &format!("ACL {}", a.id),
            );
            it.what = format!("{} of {}", it.what, s.id);
            self.items.push(it);
        }
        let item_room = Kind::Instance.text_room(ITEM_W);
        let mut slot = 0usize;
        let place = |slot: usize| {
            let col = (slot % 2) as f64;
            let row = (slot / 2) as f64;
            (
                x + GAP + col * (ITEM_W + GAP),
                tag_y + TAG_H + GAP + row * ITEM_ROW,
            )
        };
        for n in net.nat_gateways.iter().filter(|n| n.subnet == s.id) {
            let (ix, iy) = place(slot);
            slot += 1;
            self.items.push(Item {
                key: format!("nat:{}", n.id),
                sel: Sel::Nat(n.id.clone()),
                kind: Kind::Nat,
                x: ix,
                y: iy,
                w: ITEM_W,
                h: ITEM_H,
                lines: vec![
                    fit_label(&format!("NAT {}", n.id), item_room, FONT, true),
                    n.elastic_ip.to_string(),
                ],
                what: format!("NAT gateway {} in {} with this Elastic IP", n.id, s.az),
                down,
            });
        }
        for inst in net.instances.iter().filter(|i| i.subnet == s.id) {
            let (ix, iy) = place(slot);
            slot += 1;
            let mut lines = vec![
                fit(&inst.id, item_room, FONT, true),
                inst.private_ip.to_string(),
            ];
            if let Some(p) = inst.public_ip {
                lines.push(p.to_string());
            }
            self.items.push(Item {
                key: format!("inst:{}", inst.id),
                sel: Sel::Instance(inst.id.clone()),
                kind: Kind::Instance,
                x: ix,
                y: iy,
                w: ITEM_W,
                h: ITEM_H,
                lines,
                what: format!("instance {} in {}", inst.id, s.az),
                down,
            });
            let groups = inst.security_groups.len().max(1) as f64;
            let w = (ITEM_W - (groups - 1.0) * 4.0) / groups;
            for (k, g) in inst.security_groups.iter().enumerate() {
                let gx = ix + k as f64 * (w + 4.0);
                let mut it = tag(
                    format!("sg:{}:{}", inst.id, g),
                    Sel::SecurityGroup(g.clone()),
                    Kind::SecurityGroup,
                    (gx, iy + ITEM_H + 2.0, w),
                    &format!("SG {g}"),
                );
                it.h = SG_H;
                it.what = format!("{} of instance {}", it.what, inst.id);
                self.items.push(it);
            }
        }
        h
    }

    /// Draws one VPC at `x`; returns its width and height.
    pub fn vpc(&mut self, v: &Vpc, x: f64) -> (f64, f64) {
        let net = self.net;
        let subnets: Vec<&Subnet> = net.subnets.iter().filter(|s| s.vpc == v.id).collect();
        let mut azs: Vec<&str> = subnets.iter().map(|s| s.az.as_str()).collect();
        azs.sort_unstable();
        azs.dedup();
        let cols = azs.len().max(1);
        let w = 2.0 * PAD + cols as f64 * COL_W + (cols - 1) as f64 * GAP;
        let public: Vec<bool> = subnets
            .iter()
            .map(|s| is_public_subnet(net, &s.id))
            .collect();
        // Row heights: the tallest stack of subnets of that kind in any AZ.
        let stack = |want_public: bool, az: &str| -> f64 {
            subnets
                .iter()
                .zip(&public)
                .filter(|(s, p)| **p == want_public && s.az == az)
                .map(|(s, _)| subnet_height(net, s) + GAP)
                .sum()
        };
        let row_h = |want_public: bool| {
            azs.iter()
                .map(|az| stack(want_public, az))
                .fold(0.0, f64::max)
        };
        let (pub_h, priv_h) = (row_h(true), row_h(false));
        let y0 = TOP;
        let cols_y = y0 + VPC_HEAD;
        let rows_y = cols_y + AZ_HEAD;
        let col_h = AZ_HEAD + pub_h + priv_h + GAP;
        let strip: Vec<(String, Sel, Kind, String)> = self.unused(v);
        let per_row = ((w - 2.0 * PAD) / (STRIP_ITEM_W + GAP)).floor().max(1.0) as usize;
        let strip_rows = strip.len().div_ceil(per_row);
        let strip_h = if strip.is_empty() {
            0.0
        } else {
            18.0 + strip_rows as f64 * (TAG_H + GAP)
        };
        let h = VPC_HEAD + col_h + strip_h + PAD;
        let cidrs: Vec<String> = v.cidrs().map(|c| c.to_string()).collect();
        self.items.push(Item {
            key: format!("vpc:{}", v.id),
            sel: Sel::Vpc(v.id.clone()),
            kind: Kind::Vpc,
            x,
            y: y0,
            w,
            h,
            lines: vec![fit(
                &format!("VPC {} · {}", v.id, cidrs.join(", ")),
                Kind::Vpc.text_room(w),
                Kind::Vpc.font(),
                true,
            )],
            what: String::new(),
            down: false,
        });
        for (c, az) in azs.iter().enumerate() {
            let cx = x + PAD + c as f64 * (COL_W + GAP);
            self.columns.push(Column {
                az: az.to_string(),
                x: cx,
                y: cols_y,
                w: COL_W,
                h: col_h,
                failed: self.faults.is_failed(az),
            });
            for (want_public, top) in [(true, rows_y), (false, rows_y + pub_h)] {
                let mut y = top;
                for (s, _) in subnets
                    .iter()
                    .zip(&public)
                    .filter(|(s, p)| **p == want_public && s.az == *az)
                {
                    y += self.subnet(s, cx + 6.0, y, want_public) + GAP;
                }
            }
        }
        if let Some(g) = net.internet_gateways.iter().find(|g| g.vpc == v.id) {
            self.items.push(Item {
                key: format!("igw:{}", g.id),
                sel: Sel::Igw(g.id.clone()),
                kind: Kind::Igw,
                x: x + w / 2.0 - IGW_W / 2.0,
                y: y0 - 17.0,
                w: IGW_W,
                h: 30.0,
                lines: vec![fit_label(
                    &format!("IGW {}", g.id),
                    Kind::Igw.text_room(IGW_W),
                    FONT,
                    true,
                )],
                what: format!("internet gateway {} of {}", g.id, v.id),
                down: false,
            });
        }
        // Gateway endpoints sit small on the VPC's top edge, left of the IGW.
        for (k, e) in net.endpoints.iter().filter(|e| e.vpc == v.id).enumerate() {
            let ex = x + PAD + k as f64 * (STRIP_ITEM_W + GAP);
            let (key, sel) = (format!("vpce:{}", e.id), Sel::Endpoint(e.id.clone()));
            let spot = (ex, y0 - TAG_H / 2.0, STRIP_ITEM_W);
            self.items.push(tag(
                key,
                sel,
                Kind::Endpoint,
                spot,
                &format!("VPCE {}", e.id),
            ));
        }
        #[cfg(feature = "ipv6")]
        // Egress-only gateways sit on the VPC's top edge right of the IGW,
        // drawn like it but smaller, and wired to the internet the same way.
        for (k, g) in (0u8..).zip(
            net.ipv6
                .egress_only_gateways
                .iter()
                .filter(|g| g.vpc == v.id),
        ) {
            let gx = x + w / 2.0 + IGW_W / 2.0 + GAP + f64::from(k) * (EIGW_W + GAP);
            self.items.push(Item {
                key: format!("eigw:{}", g.id),
                sel: Sel::Eigw(g.id.clone()),
                kind: Kind::Igw,
                x: gx.min(x + w - EIGW_W - PAD),
                y: y0 - 14.0,
                w: EIGW_W,
                h: 24.0,
                lines: vec![fit_label(
                    &format!("EIGW {}", g.id),
                    Kind::Igw.text_room(EIGW_W),
                    FONT,
                    true,
                )],
                what: format!("egress-only internet gateway {} of {}", g.id, v.id),
                down: false,
            });
        }
        if !strip.is_empty() {
            let sy = y0 + VPC_HEAD + col_h;
            self.captions
                .push((x + PAD, sy + 12.0, "Not used by any subnet:".into()));
            for (k, (key, sel, kind, text)) in strip.into_iter().enumerate() {
                let ix = x + PAD + (k % per_row) as f64 * (STRIP_ITEM_W + GAP);
                let iy = sy + 18.0 + (k / per_row) as f64 * (TAG_H + GAP);
                self.items
                    .push(tag(key, sel, kind, (ix, iy, STRIP_ITEM_W), &text));
            }
        }
        (w, h)
    }

    /// Route tables, ACLs and security groups of the VPC that nothing uses,
    /// so they are still on the diagram to click.
    fn unused(&self, v: &Vpc) -> Vec<(String, Sel, Kind, String)> {
        let net = self.net;
        let subnets: Vec<&Subnet> = net.subnets.iter().filter(|s| s.vpc == v.id).collect();
        let mut out = Vec::new();
        for t in net.route_tables.iter().filter(|t| t.vpc == v.id) {
            let used = subnets
                .iter()
                .any(|s| net.table_for_subnet(&s.id).is_some_and(|u| u.id == t.id));
            if !used {
                let main = if t.main { " (main)" } else { "" };
                out.push((
                    format!("rtx:{}", t.id),
                    Sel::RouteTable(t.id.clone()),
                    Kind::RouteTable,
                    format!("RT {}{main}", t.id),
                ));
            }
        }
        for a in net.network_acls.iter().filter(|a| a.vpc == v.id) {
            let used = subnets
                .iter()
                .any(|s| net.acl_for_subnet(&s.id).is_some_and(|u| u.id == a.id));
            if !used {
                out.push((
                    format!("aclx:{}", a.id),
                    Sel::Acl(a.id.clone()),
                    Kind::Acl,
                    format!("ACL {}", a.id),
                ));
            }
        }
        for g in net.security_groups.iter().filter(|g| g.vpc == v.id) {
            let used = net
                .instances
                .iter()
                .any(|i| i.security_groups.contains(&g.id));
            if !used {
                out.push((
                    format!("sgx:{}", g.id),
                    Sel::SecurityGroup(g.id.clone()),
                    Kind::SecurityGroup,
                    format!("SG {}", g.id),
                ));
            }
        }
        out
    }
}
