//! The frame every topic's comic shares: a row of numbered panels on one
//! canvas, characters standing on one ground line with their names under
//! them, speech bubbles, and an accessible title that reads the whole strip
//! in order. A topic's comic draws only its characters and its lines.

use super::{Anchor, Rect, Sketch};
use std::ops::{Deref, DerefMut};

/// Margin around the strip and gap between its panels.
const GUTTER: f64 = 8.0;

/// A strip's measurements.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub panels: usize,
    pub panel_width: f64,
    /// Where the characters' feet are.
    pub ground: f64,
    /// Where a name under a character sits (its baseline).
    pub names: f64,
}

impl Frame {
    /// The left edge of panel `k` (from 0).
    pub fn left(&self, k: usize) -> f64 {
        GUTTER + k as f64 * (self.panel_width + GUTTER)
    }
}

/// A comic being drawn: a `Sketch` with the panels already framed.
pub struct Strip {
    sketch: Sketch,
    frame: Frame,
}

impl Strip {
    /// Frames and numbers the panels first, so every comic's seeded
    /// roughness starts the same way.
    pub fn new(seed: u64, frame: Frame) -> Strip {
        let mut strip = Strip {
            sketch: Sketch::new(seed, frame.width, frame.height),
            frame,
        };
        for k in 0..frame.panels {
            let x = frame.left(k);
            let panel = Rect::new(x, GUTTER, frame.panel_width, frame.height - 2.0 * GUTTER);
            strip.sketch.frame_panel(panel, k + 1);
        }
        strip
    }

    pub fn ground(&self) -> f64 {
        self.frame.ground
    }

    /// A name (or a caption) centred under `x`.
    pub fn name(&mut self, x: f64, text: &str) {
        self.sketch
            .text((x, self.frame.names), text, 14.0, Anchor::Middle);
    }

    /// A speech bubble on the page's surface colour.
    pub fn say(
        &mut self,
        bubble: (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
        size: f64,
    ) {
        self.say_on("var(--surface)", bubble, speaker, text, size);
    }

    /// A speech bubble on another colour (a warning, the punchline).
    pub fn say_on(
        &mut self,
        colour: &str,
        bubble: (f64, f64, f64, f64),
        speaker: (f64, f64),
        text: &str,
        size: f64,
    ) {
        self.sketch.bubble_on(colour, bubble, speaker, text, size);
    }

    /// The finished SVG. Its title reads the strip: "Comic. Who: line …".
    pub fn finish(self, lines: &[(&str, &str)]) -> String {
        let mut title = String::from("Comic.");
        for (who, line) in lines {
            title.push_str(&format!(" {who}: {line}"));
        }
        self.sketch.finish(&title)
    }
}

impl Deref for Strip {
    type Target = Sketch;
    fn deref(&self) -> &Sketch {
        &self.sketch
    }
}

impl DerefMut for Strip {
    fn deref_mut(&mut self) -> &mut Sketch {
        &mut self.sketch
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const FRAME: Frame = Frame {
        width: 488.0,
        height: 200.0,
        panels: 2,
        panel_width: 232.0,
        ground: 170.0,
        names: 190.0,
    };

    #[test]
    fn panels_are_framed_numbered_and_read_in_order() {
        let mut s = Strip::new(1, FRAME);
        assert_eq!(
            (FRAME.left(0), FRAME.left(1), s.ground()),
            (8.0, 248.0, 170.0)
        );
        s.name(60.0, "Bucket");
        s.say((20.0, 20.0, 100.0, 50.0), (60.0, 100.0), "Hi & bye", 14.0);
        let svg = s.finish(&[("Bucket", "Hi & bye"), ("Then", "done")]);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(texts[..2], ["1", "2"], "the panel numbers come first");
        assert!(texts.contains(&"Bucket") && texts.contains(&"Hi & bye"));
        let title = doc.descendants().find(|n| n.has_tag_name("title"));
        assert_eq!(
            title.and_then(|t| t.text()),
            Some("Comic. Bucket: Hi & bye Then: done")
        );
    }
}
