//! Orthogonal routing for the packet trace and the gateway wires: paths of
//! horizontal and vertical segments on a sparse grid whose lines run along
//! the edges of every box and down the middle of the gutters between them.
//! Text is a wall (a path never crosses a label); the inside of a component
//! box (an instance, a tag, a gateway) is allowed but costly, so paths keep
//! to the gutters and only cut through a box when there is no other way.
//! Bends cost extra, so paths are straight runs rather than staircases.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

use techshack_core::sketch::Tenths as T;

use super::grid::{coords, find, Costs, NEAR_EDGE};
use super::text::Rect;
use super::{Diagram, Kind, GAP};

pub type Point = (f64, f64);

/// Space kept between a path and any text: more than half the trace's
/// stroke, so the line never touches a glyph.
pub const CLEARANCE: f64 = 2.5;
/// Extra cost of a bend, in units of length.
const BEND: f64 = 14.0;
/// Gutter lines sit this far outside each box: the middle of the usual gap.
const OFF: f64 = GAP / 2.0;
/// Directions: east, west, south, north.
const STEPS: [(i8, i8); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

/// A leg routed between two boxes (their bits, in a fixed order), or found
/// to have no way through.
type Routed = ([u64; 8], Option<Vec<Point>>);

/// The routing grid of one diagram.
#[derive(Clone, Debug)]
pub struct Router {
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// Cost per unit length of the edge from node (i, j) to (i + 1, j) at
    /// `j * nx + i`; infinite where a label is in the way.
    east: Vec<f64>,
    /// The same for the edge from (i, j) to (i, j + 1), at `i * ny + j`.
    south: Vec<f64>,
    /// Legs already routed, by their two boxes: a trace often passes one
    /// link twice (out through a NAT and back), and tests route thousands.
    /// A list, not a hash map: a page routes a few dozen legs, and a hash
    /// map's code costs the module kilobytes.
    memo: RefCell<Vec<Routed>>,
    /// Outlines of the VPCs and subnets.
    outlines: Vec<Rect>,
}

#[derive(PartialEq)]
struct Open {
    f: f64,
    g: f64,
    state: usize,
}

impl Eq for Open {}

impl Ord for Open {
    // A min-heap on f, then on the state for a stable order.
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .f
            .total_cmp(&self.f)
            .then_with(|| other.state.cmp(&self.state))
    }
}

impl PartialOrd for Open {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Router {
    pub fn new(d: &Diagram) -> Router {
        // Plain loops rather than iterator chains: each chain is code of its
        // own in the module, and this one is over its size budget's edge.
        let mut walls = Vec::new();
        for t in d.labels() {
            walls.push(t.bbox().grow(CLEARANCE));
        }
        let (mut outlines, mut subnets, mut boxes) = (Vec::new(), Vec::new(), Vec::new());
        for it in &d.items {
            if !it.kind.is_container() {
                boxes.push(it.outline());
                continue;
            }
            outlines.push(it.outline());
            if it.kind != Kind::Vpc {
                subnets.push(it.outline());
            }
        }
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for it in &d.items {
            let r = it.outline();
            xs.extend([r.x - OFF, r.x, r.x + r.w / 2.0, r.right(), r.right() + OFF]);
            ys.extend([
                r.y - OFF,
                r.y,
                r.y + r.h / 2.0,
                r.bottom(),
                r.bottom() + OFF,
            ]);
        }
        for c in &d.columns {
            xs.extend([c.x - OFF, c.x + c.w + OFF]);
        }
        // Lines round every label too, so a path can squeeze past one: under
        // a subnet's name, between the gateway and the VPC's name.
        for w in &walls {
            xs.extend([w.x, w.right()]);
            ys.extend([w.y, w.bottom()]);
        }
        let xs = coords(xs, d.width);
        let ys = coords(ys, d.height);
        let rows = Costs {
            boxes: &boxes,
            subnets: &subnets,
            outlines: &outlines,
            walls: &walls,
        };
        // Columns are rows of the diagram turned on its side, so one
        // function weighs both (one copy of its code in the module).
        let flip = |v: &[Rect]| {
            let mut out = Vec::with_capacity(v.len());
            for r in v {
                out.push(r.transposed());
            }
            out
        };
        let (tb, ts, to, tw) = (flip(&boxes), flip(&subnets), flip(&outlines), flip(&walls));
        let columns = Costs {
            boxes: &tb,
            subnets: &ts,
            outlines: &to,
            walls: &tw,
        };
        let east = rows.along(&ys, &xs);
        let south = columns.along(&xs, &ys);
        Router {
            xs,
            ys,
            east,
            south,
            memo: RefCell::default(),
            outlines,
        }
    }

    /// The grid nodes in the middle of the four sides of `r`, leaving out
    /// a side whose way out would run along a VPC or subnet outline (the
    /// sides of an internet gateway, which sits on its VPC's top edge).
    fn ports(&self, r: &Rect) -> Vec<usize> {
        let (cx, cy) = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        let near = |a: f64, b: f64| (a - b).abs() < NEAR_EDGE;
        let along_row = |y: f64| {
            self.outlines.iter().any(|o| {
                (near(o.y, y) || near(o.bottom(), y)) && o.x < r.right() && r.x < o.right()
            })
        };
        let along_col = |x: f64| {
            self.outlines.iter().any(|o| {
                (near(o.x, x) || near(o.right(), x)) && o.y < r.bottom() && r.y < o.bottom()
            })
        };
        let sides = [
            (r.x, cy, along_row(cy)),
            (r.right(), cy, along_row(cy)),
            (cx, r.y, along_col(cx)),
            (cx, r.bottom(), along_col(cx)),
        ];
        let clear = sides.iter().any(|s| !s.2);
        sides
            .into_iter()
            .filter(|s| !(clear && s.2))
            .filter_map(|(x, y, _)| Some(find(&self.ys, y)? * self.xs.len() + find(&self.xs, x)?))
            .collect()
    }

