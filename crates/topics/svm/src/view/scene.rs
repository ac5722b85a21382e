//! What the plot shows, computed from the shown model: shading values, the
//! boundary and margin contours, support-vector rings, slack segments, the
//! working pair and the keyboard cursor. Pure, so it is tested natively.

use super::super::model::fit::vote;
use super::super::model::points::sorted_labels;
use super::super::model::{Fit, KernelKind, Point};
use super::analysis::Analysis;
use super::contour::{segments, segments_where, Segment};
use super::field::{pair_grid, value_and_gradient};

/// Which colour and marker a label gets: −1 and +1 keep theirs whatever else
/// is present; other label sets are numbered in ascending order.
pub fn class_slot(label: i32, labels: &[i32]) -> usize {
    let binary = labels.iter().all(|l| *l == -1 || *l == 1);
    if binary {
        return usize::from(label == 1);
    }
    labels.iter().position(|l| *l == label).unwrap_or(0)
}

/// The shading under the points.
#[derive(Clone, Debug, PartialEq)]
pub enum Shading {
    None,
    /// f(x) on an n×n grid (positive: the larger label).
    Binary {
        n: usize,
        values: Vec<f64>,
        slots: (usize, usize),
    },
    /// The predicted class slot on an n×n grid.
    Multi {
        n: usize,
        slots: Vec<usize>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ring {
    pub at: (f64, f64),
    /// α / C, in (0, 1].
    pub weight: f64,
    pub bounded: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// x, y and class slot of every point.
    pub points: Vec<(f64, f64, usize)>,
    pub shading: Shading,
    /// f = 0 (or the class borders of a multi-class model).
    pub boundary: Vec<Segment>,
    /// f = ±1.
    pub margins: Vec<Segment>,
    pub rings: Vec<Ring>,
    /// From each margin violator to its own margin.
    pub slacks: Vec<Segment>,
    /// The working pair of the last SMO step.
    pub pair: Option<[(f64, f64); 2]>,
    pub cursor: Option<(f64, f64)>,
}

/// At most this many slack segments are drawn; beyond that they are a blur.
const MAX_SLACKS: usize = 400;

/// Longest slack segment drawn for a non-linear kernel: beyond it one Newton
/// step says little about where the margin is.
const MAX_NEWTON_STEP: f64 = 0.5;

/// Where a violator's slack ends: one Newton step of f towards its margin
/// f = y (exact for the linear kernel; omitted when too long to trust).
fn slack_end(fit: &Fit, p: &Point, y: f64) -> Option<(f64, f64)> {
    let pair = fit.binary()?;
    let (f, (gx, gy)) = value_and_gradient(fit, pair, (p.x, p.y));
    let norm = gx * gx + gy * gy;
    if norm.is_nan() || norm <= 1e-12 {
        return None;
    }
    let (dx, dy) = ((y - f) * gx / norm, (y - f) * gy / norm);
    let linear = fit.kernel.kind == KernelKind::Linear;
    (linear || dx.hypot(dy) <= MAX_NEWTON_STEP).then_some((p.x + dx, p.y + dy))
}

impl Scene {
    /// The scene for `points` and the shown model (with its analysis),
    /// sampled on an n×n grid.
    pub fn build(
        points: &[Point],
        fit: Option<(&Fit, &Analysis)>,
        n: usize,
        pair: Option<(usize, usize)>,
        cursor: Option<(f64, f64)>,
    ) -> Scene {
        let labels = sorted_labels(points);
        let mut scene = Scene {
            points: points
                .iter()
                .map(|p| (p.x, p.y, class_slot(p.label, &labels)))
                .collect(),
            shading: Shading::None,
            boundary: Vec::new(),
            margins: Vec::new(),
            rings: Vec::new(),
            slacks: Vec::new(),
            pair: pair.and_then(|(i, j)| {
                let (a, b) = (points.get(i)?, points.get(j)?);
                Some([(a.x, a.y), (b.x, b.y)])
            }),
            cursor,
        };
        let Some((fit, analysis)) = fit.filter(|f| !f.0.pairs.is_empty()) else {
            return scene;
        };
        let n = n.max(2);
        if let Some(pair) = fit.binary() {
            let values = pair_grid(fit, pair, n);
            scene.boundary = segments(&values, n, 0.0);
            scene.margins = segments(&values, n, 1.0);
            scene.margins.extend(segments(&values, n, -1.0));
            let slots = (
                class_slot(pair.negative, &labels),
                class_slot(pair.positive, &labels),
            );
            scene.shading = Shading::Binary { n, values, slots };
            let mut slacks = analysis.slacks();
            slacks.sort_by(|a, b| b.xi.total_cmp(&a.xi));
            for s in slacks.iter().take(MAX_SLACKS) {
                let Some(p) = fit.points.get(s.index) else {
                    continue;
                };
                let Some(y) = pair.sign_of(p.label) else {
                    continue;
                };
                if let Some(end) = slack_end(fit, p, y) {
                    scene.slacks.push([(p.x, p.y), end]);
                }
            }
        } else {
            let grids: Vec<Vec<f64>> = fit.pairs.iter().map(|p| pair_grid(fit, p, n)).collect();
            let k = fit.labels.len();
            let mut values = vec![0.0; grids.len()];
            let predicted: Vec<i32> = (0..n * n)
                .map(|i| {
                    for (v, g) in values.iter_mut().zip(&grids) {
                        *v = g[i];
                    }
                    fit.labels
                        .get(vote(k, &values))
                        .copied()
                        .unwrap_or_default()
                })
                .collect();
            // Each border is where its own pair's decision is 0, drawn in
            // the cells whose corners the vote gives to that pair's classes.
            for (p, g) in fit.pairs.iter().zip(&grids) {
                let ours = |i: usize| predicted[i] == p.negative || predicted[i] == p.positive;
                scene.boundary.extend(segments_where(g, n, 0.0, |r, c| {
                    [
                        r * n + c,
                        r * n + c + 1,
                        (r + 1) * n + c,
                        (r + 1) * n + c + 1,
                    ]
                    .into_iter()
                    .all(ours)
                }));
            }
            let slots = predicted.iter().map(|&l| class_slot(l, &labels)).collect();
            scene.shading = Shading::Multi { n, slots };
        }
        scene.rings = rings(fit);
        scene
    }
}

/// One ring per support vector: its largest α / C over the pairs, and whether
/// it sits at the bound in any pair.
fn rings(fit: &Fit) -> Vec<Ring> {
    let mut by_point: Vec<Option<Ring>> = vec![None; fit.points.len()];
    for pair in &fit.pairs {
        for sv in &pair.support {
            let Some(p) = fit.points.get(sv.index) else {
                continue;
            };
            let weight = (sv.alpha / fit.c).clamp(0.0, 1.0);
            let slot = &mut by_point[sv.index];
            let ring = slot.get_or_insert(Ring {
                at: (p.x, p.y),
                weight,
                bounded: false,
            });
            ring.weight = ring.weight.max(weight);
            ring.bounded |= sv.at_bound;
        }
    }
    by_point.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Action, KernelKind, Playground, Preset};
    use super::*;

    fn scene(
        pg: &Playground,
        n: usize,
        pair: Option<(usize, usize)>,
        cursor: Option<(f64, f64)>,
    ) -> Scene {
        let an = pg.fit().map(Analysis::of);
        Scene::build(pg.points(), pg.fit().zip(an.as_ref()), n, pair, cursor)
    }

    #[test]
    fn slots_keep_minus_and_plus_one_apart() {
        assert_eq!(class_slot(-1, &[-1, 1]), 0);
        assert_eq!(class_slot(1, &[1]), 1, "+1 alone keeps its colour");
        assert_eq!(class_slot(3, &[1, 2, 3]), 2);
    }

    #[test]
    fn the_default_scene_has_a_boundary_margins_and_rings() {
        let pg = Playground::default();
        let s = scene(&pg, 41, None, None);
        assert_eq!(s.points.len(), 40);
        assert!(!s.boundary.is_empty() && !s.margins.is_empty());
        assert_eq!(s.rings.len(), pg.support_count());
        assert!(matches!(s.shading, Shading::Binary { n: 41, .. }));
    }

    #[test]
    fn slack_segments_end_on_the_margin() {
        let mut pg = Playground::default();
        pg.apply(&Action::AddPoint {
            x: 0.35,
            y: 0.3,
            label: -1,
        })
        .unwrap();
        let fit = pg.fit().unwrap();
        let s = scene(&pg, 21, None, None);
        assert!(!s.slacks.is_empty());
        for seg in &s.slacks {
            let f = fit.decision([seg[1].0, seg[1].1]).unwrap();
            assert!((f.abs() - 1.0).abs() < 1e-6, "ends on a margin: f = {f}");
        }
        // The RBF kernel uses a Newton step: close to the margin, not exact.
        pg.apply(&Action::SetKernel(KernelKind::Rbf)).unwrap();
        pg.apply(&Action::LoadPreset {
            preset: Preset::BlobsOverlap,
            seed: 2,
        })
        .unwrap();
        let fit = pg.fit().unwrap();
        let s = scene(&pg, 21, None, None);
        assert!(!s.slacks.is_empty());
        let close = s
            .slacks
            .iter()
            .filter(|seg| {
                let f = fit.decision([seg[1].0, seg[1].1]).unwrap();
                (f.abs() - 1.0).abs() < 0.25
            })
            .count();
        assert!(
            close * 10 >= s.slacks.len() * 8,
            "{close} of {}",
            s.slacks.len()
        );
    }

    #[test]
    fn multi_class_and_empty_scenes() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset {
            preset: Preset::ThreeBlobs,
            seed: 1,
        })
        .unwrap();
        let s = scene(&pg, 21, None, None);
        assert!(matches!(s.shading, Shading::Multi { .. }));
        // The vote over the drawn grids is the model's prediction.
        let Shading::Multi { n, slots } = &s.shading else {
            unreachable!()
        };
        let labels = sorted_labels(pg.points());
        for (i, &slot) in slots.iter().enumerate() {
            let q = [
                super::super::contour::coord(i % n, *n),
                super::super::contour::coord(i / n, *n),
            ];
            assert_eq!(
                slot,
                class_slot(pg.fit().unwrap().predict(q), &labels),
                "{q:?}"
            );
        }
        assert!(!s.boundary.is_empty() && s.margins.is_empty());
        pg.apply(&Action::Clear).unwrap();
        let s = scene(&pg, 21, Some((0, 1)), Some((0.0, 0.0)));
        assert_eq!(s.shading, Shading::None);
        assert!(s.points.is_empty() && s.pair.is_none() && s.cursor.is_some());
    }
}
