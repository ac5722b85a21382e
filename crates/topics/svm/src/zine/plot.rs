//! A small scatter plot in a zine panel: the model's points in the unit
//! square's neighbourhood ([-1, 1]², as the presets make them), lines of the
//! linear decision function, and a coarse shading of a kernel's regions.

use crate::model::{Fit, LinearBoundary, Point};
use techshack_core::sketch::{Pen, Rect, Zine};

/// The data range every plot shows.
const LO: f64 = -1.1;
const HI: f64 = 1.1;

/// Where data point `(x, y)` lands in `plot` (y up, as on paper).
pub(super) fn to_screen(plot: Rect, (x, y): (f64, f64)) -> (f64, f64) {
    let u = (x - LO) / (HI - LO);
    let v = (y - LO) / (HI - LO);
    (plot.x + u * plot.w, plot.bottom() - v * plot.h)
}

/// The frame of a plot and its points: circles for the smaller label,
/// squares for the larger; `ringed` points (support vectors) get a ring.
pub(super) fn scatter(z: &mut Zine, plot: Rect, points: &[Point], ringed: &[usize]) {
    let frame = Pen::ink().stroke("var(--muted)").width(1.0);
    z.rect(plot.x, plot.y, plot.w, plot.h, &frame);
    let smallest = points.iter().map(|p| p.label).min().unwrap_or(0);
    // A crowd gets smaller, plain markers, so its classes still read and
    // the page stays light (rough outlines made a 100-point plot 300 KB).
    let crowd = points.len() > 40;
    let r = if crowd { 3.0 } else { 4.5 };
    for (i, p) in points.iter().enumerate() {
        let at = to_screen(plot, (p.x, p.y));
        let circle = p.label == smallest;
        let fill = if circle {
            "var(--blue)"
        } else {
            "var(--accent)"
        };
        let pen = Pen::ink().width(1.0).fill(fill).solid();
        if crowd {
            z.dot(at, r, !circle, &pen);
        } else if circle {
            z.ellipse(at, r, r, &pen);
        } else {
            z.rect(at.0 - r, at.1 - r, 2.0 * r, 2.0 * r, &pen);
        }
        if ringed.contains(&i) {
            z.ellipse(at, 9.0, 9.0, &Pen::ink().width(1.4));
        }
    }
}

/// The line w·x + b = `level` inside the plot, if it crosses it.
fn level_line(l: &LinearBoundary, level: f64) -> Option<((f64, f64), (f64, f64))> {
    let [w0, w1] = l.w;
    let mut ends = Vec::new();
    for edge in [LO, HI] {
        if w1.abs() > 1e-12 {
            let y = (level - l.b - w0 * edge) / w1;
            if (LO..=HI).contains(&y) {
                ends.push((edge, y));
            }
        }
        if w0.abs() > 1e-12 {
            let x = (level - l.b - w1 * edge) / w0;
            if (LO..=HI).contains(&x) {
                ends.push((x, edge));
            }
        }
    }
    let first = *ends.first()?;
    let far = ends.iter().copied().max_by(|a, b| {
        let d = |p: &(f64, f64)| (p.0 - first.0).powi(2) + (p.1 - first.1).powi(2);
        d(a).total_cmp(&d(b))
    })?;
    Some((first, far))
}

/// The boundary (f = 0, solid) and the margin's edges (f = ±1, thin).
pub(super) fn street(z: &mut Zine, plot: Rect, l: &LinearBoundary) {
    for (level, pen) in [
        (0.0, Pen::ink().width(2.4)),
        (1.0, Pen::ink().stroke("var(--muted)").width(1.2)),
        (-1.0, Pen::ink().stroke("var(--muted)").width(1.2)),
    ] {
        if let Some((a, b)) = level_line(l, level) {
            z.line(to_screen(plot, a), to_screen(plot, b), &pen);
        }
    }
}

/// Shades the cells of a coarse grid where the fit says the larger label.
pub(super) fn regions(z: &mut Zine, plot: Rect, fit: &Fit) {
    const CELLS: usize = 16;
    let (cw, ch) = (plot.w / CELLS as f64, plot.h / CELLS as f64);

    for j in 0..CELLS {
        let y = HI - (j as f64 + 0.5) / CELLS as f64 * (HI - LO);
        let larger = |i: usize| {
            let x = LO + (i as f64 + 0.5) / CELLS as f64 * (HI - LO);
            fit.decision([x, y]).is_some_and(|f| f > 0.0)
        };
        // One box per run of cells, so a region is a few shapes, not dozens.
        let mut i = 0;
        while i < CELLS {
            let start = i;
            while i < CELLS && larger(i) {
                i += 1;
            }
            if i > start {
                let (sx, sy) = (plot.x + start as f64 * cw, plot.y + j as f64 * ch);
                z.block(sx, sy, (i - start) as f64 * cw, ch, "var(--accent-soft)");
            }
            i += 1;
        }
    }
}
