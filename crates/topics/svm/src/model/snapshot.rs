//! The "copy link" state: parameters plus either the preset and seed the points
//! came from or, once edited, the points themselves rounded to 3 decimals.

use serde::{Deserialize, Serialize};

use super::error::SvmError;
use super::kernel::{check_coef0, check_degree, check_gamma, Gamma, KernelKind, KernelSpec};
use super::playground::{round3, Playground};

use super::points::{check_count, check_point, sorted_labels, Point, MAX_CLASSES};
use super::presets::Preset;
use super::train::check_c;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub preset: Option<Preset>,
    #[serde(default)]
    pub seed: Option<u64>,
    /// `[x, y, label]` rows; empty when `preset` describes the points.
    #[serde(default)]
    pub points: Vec<(f64, f64, i32)>,
    pub kernel: KernelKind,
    pub c: f64,
    pub gamma: Gamma,
    pub degree: u32,
    pub coef0: f64,
}

impl Playground {
    pub fn snapshot(&self) -> Snapshot {
        let (preset, seed, points) = match self.origin {
            Some((p, s)) => (Some(p), Some(s), Vec::new()),
            None => (
                None,
                None,
                self.points
                    .iter()
                    .map(|p| (round3(p.x), round3(p.y), p.label))
                    .collect(),
            ),
        };
        Snapshot {
            preset,
            seed,
            points,
            kernel: self.kernel.kind,
            c: self.c,
            gamma: self.kernel.gamma,
            degree: self.kernel.degree,
            coef0: self.kernel.coef0,
        }
    }

    /// Rebuilds the playground from a (possibly tampered) snapshot.
    pub fn from_snapshot(s: Snapshot) -> Result<Self, SvmError> {
        let bad = |reason: String| SvmError::Snapshot { reason };
        check_c(s.c).map_err(|e| bad(e.to_string()))?;
        if let Gamma::Value(g) = s.gamma {
            check_gamma(g).map_err(|e| bad(e.to_string()))?;
        }
        check_degree(s.degree).map_err(|e| bad(e.to_string()))?;
        check_coef0(s.coef0).map_err(|e| bad(e.to_string()))?;
        let (points, origin) = match (s.preset, s.seed) {
            (Some(p), Some(seed)) if s.points.is_empty() => (p.generate(seed), Some((p, seed))),
            (None, None) => {
                check_count(s.points.len()).map_err(|e| bad(e.to_string()))?;
                let pts: Vec<Point> = s
                    .points
                    .iter()
                    .map(|&(x, y, l)| Point::new(x, y, l))
                    .collect();
                for p in &pts {
                    check_point(p).map_err(|e| bad(e.to_string()))?;
                }
                (pts, None)
            }
            _ => return Err(bad("give either a preset with a seed, or points".into())),
        };
        let kernel = KernelSpec {
            kind: s.kernel,
            gamma: s.gamma,
            degree: s.degree,
            coef0: s.coef0,
        };
        let labels = sorted_labels(&points);
        if labels.len() > MAX_CLASSES {
            return Err(bad(format!(
                "at most {MAX_CLASSES} labels are allowed (got {})",
                labels.len()
            )));
        }
        Playground::restore(points, origin, kernel, s.c).map_err(|e| bad(e.to_string()))
    }
}
