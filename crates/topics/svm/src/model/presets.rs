//! Seeded example data sets. Every point lies in the square [-1, 1]², with
//! coordinates rounded to 3 decimals; two-class
//! sets use labels −1 and +1, `ThreeBlobs` uses 1, 2 and 3.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::playground::round3;
use super::points::Point;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// Two tight, well separated blobs (40 points).
    BlobsSeparable,
    /// Two wide blobs that overlap (100 points).
    BlobsOverlap,
    /// Quadrants: +1 where x·y > 0 (120 points).
    Xor,
    /// A ring around a disc (120 points).
    Circles,
    /// Two interleaving half circles (100 points).
    Moons,
    /// Two interleaved spiral arms (120 points).
    Spiral,
    /// Three blobs with labels 1, 2, 3 (90 points), for one-vs-one voting.
    ThreeBlobs,
}

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::BlobsSeparable,
        Preset::BlobsOverlap,
        Preset::Xor,
        Preset::Circles,
        Preset::Moons,
        Preset::Spiral,
        Preset::ThreeBlobs,
    ];

    /// A stable name for forms and links (the serde name).
    pub fn id(self) -> &'static str {
        match self {
            Preset::BlobsSeparable => "blobs_separable",
            Preset::BlobsOverlap => "blobs_overlap",
            Preset::Xor => "xor",
            Preset::Circles => "circles",
            Preset::Moons => "moons",
            Preset::Spiral => "spiral",
            Preset::ThreeBlobs => "three_blobs",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Preset::BlobsSeparable => "Separable blobs",
            Preset::BlobsOverlap => "Overlapping blobs",
            Preset::Xor => "XOR",
            Preset::Circles => "Circles",
            Preset::Moons => "Moons",
            Preset::Spiral => "Spiral",
            Preset::ThreeBlobs => "Three blobs",
        }
    }

    /// The points for `seed`; the same seed always gives the same points.
    pub fn generate(self, seed: u64) -> Vec<Point> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let r = &mut rng;
        match self {
            Preset::BlobsSeparable => blobs(r, &[(-0.5, -0.45, -1), (0.5, 0.45, 1)], 0.13, 20),
            Preset::BlobsOverlap => blobs(r, &[(-0.25, -0.2, -1), (0.25, 0.2, 1)], 0.3, 50),
            Preset::ThreeBlobs => blobs(
                r,
                &[(-0.5, -0.4, 1), (0.5, -0.4, 2), (0.0, 0.5, 3)],
                0.18,
                30,
            ),
            Preset::Xor => (0..120)
                .map(|_| {
                    let (x, y) = (uniform(r, -0.95, 0.95), uniform(r, -0.95, 0.95));
                    clamped(x, y, if x * y > 0.0 { 1 } else { -1 })
                })
                .collect(),
            Preset::Circles => (0..120)
                .map(|i| {
                    let (radius, label) = if i % 2 == 0 { (0.35, 1) } else { (0.8, -1) };
                    let t = uniform(r, 0.0, std::f64::consts::TAU);
                    let (nx, ny) = (gauss(r) * 0.06, gauss(r) * 0.06);
                    clamped(radius * t.cos() + nx, radius * t.sin() + ny, label)
                })
                .collect(),
            Preset::Moons => (0..100)
                .map(|i| {
                    let t = uniform(r, 0.0, std::f64::consts::PI);
                    // scikit-learn's make_moons shape, moved and scaled into the square.
                    let (x, y, label) = if i % 2 == 0 {
                        (t.cos(), t.sin(), -1)
                    } else {
                        (1.0 - t.cos(), 0.5 - t.sin(), 1)
                    };
                    let (nx, ny) = (gauss(r) * 0.1, gauss(r) * 0.1);
                    clamped(
                        (x - 0.5) / 1.6 + nx / 1.6,
                        (y - 0.25) / 1.6 + ny / 1.6,
                        label,
                    )
                })
                .collect(),
            Preset::Spiral => (0..120)
                .map(|i| {
                    let t = uniform(r, 0.08, 1.0);
                    let (offset, label) = if i % 2 == 0 {
                        (0.0, 1)
                    } else {
                        (std::f64::consts::PI, -1)
                    };
                    let angle = 3.0 * std::f64::consts::PI * t + offset;
                    let radius = 0.9 * t;
                    let (nx, ny) = (gauss(r) * 0.03, gauss(r) * 0.03);
                    clamped(radius * angle.cos() + nx, radius * angle.sin() + ny, label)
                })
                .collect(),
        }
    }
}

/// Uniform in [0, 1) from the top 53 bits (`rand` itself is not needed).
fn unit(r: &mut ChaCha8Rng) -> f64 {
    (r.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Uniform in [lo, hi).
fn uniform(r: &mut ChaCha8Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * unit(r)
}

/// A standard normal sample (Box–Muller).
fn gauss(r: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - unit(r);
    let u2 = unit(r);
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Clamped to the square and rounded to 3 decimals, the precision links keep, so
/// an edited preset survives a link exactly.
fn clamped(x: f64, y: f64, label: i32) -> Point {
    Point::new(
        round3(x.clamp(-1.0, 1.0)),
        round3(y.clamp(-1.0, 1.0)),
        label,
    )
}

fn blobs(r: &mut ChaCha8Rng, centers: &[(f64, f64, i32)], std: f64, per_blob: usize) -> Vec<Point> {
    let mut out = Vec::with_capacity(centers.len() * per_blob);
    for _ in 0..per_blob {
        for &(cx, cy, label) in centers {
            out.push(clamped(cx + std * gauss(r), cy + std * gauss(r), label));
        }
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn preset_ids_are_distinct_and_match_the_serde_names() {
        let ids: std::collections::HashSet<&str> =
            Preset::ALL.into_iter().map(Preset::id).collect();
        assert_eq!(ids.len(), Preset::ALL.len());
        for p in Preset::ALL {
            assert_eq!(
                serde_json::to_string(&p).unwrap(),
                format!("\"{}\"", p.id())
            );
        }
    }
    use super::*;

    #[test]
    fn presets_are_seeded_bounded_and_two_sided() {
        for p in Preset::ALL {
            let a = p.generate(7);
            assert_eq!(a, p.generate(7), "{p:?} must be deterministic");
            assert_ne!(a, p.generate(8), "{p:?} must depend on the seed");
            assert!(a.iter().all(|q| q.x.abs() <= 1.0 && q.y.abs() <= 1.0));
            let labels = super::super::points::sorted_labels(&a);
            let want = if p == Preset::ThreeBlobs {
                vec![1, 2, 3]
            } else {
                vec![-1, 1]
            };
            assert_eq!(labels, want, "{p:?}");
        }
    }
}
