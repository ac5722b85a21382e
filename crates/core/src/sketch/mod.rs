//! A seeded, hand-drawn SVG renderer in the rough.js manner, for comics and
//! diagrams. Pure Rust emitting SVG text: the same seed gives the same drawing,
//! so comics are stable across re-renders and testable natively. `Strip` is
//! the comic frame every topic draws in. A drawing also records the boxes of
//! its labels, bubbles and characters (`Layout`), so native tests can check
//! that every state's comic reads: nothing overlaps, nothing spills.

mod layout;
mod num;
mod path;
mod pen;
mod rough;
mod strip;
mod svg;
mod zine;

pub use layout::{
    assert_comics_read, check_comics, tour_scripts, Kind, Layout, Mark, Rect, EM_PER_CHAR, MIN_TEXT,
};
pub use num::{grouped, Tenths, Whole};
pub use pen::{Anchor, Pen};
pub use strip::{Frame, Strip};
pub use svg::escape;
pub use zine::{Zine, ZINE_HEIGHT, ZINE_WIDTH};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::fmt::Write;

pub struct Sketch {
    rng: ChaCha8Rng,
    width: f64,
    height: f64,
    roughness: f64,
    body: String,
    /// The boxes drawn so far, for checking that a comic reads.
    layout: Layout,
    /// Inside `figure`: the box of what it has drawn so far, if anything.
    figure: Option<Option<Rect>>,
}

impl Sketch {
    pub fn new(seed: u64, width: f64, height: f64) -> Self {
        Sketch {
            rng: ChaCha8Rng::seed_from_u64(seed),
            width,
            height,
            roughness: 1.0,
            body: String::new(),
            layout: Layout::default(),
            figure: None,
        }
    }

    /// What has been drawn where (see `Layout::problems`).
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Draws a character: everything `draw` draws counts as one figure,
    /// whose box must not cover labels or bubbles. Text drawn inside is
    /// part of the figure (a tombstone's "RIP"), not a label. A figure
    /// drawn inside another is part of the outer one.
    pub fn figure(&mut self, what: &str, draw: impl FnOnce(&mut Sketch)) {
        if self.figure.is_some() {
            return draw(self);
        }
        self.figure = Some(None);
        draw(self);
        if let Some(Some(rect)) = self.figure.take() {
            self.layout.add(Kind::Figure, rect, what, 0.0);
        }
    }

    /// Grows the figure being drawn, if any, by `rect`.
    fn grow(&mut self, rect: Rect) {
        if let Some(extent) = &mut self.figure {
            *extent = Some(extent.map_or(rect, |e| e.union(rect)));
        }
    }

    /// Draws without growing a figure: the parts of a bubble or a panel
    /// number, which record their own box.
    fn apart(&mut self, draw: impl FnOnce(&mut Sketch)) {
        let figure = self.figure.take();
        draw(self);
        self.figure = figure;
    }

