//! Draws a `Scene` on any plotters backend, in device pixels: the canvas in
//! the browser, SVG in native tests. No text is drawn, so nothing is measured
//! through the DOM on a drag frame.

use super::contour::chains;
use super::palette::Palette;
use super::scene::{Ring, Scene};
use super::shading::shading_colours;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Maps data coordinates ([-1, 1]², y up) to device pixels.
struct Frame {
    w: f64,
    h: f64,
    /// Device pixels per CSS pixel.
    scale: f64,
}

impl Frame {
    fn px(&self, (x, y): (f64, f64)) -> (i32, i32) {
        (
            ((x + 1.0) / 2.0 * self.w).round() as i32,
            ((1.0 - y) / 2.0 * self.h).round() as i32,
        )
    }
    fn len(&self, css: f64) -> i32 {
        (css * self.scale).round().max(1.0) as i32
    }
    fn width(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }
}

type Drawn<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Paints an n×n grid of colours, merging equal neighbours in a row.
fn paint_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fr: &Frame,
    n: usize,
    colour_at: impl Fn(usize) -> RGBColor,
) -> Drawn<DB> {
    let edge = |k: usize, size: f64| -> i32 {
        // Cell k is centred on sample k; its edges lie half a step either side.
        let t = (k as f64 - 0.5) / (n - 1) as f64;
        (t.clamp(0.0, 1.0) * size).round() as i32
    };
    for r in 0..n {
        // Row r is at y = −1 + …, i.e. from the bottom of the canvas up.
        let y_top = fr.h as i32 - edge(r + 1, fr.h);
        let y_bottom = fr.h as i32 - edge(r, fr.h);
        let mut c = 0;
        while c < n {
            let colour = colour_at(r * n + c);
            let mut end = c + 1;
            while end < n && colour_at(r * n + end) == colour {
                end += 1;
            }
            root.draw(&Rectangle::new(
                [(edge(c, fr.w), y_top), (edge(end, fr.w), y_bottom)],
                colour.filled(),
            ))?;
            c = end;
        }
    }
    Ok(())
}

/// Whether the caller painted the background and shading already (the
/// canvas does, as one image).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    Draw,
    Painted,
}

fn segments<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fr: &Frame,
    segs: &[[(f64, f64); 2]],
    style: ShapeStyle,
) -> Drawn<DB> {
    for line in chains(segs) {
        root.draw(&PathElement::new(
            line.into_iter().map(|p| fr.px(p)).collect::<Vec<_>>(),
            style,
        ))?;
    }
    Ok(())
}

fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fr: &Frame,
    (x, y, slot): (f64, f64, usize),
    pal: &Palette,
) -> Drawn<DB> {
    let (cx, cy) = fr.px((x, y));
    let r = fr.len(5.0);
    let fill = pal.class(slot).filled();
    let outline = pal.bg.stroke_width(fr.width(1.5));
    let shape: Vec<(i32, i32)> = match slot % 4 {
        0 => {
            root.draw(&Circle::new((cx, cy), r + fr.len(1.0), pal.bg.filled()))?;
            return root.draw(&Circle::new((cx, cy), r, fill));
        }
        1 => vec![
            (cx - r, cy - r),
            (cx + r, cy - r),
            (cx + r, cy + r),
            (cx - r, cy + r),
        ],
        2 => {
            let h = r + r / 3;
            vec![(cx, cy - h), (cx + h, cy + r), (cx - h, cy + r)]
        }
        _ => {
            let h = r + r / 3;
            vec![(cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)]
        }
    };
    root.draw(&Polygon::new(shape.clone(), fill))?;
    let mut closed = shape.clone();
    closed.push(shape[0]);
    root.draw(&PathElement::new(closed, outline))
}

fn ring<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fr: &Frame,
    ring: &Ring,
    pal: &Palette,
) -> Drawn<DB> {
    let at = fr.px(ring.at);
    let r = fr.len(8.0 + 7.0 * ring.weight.sqrt());
    if ring.bounded {
        // α = C: a thick double ring in the "bad" colour.
        root.draw(&Circle::new(at, r, pal.bad.stroke_width(fr.width(2.5))))?;
        root.draw(&Circle::new(
            at,
            r + fr.len(4.0),
            pal.bad.stroke_width(fr.width(1.2)),
        ))
    } else {
        root.draw(&Circle::new(at, r, pal.ink.stroke_width(fr.width(1.8))))
    }
}

/// Which point markers a draw paints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markers {
    All,
    /// Every marker but this one (to cache the rest while it is dragged).
    AllBut(usize),
    /// Only this one (drawn over the cached rest).
    Only(usize),
}

impl Markers {
    fn includes(self, i: usize) -> bool {
        match self {
            Markers::All => true,
            Markers::AllBut(k) => i != k,
            Markers::Only(k) => i == k,
        }
    }
}

fn frame<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, scale: f64) -> Frame {
    let (w, h) = root.dim_in_pixel();
    Frame {
        w: f64::from(w),
        h: f64::from(h),
        scale,
    }
}

/// Draws the whole scene; `scale` is device pixels per CSS pixel. The canvas
/// draws it in two halves around its cached marker layer (`marker_layer`).
#[cfg(test)]
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    pal: &Palette,
    scale: f64,
    background: Background,
) -> Drawn<DB> {
    draw_under(root, scene, pal, scale, background)?;
    draw_over(root, scene, pal, scale, Markers::All)
}