    fn point(&self, node: usize) -> Point {
        let nx = self.xs.len();
        (self.xs[node % nx], self.ys[node / nx])
    }

    /// The edge cost per unit length leaving `node` in direction `dir`, and
    /// the node it reaches.
    fn step(&self, node: usize, dir: usize) -> Option<(usize, f64)> {
        let nx = self.xs.len();
        let (i, j) = (node % nx, node / nx);
        let (dx, dy) = STEPS[dir];
        let (ti, tj) = (
            i.checked_add_signed(dx as isize)?,
            j.checked_add_signed(dy as isize)?,
        );
        if ti >= nx || tj >= self.ys.len() {
            return None;
        }
        let ny = self.ys.len();
        let cost = match (dx, dy) {
            (1, _) => self.east.get(node),
            (-1, _) => self.east.get(node - 1),
            (_, 1) => self.south.get(i * ny + j),
            _ => self.south.get(i * ny + j - 1),
        }
        .copied()
        .filter(|c| c.is_finite())?;
        Some((tj * nx + ti, cost))
    }

    /// The cheapest path from the side of box `from` to the side of box
    /// `to`: a list of corners, each segment horizontal or vertical. Routed
    /// in a fixed order of the two boxes, so a link drawn both ways is the
    /// same line.
    pub fn leg(&self, from: &Rect, to: &Rect) -> Option<Vec<Point>> {
        let swap = (from.x, from.y, from.w, from.h) > (to.x, to.y, to.w, to.h);
        let (a, b) = if swap { (to, from) } else { (from, to) };
        let key = [a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h].map(f64::to_bits);
        let known = self
            .memo
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.clone());
        let mut path = match known {
            Some(p) => p,
            None => {
                let p = self.search(&self.ports(a), &self.ports(b));
                self.memo.borrow_mut().push((key, p.clone()));
                p
            }
        }?;
        if swap {
            path.reverse();
        }
        Some(path)
    }

    /// A* over (node, heading) states, so a bend can be charged.
    fn search(&self, sources: &[usize], targets: &[usize]) -> Option<Vec<Point>> {
        let goals: Vec<Point> = targets.iter().map(|&t| self.point(t)).collect();
        let h = |n: usize| {
            let (x, y) = self.point(n);
            goals
                .iter()
                .map(|(gx, gy)| (x - gx).abs() + (y - gy).abs())
                .fold(f64::INFINITY, f64::min)
        };
        let states = self.xs.len() * self.ys.len() * 4;
        let mut best = vec![f64::INFINITY; states];
        let mut prev = vec![usize::MAX; states];
        let mut open = BinaryHeap::new();
        for &s in sources {
            for dir in 0..4 {
                best[s * 4 + dir] = 0.0;
                open.push(Open {
                    f: h(s),
                    g: 0.0,
                    state: s * 4 + dir,
                });
            }
        }
        while let Some(Open { g, state, .. }) = open.pop() {
            if g > best[state] {
                continue;
            }
            let (node, heading) = (state / 4, state % 4);
            if targets.contains(&node) {
                return Some(self.unwind(&prev, state));
            }
            for dir in 0..4 {
                // No turning back on the spot.
                if (dir ^ 1) == heading {
                    continue;
                }
                let Some((next, cost)) = self.step(node, dir) else {
                    continue;
                };
                let (p, q) = (self.point(node), self.point(next));
                let len = (p.0 - q.0).abs() + (p.1 - q.1).abs();
                let turn = if dir == heading { 0.0 } else { BEND };
                let ng = g + len * cost + turn;
                let ns = next * 4 + dir;
                if ng < best[ns] {
                    best[ns] = ng;
                    prev[ns] = state;
                    open.push(Open {
                        f: ng + h(next),
                        g: ng,
                        state: ns,
                    });
                }
            }
        }
        None
    }

    /// The corners of the path ending in `state`, first to last.
    fn unwind(&self, prev: &[usize], mut state: usize) -> Vec<Point> {
        let mut nodes = vec![state / 4];
        while let Some(&p) = prev.get(state).filter(|p| **p != usize::MAX) {
            nodes.push(p / 4);
            state = p;
        }
        nodes.reverse();
        let mut out: Vec<Point> = Vec::new();
        for n in nodes {
            let p = self.point(n);
            // Drop the middle one of three points in a line.
            if out.len() >= 2 {
                let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
                let straight = (a.0 == b.0 && b.0 == p.0) || (a.1 == b.1 && b.1 == p.1);
                if straight {
                    out.pop();
                }
            }
            if out.last() != Some(&p) {
                out.push(p);
            }
        }
        out
    }
}

impl Kind {
    /// Boxes that hold other boxes: paths run inside them freely.
    pub fn is_container(self) -> bool {
        matches!(self, Kind::Vpc | Kind::PublicSubnet | Kind::PrivateSubnet)
    }
}

/// SVG path data for a polyline.
pub fn path_data(points: &[Point]) -> String {
    let mut out = String::new();
    for (k, (x, y)) in points.iter().enumerate() {
        let cmd = if k == 0 { 'M' } else { 'L' };
        out.push_str(&format!("{cmd}{} {} ", T(*x), T(*y)));
    }
    out.trim_end().to_string()
}