    pub fn roughness(mut self, r: f64) -> Self {
        self.roughness = r.clamp(0.0, 5.0);
        self
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), pen: &Pen) {
        self.grow(Rect::new(from.0, from.1, 0.0, 0.0).union(Rect::new(to.0, to.1, 0.0, 0.0)));
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
        let (rx, ry) = (rx.abs(), ry.abs());
        self.grow(Rect::new(centre.0 - rx, centre.1 - ry, 2.0 * rx, 2.0 * ry));
        let outline = path::ellipse_points(centre, rx, ry, 16);
        self.fill_polygon(&outline, pen);
        for _ in 0..2 {
            let d = rough::closed_curve(&mut self.rng, self.roughness, &outline);
            svg::stroke_path(&mut self.body, &d, pen);
        }
    }

    /// A small plain marker at `centre` (a circle, or a square when
    /// `square`): for plots with many points, where rough outlines would
    /// weigh the drawing down.
    pub fn dot(&mut self, centre: (f64, f64), r: f64, square: bool, pen: &Pen) {
        self.grow(Rect::new(centre.0 - r, centre.1 - r, 2.0 * r, 2.0 * r));
        svg::marker(&mut self.body, centre, r, square, pen);
    }

    /// A plain filled box with no outline: a cell of a shaded region.
    pub fn block(&mut self, x: f64, y: f64, w: f64, h: f64, colour: &str) {
        self.grow(Rect::new(x, y, w, h));
        svg::filled_polygon(
            &mut self.body,
            &[(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            colour,
        );
    }

    /// A line with an open arrow head at `to`.
    pub fn arrow(&mut self, from: (f64, f64), to: (f64, f64), pen: &Pen) {
        self.line(from, to, pen);
        for wing in path::arrow_head(from, to, 10.0) {
            self.line(to, wing, pen);
        }
    }

    /// A speech bubble whose tail points at `speaker`, with its text wrapped
    /// to fit (see `path::fit`: set smaller, down to `MIN_TEXT`, if it must).
    pub fn speech_bubble(
        &mut self,
        (x, y, w, h): (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
        size: f64,
        pen: &Pen,
    ) {
        let fit = path::fit(text, (w, h), size);
        let (size, lines) = (fit.size, &fit.lines);
        let line_height = size * path::LINE_HEIGHT;
        let block = lines.len() as f64 * line_height;
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        let text_box = Rect::new(
            x + (w - widest as f64 * EM_PER_CHAR * size) / 2.0,
            y + (h - block) / 2.0,
            widest as f64 * EM_PER_CHAR * size,
            block,
        );
        let kind = Kind::Bubble {
            text: text_box,
            broke_word: fit.broke_word,
        };
        self.layout.add(kind, Rect::new(x, y, w, h), text, size);
        self.apart(|s| {
            let outline = path::bubble_outline((x, y, w, h), speaker);
            s.fill_polygon(&outline, &pen.clone().solid());
            let mut closed = outline.clone();
            closed.push(outline[0]);
            s.polyline(
                &closed,
                &Pen {
                    fill: None,
                    ..pen.clone()
                },
            );
            // The first baseline sits 0.9 em into the centred block.
            let top = text_box.y + size * 0.9;
            for (i, line) in lines.iter().enumerate() {
                let at = (x + w / 2.0, top + i as f64 * line_height);
                svg::text(&mut s.body, at, line, size, Anchor::Middle, "var(--ink)");
            }
        });
    }

    /// A speech bubble filled with `colour` (the page's surface, a warning,
    /// the punchline), as the comic frames (`Strip`, `Zine`) draw them.
    pub fn bubble_on(
        &mut self,
        colour: &str,
        bubble: (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
        size: f64,
    ) {
        let pen = Pen::ink().fill(colour);
        self.speech_bubble(bubble, speaker, text, size, &pen);
    }

    /// A numbered comic panel: its frame (everything else must stay inside
    /// one) and its number in the top left corner, for the reading order.
    pub(super) fn frame_panel(&mut self, panel: Rect, n: usize) {
        let what = format!("panel {n}");
        self.layout.add(Kind::Panel, panel, &what, 0.0);
        self.rect(panel.x, panel.y, panel.w, panel.h, &Pen::ink().width(2.0));
        self.panel_number((panel.x + 18.0, panel.y + 18.0), n);
    }

    /// A line of text: a label, or part of the figure being drawn.
    pub fn text(&mut self, at: (f64, f64), text: &str, size: f64, anchor: Anchor) {
        self.text_coloured(at, text, size, anchor, "var(--ink)");
    }

    pub fn text_coloured(
        &mut self,
        at: (f64, f64),
        text: &str,
        size: f64,
        anchor: Anchor,
        colour: &str,
    ) {
        let rect = Rect::of_text(at, text, size, anchor);
        if self.figure.is_some() {
            self.grow(rect);
        } else {
            self.layout.add(Kind::Label, rect, text, size);
        }
        svg::text(&mut self.body, at, text, size, anchor, colour);
    }

    /// A numbered circle, for the reading order of comic panels.
    pub fn panel_number(&mut self, at: (f64, f64), n: usize) {
        let (r, label) = (11.0, n.to_string());
        let rect = Rect::new(at.0 - r, at.1 - r, 2.0 * r, 2.0 * r);
        self.layout.add(Kind::PanelNumber, rect, &label, 14.0);
        self.apart(|s| {
            s.ellipse(at, r, r, &Pen::ink().fill("var(--accent-soft)").solid());
            let baseline = (at.0, at.1 + 5.0);
            svg::text(
                &mut s.body,
                baseline,
                &label,
                14.0,
                Anchor::Middle,
                "var(--ink)",
            );
        });
    }

    /// A stick figure, the cheapest character there is.
    pub fn stick_figure(&mut self, feet: (f64, f64), height: f64, pen: &Pen) {
        let (x, y) = feet;
        self.figure("stick figure", |s| {
            let head = height * 0.2;
            s.ellipse((x, y - height + head), head, head, pen);
            let neck = y - height + 2.0 * head;
            let hip = y - height * 0.35;
            s.line((x, neck), (x, hip), pen);
            s.line((x, hip), (x - height * 0.2, y), pen);
            s.line((x, hip), (x + height * 0.2, y), pen);
            s.line(
                (x - height * 0.25, neck + height * 0.15),
                (x + height * 0.25, neck + height * 0.1),
                pen,
            );
        });
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
            Whole(self.width),
            Whole(self.height),
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

/// The text of every `<text>` element of a drawn SVG, in drawing order, so
/// a test can look for the figures a drawing says. Panics on SVG that is not
/// well-formed.
#[cfg(any(feature = "testing", all(test, not(target_arch = "wasm32"))))]
pub fn texts_in(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests;