/// What lies under the point markers: shading, axes, margins, boundary,
/// slack segments and support-vector rings.
pub fn draw_under<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    pal: &Palette,
    scale: f64,
    background: Background,
) -> Drawn<DB> {
    let fr = frame(root, scale);
    if background == Background::Draw {
        root.fill(&pal.bg)?;
        if let Some((m, colours)) = shading_colours(&scene.shading, pal) {
            paint_grid(root, &fr, m, |i| colours[i])?;
        }
    }
    // Axes through the origin.
    let axis = pal.line.stroke_width(fr.width(1.0));
    segments(
        root,
        &fr,
        &[[(-1.0, 0.0), (1.0, 0.0)], [(0.0, -1.0), (0.0, 1.0)]],
        axis,
    )?;
    segments(
        root,
        &fr,
        &scene.margins,
        pal.muted.stroke_width(fr.width(1.5)),
    )?;
    segments(
        root,
        &fr,
        &scene.boundary,
        pal.ink.stroke_width(fr.width(3.0)),
    )?;
    segments(
        root,
        &fr,
        &scene.slacks,
        pal.bad.stroke_width(fr.width(1.5)),
    )?;
    for r in &scene.rings {
        ring(root, &fr, r, pal)?;
    }
    Ok(())
}

/// The chosen point markers only.
pub fn draw_markers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    pal: &Palette,
    scale: f64,
    which: Markers,
) -> Drawn<DB> {
    let fr = frame(root, scale);
    for (i, &p) in scene.points.iter().enumerate() {
        if which.includes(i) {
            marker(root, &fr, p, pal)?;
        }
    }
    Ok(())
}

/// The chosen markers, then what lies over them: the working pair and the
/// keyboard cross.
pub fn draw_over<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    pal: &Palette,
    scale: f64,
    which: Markers,
) -> Drawn<DB> {
    draw_markers(root, scene, pal, scale, which)?;
    let fr = frame(root, scale);
    if let Some([a, b]) = scene.pair {
        let style = pal.focus.stroke_width(fr.width(3.0));
        root.draw(&PathElement::new(
            vec![fr.px(a), fr.px(b)],
            pal.focus.stroke_width(fr.width(1.5)),
        ))?;
        root.draw(&Circle::new(fr.px(a), fr.len(17.0), style))?;
        root.draw(&Circle::new(fr.px(b), fr.len(17.0), style))?;
    }
    if let Some(c) = scene.cursor {
        let (x, y) = fr.px(c);
        let (arm, gap) = (fr.len(12.0), fr.len(3.0));
        let style = pal.focus.stroke_width(fr.width(2.0));
        for (a, b) in [
            ((x - arm, y), (x - gap, y)),
            ((x + gap, y), (x + arm, y)),
            ((x, y - arm), (x, y - gap)),
            ((x, y + gap), (x, y + arm)),
        ] {
            root.draw(&PathElement::new(vec![a, b], style))?;
        }
    }
    root.present()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::super::model::{Action, Playground, Preset};
    use super::super::analysis::Analysis;
    use super::super::scene::Shading;
    use super::super::shading::{fine_side, shading_rgba, FINE_SIDE};
    use super::*;

    fn build(
        pg: &Playground,
        n: usize,
        pair: Option<(usize, usize)>,
        cursor: Option<(f64, f64)>,
    ) -> Scene {
        let an = pg.fit().map(Analysis::of);
        Scene::build(pg.points(), pg.fit().zip(an.as_ref()), n, pair, cursor)
    }

    fn svg_of(scene: &Scene) -> String {
        let mut buf = String::new();
        {
            let root = SVGBackend::with_string(&mut buf, (200, 200)).into_drawing_area();
            draw(&root, scene, &Palette::light(), 1.0, Background::Draw).unwrap();
        }
        buf
    }

    #[test]
    fn the_default_plot_is_valid_svg_with_rings_and_no_text() {
        let pg = Playground::default();
        let scene = build(&pg, 31, Some((0, 1)), Some((0.2, 0.2)));
        let out = svg_of(&scene);
        let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}"));
        let circles = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .count();
        assert!(circles >= scene.rings.len() + 2, "{circles}");
        assert!(!out.contains("<text"));
        // Shading merges equal neighbours: far fewer rectangles than cells.
        let rects = doc.descendants().filter(|n| n.has_tag_name("rect")).count();
        let m = fine_side(31, FINE_SIDE);
        assert!(rects > m && rects < m * m / 8, "{rects}");
    }

    #[test]
    fn the_shading_image_is_square_rgba_from_the_top() {
        let pg = Playground::default();
        let scene = build(&pg, 21, None, None);
        let (m, rgba) = shading_rgba(&scene.shading, &Palette::light()).unwrap();
        assert_eq!(rgba.len(), m * m * 4);
        let pal = Palette::light();
        // Top-left (−1, 1) lies between the blobs' sides; bottom-left is −1's.
        let bottom_left = &rgba[(m - 1) * m * 4..(m - 1) * m * 4 + 3];
        let c = pal.class(0);
        let towards =
            |px: &[u8]| (px[2] as i32 - px[0] as i32) - (pal.bg.2 as i32 - pal.bg.0 as i32);
        assert!(
            towards(bottom_left) > 0,
            "bottom-left is tinted towards class −1's blue {c:?}: {bottom_left:?}"
        );
        assert!(shading_rgba(&Shading::None, &pal).is_none());
    }

    #[test]
    fn multi_class_and_empty_plots_draw() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset {
            preset: Preset::ThreeBlobs,
            seed: 1,
        })
        .unwrap();
        let out = svg_of(&build(&pg, 21, None, None));
        assert!(roxmltree::Document::parse(&out).is_ok());
        pg.apply(&Action::Clear).unwrap();
        let out = svg_of(&build(&pg, 21, None, None));
        assert!(roxmltree::Document::parse(&out).is_ok());
    }
}
