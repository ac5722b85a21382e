//! The rough.js way of drawing a line: jitter the ends, bow the middle through
//! a cubic Bézier with control points at random 20–40% positions, and draw it
//! twice. Long lines get less roughness so boxes do not look drunk.

use super::num::Tenths as T;
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

type Pt = (f64, f64);

const MAX_OFFSET: f64 = 2.0;

fn roughness_gain(len: f64) -> f64 {
    if len < 200.0 {
        1.0
    } else if len > 500.0 {
        0.4
    } else {
        1.0 - 0.6 * (len - 200.0) / 300.0
    }
}

fn jitter(rng: &mut ChaCha8Rng, amount: f64) -> f64 {
    // NaN or infinite input (a degenerate shape) must not reach gen_range.
    if !(amount.is_finite() && amount > 0.0) {
        0.0
    } else {
        rng.gen_range(-amount..=amount)
    }
}

fn curve(rng: &mut ChaCha8Rng, roughness: f64, a: Pt, b: Pt, out: &mut String) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    let mut offset = MAX_OFFSET;
    if offset * offset * 100.0 > len * len {
        offset = len / 10.0;
    }
    let r = roughness * roughness_gain(len) * offset;
    // Perpendicular unit vector, for bowing the middle sideways.
    let (nx, ny) = if len > 0.0 {
        (-dy / len, dx / len)
    } else {
        (0.0, 0.0)
    };
    let bow = jitter(rng, roughness * len / 80.0).clamp(-6.0, 6.0);
    let t1 = rng.gen_range(0.2..=0.4);
    let t2 = 1.0 - rng.gen_range(0.2..=0.4);
    let p0 = (a.0 + jitter(rng, r), a.1 + jitter(rng, r));
    let p3 = (b.0 + jitter(rng, r), b.1 + jitter(rng, r));
    let c1 = (
        a.0 + dx * t1 + nx * bow + jitter(rng, r),
        a.1 + dy * t1 + ny * bow + jitter(rng, r),
    );
    let c2 = (
        a.0 + dx * t2 + nx * bow + jitter(rng, r),
        a.1 + dy * t2 + ny * bow + jitter(rng, r),
    );
    let _ = write!(
        out,
        "M{} {}C{} {} {} {} {} {}",
        T(p0.0),
        T(p0.1),
        T(c1.0),
        T(c1.1),
        T(c2.0),
        T(c2.1),
        T(p3.0),
        T(p3.1)
    );
}

pub(super) fn single_line(rng: &mut ChaCha8Rng, roughness: f64, a: Pt, b: Pt) -> String {
    let mut d = String::new();
    curve(rng, roughness, a, b, &mut d);
    d
}

pub(super) fn double_line(rng: &mut ChaCha8Rng, roughness: f64, a: Pt, b: Pt) -> String {
    let mut d = String::new();
    curve(rng, roughness, a, b, &mut d);
    curve(rng, roughness, a, b, &mut d);
    d
}

/// A closed wobbly curve through jittered points (Catmull-Rom turned into
/// Béziers), used for ellipses.
pub(super) fn closed_curve(rng: &mut ChaCha8Rng, roughness: f64, points: &[Pt]) -> String {
    let n = points.len();
    let mut d = String::new();
    if n < 3 {
        return d;
    }
    let pts: Vec<Pt> = points
        .iter()
        .map(|&(x, y)| (x + jitter(rng, roughness), y + jitter(rng, roughness)))
        .collect();
    let _ = write!(d, "M{} {}", T(pts[0].0), T(pts[0].1));
    for i in 0..n {
        let p0 = pts[(i + n - 1) % n];
        let p1 = pts[i];
        let p2 = pts[(i + 1) % n];
        let p3 = pts[(i + 2) % n];
        let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
        let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
        let _ = write!(
            d,
            "C{} {} {} {} {} {}",
            T(c1.0),
            T(c1.1),
            T(c2.0),
            T(c2.1),
            T(p2.0),
            T(p2.1)
        );
    }
    d
}
