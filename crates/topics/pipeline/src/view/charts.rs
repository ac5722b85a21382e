//! Live health charts: the new version's error rate and p99 latency per
//! target, minute by minute, with the target's threshold dashed. Written as
//! SVG markup directly: a frame, a polyline and a dot need no plotting
//! library, and plotters' SVG backend cost this module 13 KB gzip. No text
//! is drawn (labels are HTML), and colours are theme variables, so the
//! charts follow light and dark mode.

use std::fmt::Write;
use techshack_core::sketch::{Tenths, Whole};

pub const CHART_W: u32 = 240;
pub const CHART_H: u32 = 84;
/// The plot area's inset from the frame, in px.
const MARGIN: f64 = 6.0;

/// One series to plot: (minute, value) points, the threshold if the target
/// checks it, and the minute range of the x axis.
pub struct Series<'a> {
    pub points: &'a [(u32, f64)],
    pub limit: Option<f64>,
    pub minutes: (u32, u32),
}

/// The y range: enough for the data and the threshold, never flat.
pub fn y_max(s: &Series<'_>) -> f64 {
    let top = s.points.iter().map(|p| p.1).fold(0.0f64, f64::max);
    let limit = s.limit.unwrap_or(0.0);
    (top * 1.15).max(limit * 1.4).max(f64::MIN_POSITIVE * 1e6)
}

/// The chart as SVG markup that scales to its box and uses theme colours.
pub fn svg(s: &Series<'_>) -> String {
    let (x0, x1) = (s.minutes.0, s.minutes.1.max(s.minutes.0 + 1));
    let (w, h) = (f64::from(CHART_W), f64::from(CHART_H));
    let top = y_max(s);
    let x =
        |m: u32| MARGIN + (f64::from(m) - f64::from(x0)) / f64::from(x1 - x0) * (w - 2.0 * MARGIN);
    let y = |v: f64| h - MARGIN - (v / top).clamp(0.0, 1.0) * (h - 2.0 * MARGIN);
    let mut out = format!(
        r#"<svg viewBox="0 0 {CHART_W} {CHART_H}" class="pl-chart-svg" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><rect x="0.5" y="0.5" width="{}" height="{}" fill="none" stroke="var(--line)"/>"#,
        Whole(w - 1.0),
        Whole(h - 1.0)
    );
    if let Some(limit) = s.limit {
        let ly = Tenths(y(limit));
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{ly}" x2="{}" y2="{ly}" stroke="var(--bad)" stroke-dasharray="5 4"/>"#,
            Whole(MARGIN),
            Tenths(w - MARGIN)
        );
    }
    if !s.points.is_empty() {
        out.push_str(r#"<polyline fill="none" stroke="var(--blue)" stroke-width="2" points=""#);
        for &(m, v) in s.points {
            let _ = write!(out, "{},{} ", Tenths(x(m)), Tenths(y(v)));
        }
        out.push_str(r#""/>"#);
    }
    if let Some(&(m, v)) = s.points.last() {
        let _ = write!(
            out,
            r#"<circle cx="{}" cy="{}" r="3" fill="var(--blue)"/>"#,
            Tenths(x(m)),
            Tenths(y(v))
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn chart_is_valid_svg_with_theme_colours() {
        let pts = [(1, 0.002), (2, 0.003), (3, 0.09)];
        let out = svg(&Series {
            points: &pts,
            limit: Some(0.01),
            minutes: (1, 12),
        });
        let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(out.contains("var(--blue)") && out.contains("var(--bad)"));
        assert!(!out.contains("<text"), "no text is drawn in the chart");
    }

    #[test]
    fn points_span_the_plot_area_and_the_limit_sits_at_its_value() {
        let pts = [(1, 0.0), (12, 1.0)];
        let s = Series {
            points: &pts,
            limit: Some(0.5),
            minutes: (1, 12),
        };
        let out = svg(&s);
        let top = y_max(&s); // 1.15: the data's top plus headroom
        let y = |v: f64| 84.0 - 6.0 - v / top * 72.0;
        assert!(
            out.contains(&format!(
                r#"points="6.0,{:.1} 234.0,{:.1} ""#,
                y(0.0),
                y(1.0)
            )),
            "{out}"
        );
        assert!(out.contains(&format!(r#"y1="{:.1}""#, y(0.5))), "{out}");
        assert!(
            out.contains(r#"<circle cx="234.0""#),
            "the dot marks the latest minute: {out}"
        );
    }

    #[test]
    fn empty_and_flat_series_still_draw() {
        for pts in [&[][..], &[(5, 0.0)][..]] {
            let out = svg(&Series {
                points: pts,
                limit: None,
                minutes: (5, 5),
            });
            assert!(roxmltree::Document::parse(&out).is_ok(), "{out}");
        }
    }
}
