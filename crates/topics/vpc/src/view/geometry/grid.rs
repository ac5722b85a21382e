//! The routing grid's lines and what each stretch of it costs a path:
//! cheap in the gutters, dear through a component box or along an outline,
//! closed where a label is. The router (`route.rs`) searches it.

use super::text::Rect;

/// Cost per unit of length inside a component box (1 in open space).
pub(super) const THROUGH_BOX: f64 = 8.0;
/// Cost per unit of length on or just beside the outline of a VPC or
/// subnet, which a path may cross freely but should not run along: a line
/// on top of an outline hides it, and one a pixel or two off looks like it.
pub(super) const ALONG_EDGE: f64 = 3.0;
pub(super) const NEAR_EDGE: f64 = 3.0;
/// A little extra inside a subnet, so that of two equally short paths the
/// one down the gutter between subnets wins.
pub(super) const IN_SUBNET: f64 = 1.1;

/// Sorted, without near-duplicates. Built by binary insertion rather than
/// a sort: a few hundred coordinates are quick either way, and a sort's
/// code would cost the module kilobytes.
pub(super) fn coords(v: Vec<f64>, max: f64) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(v.len());
    for c in v
        .into_iter()
        .filter(|c| c.is_finite() && *c >= 0.0 && *c <= max)
    {
        let k = out.partition_point(|&o| o < c);
        let near = |o: Option<&f64>| o.is_some_and(|o| (o - c).abs() < 0.05);
        if !near(out.get(k)) && !near(k.checked_sub(1).and_then(|j| out.get(j))) {
            out.insert(k, c);
        }
    }
    out
}

/// Raises the cost of every edge along `line` (edge k spans line[k] to
/// line[k + 1]) that overlaps the open interval (lo, hi).
fn mark(line: &[f64], lo: f64, hi: f64, cost: f64, mut set: impl FnMut(usize, f64)) {
    let first = line.partition_point(|&c| c <= lo).saturating_sub(1);
    for k in first..line.len().saturating_sub(1) {
        let (a, b) = (line[k], line[k + 1]);
        if a >= hi {
            break;
        }
        if b > lo {
            set(k, cost);
        }
    }
}

pub(super) fn find(line: &[f64], v: f64) -> Option<usize> {
    let k = line.partition_point(|&c| c < v - 0.05);
    line.get(k).filter(|c| (**c - v).abs() < 0.05).map(|_| k)
}

/// What a grid edge costs, seen along rows: the boxes, subnets, outlines
/// and label walls of the diagram (turned on their side for columns).
pub(super) struct Costs<'a> {
    pub boxes: &'a [Rect],
    pub subnets: &'a [Rect],
    pub outlines: &'a [Rect],
    pub walls: &'a [Rect],
}

impl Costs<'_> {
    /// Cost per unit length of the edge from `line[k]` to `line[k + 1]` on
    /// each of `across`, at `a * line.len() + k`.
    pub fn along(&self, across: &[f64], line: &[f64]) -> Vec<f64> {
        let n = line.len();
        let near = |a: f64, b: f64| (a - b).abs() < NEAR_EDGE;
        let mut cost = vec![1.0_f64; n * across.len()];
        for (a, &y) in across.iter().enumerate() {
            let mut set = |k: usize, c: f64| {
                if let Some(e) = cost.get_mut(a * n + k) {
                    *e = e.max(c);
                }
            };
            // Closed in y: running along a box's edge costs as much as
            // crossing it, so paths keep off outlines they do not end at.
            for b in self.boxes.iter().filter(|b| b.y <= y && y <= b.bottom()) {
                mark(line, b.x, b.right(), THROUGH_BOX, &mut set);
            }
            for o in self.subnets.iter().filter(|o| o.y < y && y < o.bottom()) {
                mark(line, o.x, o.right(), IN_SUBNET, &mut set);
            }
            for o in self
                .outlines
                .iter()
                .filter(|o| near(o.y, y) || near(o.bottom(), y))
            {
                mark(line, o.x, o.right(), ALONG_EDGE, &mut set);
            }
            for w in self.walls.iter().filter(|w| w.y < y && y < w.bottom()) {
                mark(line, w.x, w.right(), f64::INFINITY, &mut set);
            }
        }
        cost
    }
}
