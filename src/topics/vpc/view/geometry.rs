//! Where everything goes on the diagram: VPC boxes side by side, one column
//! per availability zone, public subnets above private ones, gateways on the
//! edges, instances inside their subnets, peering arcs underneath. Pure
//! geometry (no yew), so it is tested natively.

use std::collections::BTreeMap;

use super::super::model::{is_public_subnet, usable_addresses, Faults, Network, Subnet, Vpc};
use super::select::Sel;

const MARGIN: f64 = 16.0;
const GAP: f64 = 8.0;
const PAD: f64 = 12.0;
const COL_W: f64 = 250.0;
const SUBNET_W: f64 = COL_W - 12.0;
const ITEM_W: f64 = (SUBNET_W - 3.0 * GAP) / 2.0;
const ITEM_H: f64 = 50.0;
const SG_H: f64 = 17.0;
const ITEM_ROW: f64 = ITEM_H + 2.0 + SG_H + GAP;
const SUBNET_HEAD: f64 = 40.0;
const TAG_H: f64 = 18.0;
const VPC_HEAD: f64 = 34.0;
const AZ_HEAD: f64 = 22.0;
const TOP: f64 = 96.0;
const STRIP_ITEM_W: f64 = 118.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Vpc,
    PublicSubnet,
    PrivateSubnet,
    RouteTable,
    Acl,
    SecurityGroup,
    Instance,
    Nat,
    Igw,
    Internet,
    Peering,
}

impl Kind {
    pub fn class(self) -> &'static str {
        match self {
            Kind::Vpc => "vpc-k-vpc",
            Kind::PublicSubnet => "vpc-k-public",
            Kind::PrivateSubnet => "vpc-k-private",
            Kind::RouteTable => "vpc-k-rt",
            Kind::Acl => "vpc-k-acl",
            Kind::SecurityGroup => "vpc-k-sg",
            Kind::Instance => "vpc-k-instance",
            Kind::Nat => "vpc-k-nat",
            Kind::Igw => "vpc-k-igw",
            Kind::Internet => "vpc-k-internet",
            Kind::Peering => "vpc-k-pcx",
        }
    }

    /// Small tags draw their text smaller and on one line.
    pub fn is_tag(self) -> bool {
        matches!(
            self,
            Kind::RouteTable | Kind::Acl | Kind::SecurityGroup | Kind::Peering
        )
    }
}

/// One clickable component on the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Unique per drawing; trace hops are matched to items by key.
    pub key: String,
    pub sel: Sel,
    pub kind: Kind,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// The visible text, one entry per line.
    pub lines: Vec<String>,
    /// What it is, said after the visible text in its accessible name.
    pub what: String,
    /// In a failed availability zone.
    pub down: bool,
}

impl Item {
    /// The accessible name: the visible text first (so speech control can
    /// use what is on screen), then what the component is.
    pub fn label(&self) -> String {
        let seen = self.lines.join(" ");
        if self.what.is_empty() {
            seen
        } else {
            format!("{seen}, {}", self.what)
        }
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub az: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub failed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Column>,
    /// Static wires as SVG path data: internet to gateways, peering arcs.
    pub wires: Vec<String>,
    /// Drawing order: boxes first, then what sits on them.
    pub items: Vec<Item>,
    /// Captions that are not components ("Other route tables").
    pub captions: Vec<(f64, f64, String)>,
}

impl Diagram {
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.key == key)
    }
}

/// Shortens text to `max` characters with an ellipsis.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

fn tag(key: String, sel: Sel, kind: Kind, (x, y, w): (f64, f64, f64), text: &str) -> Item {
    let line = clip(text, ((w - 8.0) / 6.1) as usize);
    let mut what = match kind {
        Kind::RouteTable => "route table".to_string(),
        Kind::Acl => "network ACL".to_string(),
        Kind::SecurityGroup => "security group".to_string(),
        _ => String::new(),
    };
    if !line.contains(sel.id()) {
        what.push_str(&format!(" {}", sel.id()));
    }
    Item {
        key,
        lines: vec![line],
        what,
        sel,
        kind,
        x,
        y,
        w,
        h: TAG_H,
        down: false,
    }
}

