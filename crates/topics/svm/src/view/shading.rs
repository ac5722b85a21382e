//! The decision-value shading as colours: bands of |f| per side of the
//! boundary for two classes (upsampled from the sample grid), the predicted
//! class for more; and the same as an RGBA image the canvas paints at once.

use super::palette::Palette;
use super::scene::Shading;
use plotters::style::RGBColor;

/// Shading bands per side of the boundary: |f| in steps of 1/3 up to 2.
pub const BANDS: usize = 6;

/// `t` of the way from `a` to `b`.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let m = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// The tone of band `band` (0 nearest the boundary) on class `slot`'s side:
/// the background tinted towards the class colour, more with |f|.
pub fn band_tone(pal: &Palette, slot: usize, band: usize) -> RGBColor {
    let t = (0.07 + 0.055 * band as f64) * pal.shade_strength();
    mix(pal.bg, pal.class(slot), t)
}

/// The tone of class `slot`'s region when there are more than two classes.
pub fn class_tone(pal: &Palette, slot: usize) -> RGBColor {
    mix(pal.bg, pal.class(slot), 0.22 * pal.shade_strength())
}

/// About this many shading rows and columns, whatever the sample grid.
pub const FINE_SIDE: usize = 180;

/// The side of the upsampled grid: a whole number of steps per sample step.
pub fn fine_side(n: usize, target: usize) -> usize {
    let steps = n.saturating_sub(1).max(1);
    steps * target.div_ceil(steps) + 1
}

/// Bilinear interpolation of an n×n grid onto a finer one, so the shading
/// bands follow the field smoothly without more kernel evaluations.
pub fn upsample(values: &[f64], n: usize, target: usize) -> Vec<f64> {
    if n < 2 || values.len() < n * n {
        return values.to_vec();
    }
    let m = fine_side(n, target);
    let k = (m - 1) / (n - 1);
    let mut out = Vec::with_capacity(m * m);
    for r in 0..m {
        let (r0, tr) = ((r / k).min(n - 2), (r % k) as f64 / k as f64);
        let tr = if r / k > n - 2 { 1.0 } else { tr };
        for c in 0..m {
            let (c0, tc) = ((c / k).min(n - 2), (c % k) as f64 / k as f64);
            let tc = if c / k > n - 2 { 1.0 } else { tc };
            let v = |rr: usize, cc: usize| values[rr * n + cc];
            let bottom = v(r0, c0) * (1.0 - tc) + v(r0, c0 + 1) * tc;
            let top = v(r0 + 1, c0) * (1.0 - tc) + v(r0 + 1, c0 + 1) * tc;
            out.push(bottom * (1.0 - tr) + top * tr);
        }
    }
    out
}

/// The shading as a square grid of colours, row by row from y = −1: the
/// decision value in bands of |f| (upsampled) for two classes, the predicted
/// class for more. `None` when there is no model.
pub fn shading_colours(shading: &Shading, pal: &Palette) -> Option<(usize, Vec<RGBColor>)> {
    match shading {
        Shading::None => None,
        Shading::Binary { n, values, slots } => {
            let tones: Vec<[RGBColor; BANDS + 1]> = [slots.0, slots.1]
                .iter()
                .map(|&s| std::array::from_fn(|band| band_tone(pal, s, band)))
                .collect();
            let fine = upsample(values, *n, FINE_SIDE);
            let m = fine_side(*n, FINE_SIDE);
            let colours = fine
                .iter()
                .map(|&f| {
                    if f.is_nan() {
                        return pal.bg;
                    }
                    let band = ((f.abs() * 3.0) as usize).min(BANDS);
                    tones[usize::from(f > 0.0)][band]
                })
                .collect();
            Some((m, colours))
        }
        Shading::Multi { n, slots } => {
            Some((*n, slots.iter().map(|&s| class_tone(pal, s)).collect()))
        }
    }
}

/// The shading as RGBA rows from the top (y = +1), for an image.
pub fn shading_rgba(shading: &Shading, pal: &Palette) -> Option<(usize, Vec<u8>)> {
    let (m, colours) = shading_colours(shading, pal)?;
    let mut out = Vec::with_capacity(m * m * 4);
    for row in colours.chunks(m).rev() {
        for c in row {
            out.extend_from_slice(&[c.0, c.1, c.2, 255]);
        }
    }
    Some((m, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsampling_keeps_the_samples_and_interpolates_between() {
        let g = [0.0, 1.0, 2.0, 3.0];
        let f = upsample(&g, 2, 4);
        assert_eq!(fine_side(2, 4), 5);
        assert_eq!(f.len(), 25);
        assert_eq!((f[0], f[4], f[20], f[24]), (0.0, 1.0, 2.0, 3.0));
        assert!((f[12] - 1.5).abs() < 1e-12, "centre");
        assert_eq!(fine_side(61, 180), 181);
    }
}
