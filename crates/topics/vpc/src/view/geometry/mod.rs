//! Where everything goes on the diagram: VPC boxes side by side, one column
//! per availability zone, public subnets above private ones, gateways on the
//! edges, instances inside their subnets, peering links underneath. Pure
//! geometry (no yew), so it is tested natively.

use crate::model::SortedMap;

use super::super::model::{Faults, Network};
use super::select::Sel;
use build::Builder;
pub use legs::{legs, Leg, Stop};
pub use route::{path_data, Point, Router};
pub use text::{caption, Rect, TextBlock, LINE_GAP};
use text::{fit, fit_label, FONT};

mod build;
mod grid;
mod legs;
mod route;
#[cfg(test)]
mod route_tests;
#[cfg(test)]
mod tests;
mod text;

pub(super) const MARGIN: f64 = 16.0;
pub(super) const GAP: f64 = 8.0;
pub(super) const PAD: f64 = 12.0;
/// Wide enough that two residents side by side each fit a full IPv4
/// address ("255.255.255.255") at 12 px.
pub(super) const COL_W: f64 = 276.0;
pub(super) const SUBNET_W: f64 = COL_W - 12.0;
pub(super) const ITEM_W: f64 = (SUBNET_W - 3.0 * GAP) / 2.0;
pub(super) const ITEM_H: f64 = 50.0;
pub(super) const SG_H: f64 = 17.0;
pub(super) const ITEM_ROW: f64 = ITEM_H + 2.0 + SG_H + GAP;
pub(super) const SUBNET_HEAD: f64 = 40.0;
pub(super) const TAG_H: f64 = 18.0;
/// Room for the internet gateway on the top edge, the VPC name under it,
/// and a gutter between the two for a path to run along.
pub(super) const VPC_HEAD: f64 = 40.0;
pub(super) const AZ_HEAD: f64 = 22.0;
pub(super) const TOP: f64 = 96.0;
pub(super) const STRIP_ITEM_W: f64 = 140.0;
pub(super) const PCX_W: f64 = 120.0;
pub(super) const IGW_W: f64 = 130.0;
#[cfg(feature = "ipv6")]
pub(super) const EIGW_W: f64 = 110.0;

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
    Endpoint,
}

impl Kind {
    /// The word, with its space, a tag's label starts with ("NAT nat-a"),
    /// which `fit_label` may leave out of the drawing but the accessible
    /// name always says; empty for other kinds.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Nat => "NAT ",
            Kind::SecurityGroup => "SG ",
            Kind::RouteTable => "RT ",
            Kind::Acl => "ACL ",
            _ => "",
        }
    }

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
            Kind::Endpoint => "vpc-k-vpce",
        }
    }

    /// Small tags draw their text smaller and on one line.
    pub fn is_tag(self) -> bool {
        matches!(
            self,
            Kind::RouteTable | Kind::Acl | Kind::SecurityGroup | Kind::Peering | Kind::Endpoint
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
        let mut seen = self.lines.join(" ");
        // A tag too long for its box is drawn without its kind word
        // (`fit_label`); the accessible name keeps it, so it still says
        // what the thing is first.
        let word = self.kind.word();
        if !seen.starts_with(word) {
            seen.insert_str(0, word);
        }
        if self.what.is_empty() {
            seen
        } else {
            format!("{seen}, {}", self.what)
        }
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

impl Column {
    /// The AZ name drawn at the top of the column.
    pub fn title(&self) -> String {
        if self.failed {
            format!("{} — FAILED", self.az)
        } else {
            self.az.clone()
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Column>,
    /// Static wires, each a polyline of horizontal and vertical runs:
    /// internet to gateways, VPC to VPC through a peering connection.
    pub wires: Vec<Vec<Point>>,
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

pub(super) fn tag(
    key: String,
    sel: Sel,
    kind: Kind,
    (x, y, w): (f64, f64, f64),
    text: &str,
) -> Item {
    // Tags are drawn regular: they are secondary to the names in bold.
    let line = fit_label(text, kind.text_room(w), FONT, false);
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
    let mut boxes: SortedMap<String, (f64, f64, f64)> = SortedMap::new();
    let mut bottom: f64 = TOP;
    for v in &net.vpcs {
        let (w, h) = b.vpc(v, x);
        boxes.insert(v.id.clone(), (x, w, TOP + h));
        bottom = bottom.max(TOP + h);
        x += w + 3.0 * GAP;
    }
    let width = (x - 3.0 * GAP + MARGIN).max(320.0);
    // The internet, centred above everything.
    let (iw, ih) = (170.0, 40.0);
    b.items.push(Item {
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
    });
    let mut wires = Vec::new();
    // Peering links under the VPC boxes, each a little deeper than the
    // last, leaving each VPC a little further right so that two links of
    // one VPC do not share a line.
    for (k, p) in net.peerings.iter().enumerate() {
        let (Some(&(ax, aw, ab)), Some(&(bx, bw, bb))) =
            (boxes.get(&p.requester), boxes.get(&p.accepter))
        else {
            continue;
        };
        let shift = 12.0 * (k % 4) as f64;
        let (x0, x1) = (ax + aw / 2.0 + shift, bx + bw / 2.0 + shift);
        let yc = bottom + 34.0 + 30.0 * k as f64;
        wires.push(vec![(x0, ab), (x0, yc), (x1, yc), (x1, bb)]);
        let mut it = tag(
            format!("pcx:{}", p.id),
            Sel::Peering(p.id.clone()),
            Kind::Peering,
            ((x0 + x1) / 2.0 - PCX_W / 2.0, yc - TAG_H / 2.0, PCX_W),
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
    let mut d = Diagram {
        width,
        height,
        columns: b.columns,
        wires,
        items: b.items,
        captions: b.captions,
    };
    // Internet to each gateway, routed like the trace is, so a trace
    // through a gateway runs along its wire.
    let router = Router::new(&d);
    if let Some(internet) = d.item("internet").map(Item::outline) {
        let gateways: Vec<Rect> = d
            .items
            .iter()
            .filter(|i| i.kind == Kind::Igw)
            .map(Item::outline)
            .collect();
        for g in gateways {
            if let Some(w) = router.leg(&internet, &g) {
                d.wires.push(w);
            }
        }
    }
    d
}
