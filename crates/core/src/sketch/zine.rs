//! The in-depth comic: a zine page. Where a `Strip` is one row of three
//! panels with one insight, a zine page tells a topic's whole story in 6–8
//! numbered panels under a hand-drawn title, in a two-column grid with the
//! proportions of A4 portrait, so it prints on one sheet. Each panel has a
//! caption box at the top (what happens) and a drawing area under it (the
//! topic draws the model's figures there). The boxes go into the same
//! `Layout` as a strip's, so the same checks say whether a page reads.

use super::{Anchor, Kind, Pen, Rect, Sketch, EM_PER_CHAR, MIN_TEXT};
use std::ops::{Deref, DerefMut};

/// The page, in px: 800 × 1100 is 1 : 1.375, a little squatter than A4's
/// 1 : 1.414, which leaves room for a printer's margins on the long side.
pub const ZINE_WIDTH: f64 = 800.0;
pub const ZINE_HEIGHT: f64 = 1100.0;
/// Margin around the page and gap between panels.
const GUTTER: f64 = 14.0;
/// The band above the panels: the title and the line naming the source.
const TITLE_BAND: f64 = 96.0;
/// A caption's box: three lines of 15 px text, or four of 12 px.
const CAPTION_HEIGHT: f64 = 62.0;
/// Room left of the caption for the panel's number.
const NUMBER_ROOM: f64 = 38.0;
const TITLE_SIZE: f64 = 36.0;
const SOURCE_SIZE: f64 = 15.0;
const CAPTION_SIZE: f64 = 15.0;

/// A zine page being drawn: a `Sketch` with the title and panels framed.
pub struct Zine {
    sketch: Sketch,
    title: String,
    panels: Vec<Rect>,
    /// What each panel says, in the order it was drawn: its caption, then
    /// who says what. The accessible title reads these panel by panel.
    reading: Vec<Vec<String>>,
}

/// The frames of `n` panels: two columns, as many rows as it takes; an odd
/// last panel spans both columns (a page ends on its widest panel).
fn grid(n: usize) -> Vec<Rect> {
    let rows = n.div_ceil(2).max(1);
    let top = TITLE_BAND;
    let height = (ZINE_HEIGHT - top - GUTTER - (rows - 1) as f64 * GUTTER) / rows as f64;
    let width = (ZINE_WIDTH - 3.0 * GUTTER) / 2.0;
    (0..n)
        .map(|k| {
            let (row, col) = (k / 2, k % 2);
            let y = top + row as f64 * (height + GUTTER);
            if k + 1 == n && col == 0 {
                Rect::new(GUTTER, y, ZINE_WIDTH - 2.0 * GUTTER, height)
            } else {
                Rect::new(GUTTER + col as f64 * (width + GUTTER), y, width, height)
            }
        })
        .collect()
}

/// The largest size, up to `size`, at which `text` fits on one line `width`
/// wide (never under `MIN_TEXT`: the layout check reports a text too long).
fn fitted(text: &str, width: f64, size: f64) -> f64 {
    let chars = text.chars().count().max(1) as f64;
    (width / (chars * EM_PER_CHAR)).clamp(MIN_TEXT, size)
}

impl Zine {
    /// Frames the title band and `panels` numbered panels first, so every
    /// page's seeded roughness starts the same way. `source` names where
    /// the story comes from (the newsletter's seed).
    pub fn new(seed: u64, title: &str, source: &str, panels: usize) -> Zine {
        let mut sketch = Sketch::new(seed, ZINE_WIDTH, ZINE_HEIGHT);
        // The title band is a panel for the layout check: its words must
        // stay inside it and off each other. It has no frame, only an
        // underline.
        let band = Rect::new(GUTTER, 4.0, ZINE_WIDTH - 2.0 * GUTTER, TITLE_BAND - 10.0);
        sketch.layout.add(Kind::Panel, band, "title", 0.0);
        let inner = band.w - 16.0;
        let centre = ZINE_WIDTH / 2.0;
        sketch.text(
            (centre, 44.0),
            title,
            fitted(title, inner, TITLE_SIZE),
            Anchor::Middle,
        );
        let underline = Pen::ink().stroke("var(--accent)").width(3.0);
        sketch.line((centre - 220.0, 56.0), (centre + 220.0, 54.0), &underline);
        sketch.text_coloured(
            (centre, 80.0),
            source,
            fitted(source, inner, SOURCE_SIZE),
            Anchor::Middle,
            "var(--muted)",
        );
        let frames = grid(panels);
        for (k, &frame) in frames.iter().enumerate() {
            sketch.frame_panel(frame, k + 1);
        }
        Zine {
            sketch,
            title: title.to_owned(),
            reading: vec![Vec::new(); frames.len()],
            panels: frames,
        }
    }

