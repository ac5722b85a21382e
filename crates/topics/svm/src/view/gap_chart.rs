//! The optimality gap m − M over the recent SMO iterations, on a log scale, as
//! a small SVG line chart (plotters' SVG backend; no text, labels are HTML).

use plotters::prelude::*;

pub const W: u32 = 320;
pub const H: u32 = 110;

/// Placeholder colours swapped for theme variables after drawing.
const LINE: RGBColor = RGBColor(1, 2, 3);
const TOL: RGBColor = RGBColor(1, 2, 4);
const FRAME: RGBColor = RGBColor(1, 2, 5);

/// (iteration, gap) pairs; gaps ≤ 0 are drawn at the floor. `tol` is the
/// stopping tolerance, drawn as a dashed line.
pub fn svg(points: &[(usize, f64)], tol: f64) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(&mut buf, (W, H)).into_drawing_area();
        let _ = draw(&root, points, tol);
    }
    buf.replacen(
        &format!("width=\"{W}\" height=\"{H}\""),
        "class=\"svm-gap-svg\" aria-hidden=\"true\" focusable=\"false\"",
        1,
    )
    .replace("#010203", "var(--blue)")
    .replace("#010204", "var(--good)")
    .replace("#010205", "var(--line)")
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    points: &[(usize, f64)],
    tol: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.draw(&Rectangle::new(
        [(0, 0), (W as i32 - 1, H as i32 - 1)],
        FRAME.stroke_width(1),
    ))?;
    let floor = tol.log10() - 1.0;
    let log = |g: f64| if g > 0.0 { g.log10().max(floor) } else { floor };
    let x0 = points.first().map_or(0, |p| p.0);
    let x1 = points.last().map_or(1, |p| p.0).max(x0 + 1);
    let top = points
        .iter()
        .map(|p| log(p.1))
        .fold(tol.log10() + 1.0, f64::max)
        + 0.2;
    let mut chart = ChartBuilder::on(root)
        .margin(6)
        .build_cartesian_2d(x0..x1, floor..top)?;
    chart.draw_series(DashedLineSeries::new(
        [(x0, tol.log10()), (x1, tol.log10())],
        5,
        4,
        TOL.stroke_width(1),
    ))?;
    chart.draw_series(LineSeries::new(
        points.iter().map(|&(i, g)| (i, log(g))),
        LINE.stroke_width(2),
    ))?;
    chart.draw_series(
        points
            .last()
            .map(|&(i, g)| Circle::new((i, log(g)), 3, LINE.filled())),
    )?;
    root.present()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_chart_is_valid_svg_with_theme_colours() {
        let out = svg(&[(1, 2.0), (2, 0.5), (3, 0.01), (4, 0.0)], 1e-3);
        let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(out.contains("var(--blue)") && out.contains("var(--good)"));
        assert!(!out.contains("#0102") && !out.contains("<text"));
        assert!(roxmltree::Document::parse(&svg(&[], 1e-3)).is_ok());
    }
}
