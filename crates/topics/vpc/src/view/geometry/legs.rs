//! The drawn packet trace: one orthogonal leg between each pair of
//! consecutive hops, ending where the packet is stopped.

use super::route::{Point, Router};
use super::Diagram;

/// One hop of the drawn path: the diagram item it is at.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    pub key: String,
    /// On the reply (drawn only when the reply is what gets blocked).
    pub reply: bool,
    /// The path broke just before this hop: no leg leads here.
    pub gap_before: bool,
}

/// The line from one hop's box to the next one's.
#[derive(Clone, Debug, PartialEq)]
pub struct Leg {
    pub from: String,
    pub to: String,
    pub reply: bool,
    /// Corners, first on the side of `from`, last on the side of `to`.
    pub points: Vec<Point>,
}

/// Legs between consecutive stops. A stop whose item is not drawn, or a
/// break in the path, leaves the pen up; a pair with no route is left out
/// rather than drawn across labels.
pub fn legs(d: &Diagram, router: &Router, stops: &[Stop]) -> Vec<Leg> {
    let mut out = Vec::new();
    for w in stops.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        if b.gap_before || a.key == b.key {
            continue;
        }
        let (Some(from), Some(to)) = (d.item(&a.key), d.item(&b.key)) else {
            continue;
        };
        if let Some(points) = router.leg(&from.outline(), &to.outline()) {
            out.push(Leg {
                from: a.key.clone(),
                to: b.key.clone(),
                reply: b.reply,
                points,
            });
        }
    }
    out
}