    /// How many panels the page has.
    pub fn panels(&self) -> usize {
        self.panels.len()
    }

    /// Panel `k`'s frame (from 0).
    pub fn frame(&self, k: usize) -> Rect {
        self.panels
            .get(k)
            .copied()
            .unwrap_or(Rect::new(0.0, 0.0, 0.0, 0.0))
    }

    /// Panel `k`'s drawing area: the frame below its caption, inset.
    pub fn area(&self, k: usize) -> Rect {
        let f = self.frame(k);
        let top = CAPTION_HEIGHT + 16.0;
        Rect::new(f.x + 8.0, f.y + top, f.w - 16.0, f.h - top - 8.0)
    }

    /// Writes panel `k`'s caption in its box (wrapped, set smaller if it
    /// must be) and returns the drawing area under it.
    pub fn caption(&mut self, k: usize, text: &str) -> Rect {
        let f = self.frame(k);
        let bubble = (
            f.x + NUMBER_ROOM,
            f.y + 8.0,
            f.w - NUMBER_ROOM - 8.0,
            CAPTION_HEIGHT,
        );
        // A speaker inside the box draws no tail: a caption, not a bubble.
        let inside = (bubble.0 + 20.0, bubble.1 + 20.0);
        let pen = Pen::ink().fill("var(--warn-soft)").solid();
        self.sketch
            .speech_bubble(bubble, inside, text, CAPTION_SIZE, &pen);
        self.read(k, text.to_owned());
        self.area(k)
    }

    /// `who` says `text` in a bubble pointing at `speaker`.
    pub fn say(
        &mut self,
        who: &str,
        bubble: (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
    ) {
        self.say_on("var(--surface)", who, bubble, speaker, text);
    }

    /// `say` on another colour (a warning, the punchline).
    pub fn say_on(
        &mut self,
        colour: &str,
        who: &str,
        bubble: (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
    ) {
        self.sketch
            .bubble_on(colour, bubble, speaker, text, CAPTION_SIZE);
        let k = self.panel_at((bubble.0 + bubble.2 / 2.0, bubble.1 + bubble.3 / 2.0));
        self.read(k, format!("{who}: {text}"));
    }

    /// The panel holding a point (the last one if none does, so nothing
    /// said is lost from the reading; the layout check reports the stray).
    fn panel_at(&self, (x, y): (f64, f64)) -> usize {
        self.panels
            .iter()
            .position(|r| (r.x..=r.right()).contains(&x) && (r.y..=r.bottom()).contains(&y))
            .unwrap_or(self.panels.len().saturating_sub(1))
    }

    fn read(&mut self, k: usize, line: String) {
        if let Some(said) = self.reading.get_mut(k) {
            said.push(line);
        }
    }

    /// The finished SVG. Its title reads the page in order:
    /// "Zine: Title. 1. Caption. Who: line. 2. …".
    pub fn finish(self) -> String {
        let mut title = format!("Zine: {}.", self.title);
        for (k, said) in self.reading.iter().enumerate() {
            title.push_str(&format!(" {}.", k + 1));
            for line in said {
                title.push(' ');
                title.push_str(line);
            }
        }
        self.sketch.finish(&title)
    }
}

impl Deref for Zine {
    type Target = Sketch;
    fn deref(&self) -> &Sketch {
        &self.sketch
    }
}

impl DerefMut for Zine {
    fn deref_mut(&mut self) -> &mut Sketch {
        &mut self.sketch
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "zine_tests.rs"]
mod tests;
