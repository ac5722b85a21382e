//! A seeded, hand-drawn SVG renderer in the rough.js manner, for comics and
//! diagrams. Pure Rust emitting SVG text: the same seed gives the same drawing,
//! so comics are stable across re-renders and testable natively. `Strip` is
//! the comic frame every topic draws in.

mod path;
mod rough;
mod strip;
mod svg;

pub use strip::{Frame, Strip};
pub use svg::escape;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

/// Stroke and fill of one shape. Colours are CSS values or `var(--name)`, so a
/// comic follows the page's light or dark theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Pen {
    pub stroke: String,
    pub width: f64,
    pub fill: Option<String>,
    /// Solid fills for small shapes, hachure for large ones.
    pub hachure: bool,
}

impl Default for Pen {
    fn default() -> Self {
        Pen {
            stroke: "var(--ink)".into(),
            width: 1.6,
            fill: None,
            hachure: true,
        }
    }
}

impl Pen {
    pub fn ink() -> Self {
        Pen::default()
    }
    pub fn stroke(mut self, colour: &str) -> Self {
        self.stroke = colour.into();
        self
    }
    pub fn width(mut self, w: f64) -> Self {
        self.width = w;
        self
    }
    pub fn fill(mut self, colour: &str) -> Self {
        self.fill = Some(colour.into());
        self
    }
    pub fn solid(mut self) -> Self {
        self.hachure = false;
        self
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

pub struct Sketch {
    rng: ChaCha8Rng,
    width: f64,
    height: f64,
    roughness: f64,
    body: String,
}

impl Sketch {
    pub fn new(seed: u64, width: f64, height: f64) -> Self {
        Sketch {
            rng: ChaCha8Rng::seed_from_u64(seed),
            width,
            height,
            roughness: 1.0,
            body: String::new(),
        }
    }

    pub fn roughness(mut self, r: f64) -> Self {
        self.roughness = r.clamp(0.0, 5.0);
        self
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), pen: &Pen) {
        let d = rough::double_line(&mut self.rng, self.roughness, from, to);
        svg::stroke_path(&mut self.body, &d, pen);
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], pen: &Pen) {
        for w in points.windows(2) {
            self.line(w[0], w[1], pen);
        }
    }

    pub fn polygon(&mut self, points: &[(f64, f64)], pen: &Pen) {
        if points.len() < 3 {
            return self.polyline(points, pen);
        }
        self.fill_polygon(points, pen);
        let mut closed = points.to_vec();
        closed.push(points[0]);
        self.polyline(
            &closed,
            &Pen {
                fill: None,
                ..pen.clone()
            },
        );
    }

    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, pen: &Pen) {
        self.polygon(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], pen);
    }

    pub fn ellipse(&mut self, centre: (f64, f64), rx: f64, ry: f64, pen: &Pen) {
        let outline = path::ellipse_points(centre, rx.abs(), ry.abs(), 16);
        self.fill_polygon(&outline, pen);
        for _ in 0..2 {
            let d = rough::closed_curve(&mut self.rng, self.roughness, &outline);
            svg::stroke_path(&mut self.body, &d, pen);
        }
    }

    /// A line with an open arrow head at `to`.
    pub fn arrow(&mut self, from: (f64, f64), to: (f64, f64), pen: &Pen) {
        self.line(from, to, pen);
        for wing in path::arrow_head(from, to, 10.0) {
            self.line(to, wing, pen);
        }
    }

    /// A rounded speech bubble whose tail points at `speaker`, with wrapped text.
    pub fn speech_bubble(
        &mut self,
        (x, y, w, h): (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
        size: f64,
        pen: &Pen,
    ) {
        let outline = path::bubble_outline((x, y, w, h), speaker);
        self.fill_polygon(&outline, &pen.clone().solid());
        let mut closed = outline.clone();
        closed.push(outline[0]);
        self.polyline(
            &closed,
            &Pen {
                fill: None,
                ..pen.clone()
            },
        );
        let chars_per_line = ((w - 12.0) / (size * 0.5)).max(4.0) as usize;
        let lines = path::wrap(text, chars_per_line);
        let top = y + (h - lines.len() as f64 * size * 1.15) / 2.0 + size * 0.9;
        for (i, line) in lines.iter().enumerate() {
            self.text(
                (x + w / 2.0, top + i as f64 * size * 1.15),
                line,
                size,
                Anchor::Middle,
            );
        }
    }

    pub fn text(&mut self, at: (f64, f64), text: &str, size: f64, anchor: Anchor) {
        svg::text(&mut self.body, at, text, size, anchor, "var(--ink)");
    }

    pub fn text_coloured(
        &mut self,
        at: (f64, f64),
        text: &str,
        size: f64,
        anchor: Anchor,
        colour: &str,
    ) {
        svg::text(&mut self.body, at, text, size, anchor, colour);
    }

    /// A numbered circle, for the reading order of comic panels.
    pub fn panel_number(&mut self, at: (f64, f64), n: usize) {
        self.ellipse(
            at,
            11.0,
            11.0,
            &Pen::ink().fill("var(--accent-soft)").solid(),
        );
        self.text((at.0, at.1 + 5.0), &n.to_string(), 14.0, Anchor::Middle);
    }

    /// A stick figure, the cheapest character there is.
    pub fn stick_figure(&mut self, feet: (f64, f64), height: f64, pen: &Pen) {
        let (x, y) = feet;
        let head = height * 0.2;
        self.ellipse((x, y - height + head), head, head, pen);
        let neck = y - height + 2.0 * head;
        let hip = y - height * 0.35;
        self.line((x, neck), (x, hip), pen);
        self.line((x, hip), (x - height * 0.2, y), pen);
        self.line((x, hip), (x + height * 0.2, y), pen);
        self.line(
            (x - height * 0.25, neck + height * 0.15),
            (x + height * 0.25, neck + height * 0.1),
            pen,
        );
    }

    fn fill_polygon(&mut self, points: &[(f64, f64)], pen: &Pen) {
        let Some(colour) = pen.fill.as_deref() else {
            return;
        };
        if pen.hachure {
            let fill_pen = Pen::ink().stroke(colour).width(1.0);
            for (a, b) in path::hachure_lines(points, 7.0, -41.0) {
                let d = rough::single_line(&mut self.rng, self.roughness * 0.6, a, b);
                svg::stroke_path(&mut self.body, &d, &fill_pen);
            }
        } else {
            svg::filled_polygon(&mut self.body, points, colour);
        }
    }

    /// The finished drawing. `title` is its accessible name.
    pub fn finish(self, title: &str) -> String {
        let mut out = String::with_capacity(self.body.len() + 256);
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" role="img" class="sketch"><title>{}</title>"#,
            self.width,
            self.height,
            escape(title)
        );
        out.push_str(&self.body);
        out.push_str("</svg>");
        out
    }
}

/// How many words a reader sees in a drawn SVG: the text of its `<text>`
/// elements (comics stay under about 50). Panics on SVG that is not
/// well-formed, so the comics' tests check that too.
#[cfg(any(feature = "testing", all(test, not(target_arch = "wasm32"))))]
pub fn words_in(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(|t| t.split_whitespace().count())
        .sum()
}

#[cfg(test)]
mod tests;
