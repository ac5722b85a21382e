//! Where everything goes on the diagram: VPC boxes side by side, one column
//! per availability zone, public subnets above private ones, gateways on the
//! edges, instances inside their subnets, peering arcs underneath. Pure
//! geometry (no yew), so it is tested natively.

use std::collections::BTreeMap;

use super::super::model::{Faults, Network};
use super::select::Sel;
use build::Builder;

mod build;
#[cfg(test)]
mod tests;

pub(super) const MARGIN: f64 = 16.0;
pub(super) const GAP: f64 = 8.0;
pub(super) const PAD: f64 = 12.0;
pub(super) const COL_W: f64 = 250.0;
pub(super) const SUBNET_W: f64 = COL_W - 12.0;
pub(super) const ITEM_W: f64 = (SUBNET_W - 3.0 * GAP) / 2.0;
pub(super) const ITEM_H: f64 = 50.0;
pub(super) const SG_H: f64 = 17.0;
pub(super) const ITEM_ROW: f64 = ITEM_H + 2.0 + SG_H + GAP;
pub(super) const SUBNET_HEAD: f64 = 40.0;
pub(super) const TAG_H: f64 = 18.0;
pub(super) const VPC_HEAD: f64 = 34.0;
pub(super) const AZ_HEAD: f64 = 22.0;
pub(super) const TOP: f64 = 96.0;
pub(super) const STRIP_ITEM_W: f64 = 118.0;

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

pub(super) fn tag(
    key: String,
    sel: Sel,
    kind: Kind,
    (x, y, w): (f64, f64, f64),
    text: &str,
) -> Item {
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
