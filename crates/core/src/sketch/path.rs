//! Geometry behind the sketchy shapes: ellipse outlines, arrow heads, speech
//! bubbles, text wrapping and hachure scan lines.

use super::layout::{EM_PER_CHAR, MIN_TEXT};

type Pt = (f64, f64);

pub(super) fn ellipse_points((cx, cy): Pt, rx: f64, ry: f64, n: usize) -> Vec<Pt> {
    (0..n)
        .map(|i| {
            let t = i as f64 / n as f64 * std::f64::consts::TAU;
            (cx + rx * t.cos(), cy + ry * t.sin())
        })
        .collect()
}

pub(super) fn arrow_head(from: Pt, to: Pt, size: f64) -> [Pt; 2] {
    let angle = (to.1 - from.1).atan2(to.0 - from.0);
    let wing = |turn: f64| {
        let a = angle + std::f64::consts::PI + turn;
        (to.0 + size * a.cos(), to.1 + size * a.sin())
    };
    [wing(0.45), wing(-0.45)]
}

/// A box with a tail: the tail leaves from the bottom edge (or top, when the
/// speaker is above) towards the speaker, stopping short of it.
pub(super) fn bubble_outline((x, y, w, h): (f64, f64, f64, f64), speaker: Pt) -> Vec<Pt> {
    // max() first: a bubble narrower than its tail must not invert the range.
    let base = speaker.0.clamp(x + 14.0, (x + w - 24.0).max(x + 14.0));
    if speaker.1 >= y + h {
        let tip = (
            speaker.0 * 0.7 + base * 0.3,
            y + h + (speaker.1 - y - h) * 0.7,
        );
        vec![
            (x, y),
            (x + w, y),
            (x + w, y + h),
            (base + 16.0, y + h),
            tip,
            (base, y + h),
            (x, y + h),
        ]
    } else if speaker.1 <= y {
        let tip = (speaker.0 * 0.7 + base * 0.3, y - (y - speaker.1) * 0.7);
        vec![
            (x, y),
            (base, y),
            tip,
            (base + 16.0, y),
            (x + w, y),
            (x + w, y + h),
            (x, y + h),
        ]
    } else {
        vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    }
}

/// Baseline to baseline, in em.
pub(super) const LINE_HEIGHT: f64 = 1.15;
/// Room between a bubble's edge and its text, in px: its rough outline
/// wanders into the first couple.
const PAD_X: f64 = 6.0;
const PAD_Y: f64 = 3.0;

/// A text wrapped to fit a box.
pub(super) struct Fit {
    pub size: f64,
    pub lines: Vec<String>,
    /// Whether a word had to be broken (it was longer than a line).
    pub broke_word: bool,
}

/// Wraps `text` for a `w`×`h` bubble at `size` px (in `EM_PER_CHAR` per
/// character), stepping the size down to `MIN_TEXT` while the lines are too
/// many for the height or a word is too long for a line. Texts come from
/// live state, so a longer count or name shrinks the type a little instead
/// of spilling; the smallest size is returned even if it does not fit, and
/// the layout check reports that.
pub(super) fn fit(text: &str, (w, h): (f64, f64), size: f64) -> Fit {
    let longest = text
        .split_whitespace()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    let lay = |size: f64| {
        let per_line = ((w - 2.0 * PAD_X) / (size * EM_PER_CHAR)).max(1.0) as usize;
        Fit {
            size,
            lines: wrap(text, per_line),
            broke_word: longest > per_line,
        }
    };
    let fits =
        |f: &Fit| !f.broke_word && f.lines.len() as f64 * f.size * LINE_HEIGHT <= h - 2.0 * PAD_Y;
    let mut best = lay(size);
    // Bounded, so a runaway size (or NaN) cannot spin: comics ask for 13–17.
    for step in 1..=32 {
        let smaller = size - f64::from(step);
        if fits(&best) || smaller < MIN_TEXT {
            break;
        }
        best = lay(smaller);
    }
    best
}

/// Greedy word wrap by character count; long words are broken.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Parallel fill lines across a polygon at `angle_deg`, `gap` apart: rotate the
/// polygon so the lines are horizontal, scan, pair the crossings, rotate back.
pub(super) fn hachure_lines(points: &[Pt], gap: f64, angle_deg: f64) -> Vec<(Pt, Pt)> {
    if points.len() < 3 || gap <= 0.0 {
        return Vec::new();
    }
    let (s, c) = angle_deg.to_radians().sin_cos();
    let rotate = |(x, y): Pt, sin: f64| (x * c - y * sin, x * sin + y * c);
    let rotated: Vec<Pt> = points.iter().map(|&p| rotate(p, s)).collect();
    let min_y = rotated.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_y = rotated
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let mut out = Vec::new();
    let mut y = min_y + gap / 2.0;
    // Bounded so a degenerate polygon cannot produce an enormous fill.
    while y < max_y && out.len() < 2000 {
        let mut xs: Vec<f64> = Vec::new();
        for i in 0..rotated.len() {
            let a = rotated[i];
            let b = rotated[(i + 1) % rotated.len()];
            if (a.1 <= y && b.1 > y) || (b.1 <= y && a.1 > y) {
                xs.push(a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0));
            }
        }
        xs.sort_by(|a, b| a.total_cmp(b));
        for pair in xs.chunks_exact(2) {
            out.push((rotate((pair[0], y), -s), rotate((pair[1], y), -s)));
        }
        y += gap;
    }
    out
}
