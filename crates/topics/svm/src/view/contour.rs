//! Marching squares over the decision grid: the segments where f crosses a
//! level (the boundary f = 0 and the margins f = ±1).

/// A line segment in data coordinates.
pub type Segment = [(f64, f64); 2];

/// The data coordinate of grid index `k` on a side of `n` samples over [-1, 1].
pub fn coord(k: usize, n: usize) -> f64 {
    -1.0 + 2.0 * k as f64 / (n - 1).max(1) as f64
}

/// Segments where the sampled field crosses `level`. `values` holds n×n
/// samples row by row from y = −1, each row from x = −1. Cells touching a NaN
/// are skipped; saddles are resolved by the cell's mean.
pub fn segments(values: &[f64], n: usize, level: f64) -> Vec<Segment> {
    segments_where(values, n, level, |_, _| true)
}

/// `segments`, only in the cells (row, column of their lower-left sample)
/// that `keep` accepts.
pub fn segments_where(
    values: &[f64],
    n: usize,
    level: f64,
    keep: impl Fn(usize, usize) -> bool,
) -> Vec<Segment> {
    let mut out = Vec::new();
    if n < 2 || values.len() < n * n {
        return out;
    }
    let v = |r: usize, c: usize| values[r * n + c] - level;
    for r in 0..n - 1 {
        let (y0, y1) = (coord(r, n), coord(r + 1, n));
        for c in 0..n - 1 {
            if !keep(r, c) {
                continue;
            }
            let (x0, x1) = (coord(c, n), coord(c + 1, n));
            // Corners: a bottom-left, b bottom-right, t top-right, d top-left.
            let (a, b, t, d) = (v(r, c), v(r, c + 1), v(r + 1, c + 1), v(r + 1, c));
            if [a, b, t, d].iter().any(|x| x.is_nan()) {
                continue;
            }
            let cross = |p: f64, q: f64| (p < 0.0) != (q < 0.0);
            let at = |p: f64, q: f64| {
                let s = p / (p - q);
                if s.is_finite() {
                    s.clamp(0.0, 1.0)
                } else {
                    0.5
                }
            };
            let bottom = cross(a, b).then(|| (x0 + (x1 - x0) * at(a, b), y0));
            let right = cross(b, t).then(|| (x1, y0 + (y1 - y0) * at(b, t)));
            let top = cross(d, t).then(|| (x0 + (x1 - x0) * at(d, t), y1));
            let left = cross(a, d).then(|| (x0, y0 + (y1 - y0) * at(a, d)));
            match (bottom, right, top, left) {
                (Some(p), Some(q), Some(s), Some(u)) => {
                    let centre = (a + b + t + d) / 4.0;
                    if (centre < 0.0) == (a < 0.0) {
                        // a and t connect through the centre: cut off b and d.
                        out.push([p, q]);
                        out.push([s, u]);
                    } else {
                        out.push([p, u]);
                        out.push([q, s]);
                    }
                }
                (p, q, s, u) => {
                    let pts: Vec<(f64, f64)> = [p, q, s, u].into_iter().flatten().collect();
                    if let [from, to] = pts[..] {
                        out.push([from, to]);
                    }
                }
            }
        }
    }
    out
}

/// Joins segments that share endpoints into polylines, so a contour is drawn
/// with a few strokes instead of one per grid cell. Shared endpoints are
/// computed identically by neighbouring cells, so they compare exactly.
pub fn chains(segs: &[Segment]) -> Vec<Vec<(f64, f64)>> {
    use std::collections::HashMap;
    let key = |p: (f64, f64)| (p.0.to_bits(), p.1.to_bits());
    let mut ends: HashMap<(u64, u64), Vec<usize>> = HashMap::with_capacity(segs.len() * 2);
    for (i, s) in segs.iter().enumerate() {
        ends.entry(key(s[0])).or_default().push(i);
        ends.entry(key(s[1])).or_default().push(i);
    }
    let mut used = vec![false; segs.len()];
    let mut out = Vec::new();
    // The unused segment at `p` (other than `from`), and its far end.
    let next = |p: (f64, f64), used: &[bool]| -> Option<(usize, (f64, f64))> {
        let &i = ends.get(&key(p))?.iter().find(|&&i| !used[i])?;
        let s = segs[i];
        Some((i, if key(s[0]) == key(p) { s[1] } else { s[0] }))
    };
    for start in 0..segs.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let mut line = vec![segs[start][0], segs[start][1]];
        while let Some((i, far)) = next(*line.last().unwrap_or(&segs[start][1]), &used) {
            used[i] = true;
            line.push(far);
        }
        let mut head = Vec::new();
        while let Some((i, far)) = next(*head.last().unwrap_or(&segs[start][0]), &used) {
            used[i] = true;
            head.push(far);
        }
        head.reverse();
        head.extend(line);
        out.push(head);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(n: usize, f: impl Fn(f64, f64) -> f64) -> Vec<f64> {
        (0..n)
            .flat_map(|r| (0..n).map(move |c| (r, c)))
            .map(|(r, c)| f(coord(c, n), coord(r, n)))
            .collect()
    }

    #[test]
    fn a_linear_field_gives_a_straight_line_at_the_level() {
        let n = 11;
        let g = field(n, |x, _| x);
        let segs = segments(&g, n, 0.25);
        assert_eq!(segs.len(), n - 1, "one segment per row of cells");
        for s in &segs {
            for p in s {
                assert!((p.0 - 0.25).abs() < 1e-12, "{p:?}");
            }
        }
        assert!(segments(&g, n, 5.0).is_empty(), "level outside the range");
    }

    #[test]
    fn a_circle_is_closed_and_on_the_radius() {
        let n = 41;
        let g = field(n, |x, y| x * x + y * y);
        let segs = segments(&g, n, 0.25);
        assert!(segs.len() > 20);
        for s in &segs {
            for p in s {
                let r = (p.0 * p.0 + p.1 * p.1).sqrt();
                assert!((r - 0.5).abs() < 0.01, "{r}");
            }
        }
    }

    #[test]
    fn chains_join_a_contour_into_few_polylines() {
        let n = 41;
        let g = field(n, |x, y| x * x + y * y);
        let segs = segments(&g, n, 0.25);
        let lines = chains(&segs);
        assert_eq!(lines.len(), 1, "one closed circle");
        assert_eq!(lines[0].len(), segs.len() + 1);
        assert_eq!(lines[0].first(), lines[0].last(), "closed");
        let straight = chains(&segments(&field(11, |x, _| x), 11, 0.25));
        assert_eq!(straight.len(), 1);
        assert_eq!(straight[0].len(), 11);
    }

    #[test]
    fn saddles_and_nans_do_not_panic() {
        let g = vec![1.0, -1.0, -1.0, 1.0];
        assert_eq!(segments(&g, 2, 0.0).len(), 2);
        let g = vec![1.0, f64::NAN, -1.0, 1.0];
        assert!(segments(&g, 2, 0.0).is_empty());
        assert!(segments(&[], 0, 0.0).is_empty());
    }
}