struct Builder<'a> {
    net: &'a Network,
    faults: &'a Faults,
    items: Vec<Item>,
    columns: Vec<Column>,
    captions: Vec<(f64, f64, String)>,
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
                clip(&format!("{kind_word} subnet {}", s.id), 34),
                format!("{} · {usable} usable", s.cidr),
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
                lines: vec![clip(&format!("NAT {}", n.id), 16), n.elastic_ip.to_string()],
                what: format!("NAT gateway {} in {} with this Elastic IP", n.id, s.az),
                down,
            });
        }
        for inst in net.instances.iter().filter(|i| i.subnet == s.id) {
            let (ix, iy) = place(slot);
            slot += 1;
            let mut lines = vec![clip(&inst.id, 16), inst.private_ip.to_string()];
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
    fn vpc(&mut self, v: &Vpc, x: f64) -> (f64, f64) {
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
            lines: vec![clip(&format!("VPC {} · {}", v.id, cidrs.join(", ")), 60)],
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
                x: x + w / 2.0 - 55.0,
                y: y0 - 17.0,
                w: 110.0,
                h: 30.0,
                lines: vec![clip(&format!("IGW {}", g.id), 17)],
                what: format!("internet gateway {} of {}", g.id, v.id),
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

pub fn layout(net: &Network, faults: &Faults) -> Diagram {
    let mut b = Builder {
        net,
        faults,
        items: Vec::new(),
        columns: Vec::new(),
        captions: Vec::new(),
    };
    let mut x = MARGIN;
    let mut boxes: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
    let mut bottom: f64 = TOP;
    for v in &net.vpcs {
        let (w, h) = b.vpc(v, x);
        boxes.insert(v.id.clone(), (x, w, TOP + h));
        bottom = bottom.max(TOP + h);
        x += w + 3.0 * GAP;
    }
    let width = (x - 3.0 * GAP + MARGIN).max(320.0);
    let mut wires = Vec::new();
    // The internet, centred above everything, wired to each gateway.
    let (iw, ih) = (170.0, 40.0);
    let internet = Item {
        key: "internet".into(),
        sel: Sel::Internet,
        kind: Kind::Internet,
        x: width / 2.0 - iw / 2.0,
        y: 10.0,
        w: iw,
        h: ih,
        lines: vec!["Internet".into(), "203.0.113.10".into()],
        what: "any host outside AWS".into(),
        down: false,
    };
    let (ix, iy) = (internet.x + iw / 2.0, internet.y + ih);
    for g in b.items.iter().filter(|i| i.kind == Kind::Igw) {
        wires.push(format!(
            "M{ix:.1} {iy:.1} L{:.1} {:.1}",
            g.x + g.w / 2.0,
            g.y
        ));
    }
    b.items.push(internet);
    // Peering arcs under the VPC boxes, each a little deeper than the last.
    for (k, p) in net.peerings.iter().enumerate() {
        let (Some(&(ax, aw, ab)), Some(&(bx, bw, bb))) =
            (boxes.get(&p.requester), boxes.get(&p.accepter))
        else {
            continue;
        };
        let (x0, x1) = (ax + aw / 2.0, bx + bw / 2.0);
        let yc = bottom + 34.0 + 30.0 * k as f64;
        wires.push(format!(
            "M{x0:.1} {ab:.1} Q{:.1} {yc:.1} {x1:.1} {bb:.1}",
            (x0 + x1) / 2.0
        ));
        let mid_y = 0.25 * ab + 0.5 * yc + 0.25 * bb;
        let mut it = tag(
            format!("pcx:{}", p.id),
            Sel::Peering(p.id.clone()),
            Kind::Peering,
            ((x0 + x1) / 2.0 - 50.0, mid_y - TAG_H / 2.0, 100.0),
            &p.id,
        );
        it.what = format!(
            "peering connection between {} and {}",
            p.requester, p.accepter
        );
        b.items.push(it);
    }
    let height = bottom
        + MARGIN
        + if net.peerings.is_empty() {
            0.0
        } else {
            30.0 + 30.0 * net.peerings.len() as f64
        };
    Diagram {
        width,
        height,
        columns: b.columns,
        wires,
        items: b.items,
        captions: b.captions,
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Faults, PresetId};
    use super::*;

    fn overlaps(a: &Item, b: &Item) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    #[test]
    fn article_has_every_component_once_and_inside_the_drawing() {
        let d = layout(&PresetId::Article.build(), &Faults::default());
        let count = |k: Kind| d.items.iter().filter(|i| i.kind == k).count();
        assert_eq!(count(Kind::Vpc), 1);
        assert_eq!(count(Kind::PublicSubnet), 3);
        assert_eq!(count(Kind::PrivateSubnet), 3);
        assert_eq!(count(Kind::Nat), 3);
        assert_eq!(count(Kind::Instance), 6);
        assert_eq!(count(Kind::Igw), 1);
        assert_eq!(count(Kind::Internet), 1);
        assert_eq!(d.columns.len(), 3);
        assert!(d.item("rtx:rt-main").is_some(), "the unused main table");
        let mut keys: Vec<&str> = d.items.iter().map(|i| i.key.as_str()).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "keys are unique");
        for i in &d.items {
            assert!(i.x >= 0.0 && i.y >= 0.0, "{}", i.key);
            assert!(i.x + i.w <= d.width && i.y + i.h <= d.height, "{}", i.key);
        }
    }

    #[test]
    fn residents_of_a_subnet_sit_inside_it_without_overlapping() {
        let d = layout(&PresetId::Article.build(), &Faults::default());
        let sub = d.item("subnet:subnet-public-b").unwrap();
        let nat = d.item("nat:nat-b").unwrap();
        let web = d.item("inst:web-b").unwrap();
        for it in [nat, web, d.item("sg:web-b:sg-web").unwrap()] {
            assert!(it.x >= sub.x && it.x + it.w <= sub.x + sub.w, "{}", it.key);
            assert!(it.y >= sub.y && it.y + it.h <= sub.y + sub.h, "{}", it.key);
        }
        assert!(!overlaps(nat, web));
        let private = d.item("subnet:subnet-private-b").unwrap();
        assert!(
            private.y >= sub.y + sub.h,
            "private row below the public row"
        );
    }

    #[test]
    fn peering_preset_draws_three_vpcs_and_two_arcs() {
        let d = layout(&PresetId::Peering.build(), &Faults::default());
        assert_eq!(d.items.iter().filter(|i| i.kind == Kind::Vpc).count(), 3);
        assert!(d.item("pcx:pcx-ab").is_some() && d.item("pcx:pcx-bc").is_some());
        assert_eq!(d.wires.len(), 2, "no gateways, two arcs");
    }

    #[test]
    fn failed_az_marks_its_column_and_components() {
        let faults = Faults {
            failed_azs: ["us-east-1a".to_string()].into_iter().collect(),
        };
        let d = layout(&PresetId::SingleNat.build(), &faults);
        assert!(d.columns.iter().any(|c| c.az == "us-east-1a" && c.failed));
        assert!(d.item("nat:nat-a").unwrap().down);
        assert!(!d.item("inst:app-b").unwrap().down);
    }
}
