//! Live health charts: the new version's error rate and p99 latency per
//! target, minute by minute, with the target's threshold dashed. Drawn with
//! plotters' SVG backend into a string; no text is drawn by plotters (labels
//! are HTML), so nothing is measured through the DOM on each tick.

use plotters::prelude::*;

pub const CHART_W: u32 = 240;
pub const CHART_H: u32 = 84;

/// Placeholder colours swapped for theme variables after drawing, so the
/// charts follow light and dark mode.
const LINE: RGBColor = RGBColor(1, 2, 3);
const LIMIT: RGBColor = RGBColor(1, 2, 4);
const FRAME: RGBColor = RGBColor(1, 2, 5);

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

/// Draws one chart on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    root: DrawingArea<DB, plotters::coord::Shift>,
    s: &Series<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (x0, x1) = s.minutes;
    let x1 = x1.max(x0 + 1);
    let top = y_max(s);
    root.draw(&Rectangle::new(
        [(0, 0), (CHART_W as i32 - 1, CHART_H as i32 - 1)],
        FRAME.stroke_width(1),
    ))?;
    let mut chart = ChartBuilder::on(&root)
        .margin(6)
        .build_cartesian_2d(x0..x1, 0.0..top)?;
    if let Some(limit) = s.limit {
        chart.draw_series(DashedLineSeries::new(
            [(x0, limit), (x1, limit)],
            5,
            4,
            LIMIT.stroke_width(1),
        ))?;
    }
    chart.draw_series(LineSeries::new(
        s.points.iter().map(|&(m, v)| (m, v)),
        LINE.stroke_width(2),
    ))?;
    chart.draw_series(
        s.points
            .last()
            .map(|&(m, v)| Circle::new((m, v), 3, LINE.filled())),
    )?;
    root.present()
}

/// The chart as SVG markup that scales to its box and uses theme colours.
pub fn svg(s: &Series<'_>) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (CHART_W, CHART_H)).into_drawing_area();
        // A drawing error leaves a partial chart; the text alternative still holds.
        let _ = draw(root, s);
    }
    buf.replacen(
        &format!("width=\"{CHART_W}\" height=\"{CHART_H}\""),
        "class=\"pl-chart-svg\" aria-hidden=\"true\" focusable=\"false\"",
        1,
    )
    .replace("#010203", "var(--blue)")
    .replace("#010204", "var(--bad)")
    .replace("#010205", "var(--line)")
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
        assert!(!out.contains("#0102"), "every placeholder colour replaced");
        assert!(!out.contains("<text"), "no text is drawn by plotters");
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
