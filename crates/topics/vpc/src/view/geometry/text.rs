//! Text on the diagram: font sizes, where each label's lines sit, and a
//! conservative box around them. The view draws exactly these labels and the
//! trace router keeps clear of exactly these boxes, so the two agree on
//! where text is without measuring anything in a browser.

use super::{Column, Diagram, Item, Kind};
pub use techshack_core::geom::Rect;

/// Every label, in SVG user units at the default size. Nothing smaller: at
/// the diagram's usual scale anything under 12 is hard to read.
pub const FONT: f64 = 12.0;
/// The VPC and internet names, one step up.
pub const TITLE_FONT: f64 = 13.0;
/// The ✗ drawn on a component that blocks the trace.
pub const MARK_FONT: f64 = 14.0;
/// Baseline to baseline.
pub const LINE_GAP: f64 = 14.0;
/// Advance of one character, in ems, bold and regular. System-ui fonts
/// (Segoe UI, Roboto, San Francisco) average 0.55-0.6 em for digits and
/// lower case; DejaVu Sans, a common Linux fallback, about 0.64 bold and 0.6
/// regular. These cover all of them, so a label that fits by this count
/// fits on screen.
pub const BOLD_EM: f64 = 0.66;
pub const REGULAR_EM: f64 = 0.6;
/// Above the baseline (capitals and accents) and below it (descenders).
const ASCENT_EM: f64 = 0.8;
const DESCENT_EM: f64 = 0.25;
/// Room kept between text and its box's edge.
pub const TEXT_PAD: f64 = 4.0;
/// Where left-aligned labels (VPC, subnets) start inside their box.
pub const INDENT: f64 = 8.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

impl Anchor {
    pub fn svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        }
    }
}

/// One label: its lines, the first baseline, and how it is aligned.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBlock {
    pub x: f64,
    /// The first line's baseline; each next line is `LINE_GAP` lower.
    pub y: f64,
    pub anchor: Anchor,
    pub size: f64,
    pub lines: Vec<String>,
    /// The first line is bold (the name); the rest are regular.
    pub bold_first: bool,
}

/// How wide one character may be at `size`.
pub fn char_width(size: f64, bold: bool) -> f64 {
    size * if bold { BOLD_EM } else { REGULAR_EM }
}

/// How wide `text` may be drawn at `size`, counted conservatively.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    text.chars().count() as f64 * char_width(size, bold)
}

impl TextBlock {
    /// A box every glyph stays inside, counting `CHAR_EM` per character.
    pub fn bbox(&self) -> Rect {
        let w = self
            .lines
            .iter()
            .enumerate()
            .map(|(k, l)| text_width(l, self.size, k == 0 && self.bold_first))
            .fold(0.0, f64::max);
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
        };
        let top = self.y - ASCENT_EM * self.size;
        let last = self.y + self.lines.len().saturating_sub(1) as f64 * LINE_GAP;
        Rect {
            x,
            y: top,
            w,
            h: last + DESCENT_EM * self.size - top,
        }
    }
}

/// Shortens `text` with an ellipsis so that it fits `room` at `size`.
pub fn fit(text: &str, room: f64, size: f64, bold: bool) -> String {
    let max = (room / char_width(size, bold)).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// `text` if it fits; otherwise without its leading kind word ("SG ",
/// "NAT "), which the accessible name still says, shortened if need be.
pub fn fit_label(text: &str, room: f64, size: f64, bold: bool) -> String {
    if text_width(text, size, bold) <= room {
        return text.to_string();
    }
    let bare = text.split_once(' ').map_or(text, |(_, rest)| rest);
    fit(bare, room, size, bold)
}

impl Kind {
    pub fn font(self) -> f64 {
        match self {
            Kind::Vpc | Kind::Internet => TITLE_FONT,
            _ => FONT,
        }
    }

    /// Labels of the big boxes start at the left, under their top edge;
    /// the rest are centred.
    fn anchor(self) -> Anchor {
        match self {
            Kind::Vpc | Kind::PublicSubnet | Kind::PrivateSubnet => Anchor::Start,
            _ => Anchor::Middle,
        }
    }

    /// How much of a box's width its text may use.
    pub fn text_room(self, w: f64) -> f64 {
        match self.anchor() {
            Anchor::Start => w - INDENT - TEXT_PAD,
            Anchor::Middle => w - 2.0 * TEXT_PAD,
        }
    }
}

/// The first baseline of `lines` lines centred in a box of height `h`.
fn centred_baseline(h: f64, lines: usize, size: f64) -> f64 {
    let block = lines.saturating_sub(1) as f64 * LINE_GAP;
    let mid_of_glyphs = (ASCENT_EM - DESCENT_EM) / 2.0 * size;
    (h - block) / 2.0 + mid_of_glyphs
}

impl Item {
    /// Where the item's text is drawn.
    pub fn text(&self) -> TextBlock {
        let size = self.kind.font();
        let (x, dy) = match self.kind {
            // Under the internet gateway, which sits on the VPC's top edge.
            Kind::Vpc => (self.x + INDENT, 31.0),
            Kind::PublicSubnet | Kind::PrivateSubnet => (self.x + INDENT, 15.0),
            _ => (
                self.x + self.w / 2.0,
                centred_baseline(self.h, self.lines.len(), size),
            ),
        };
        TextBlock {
            x,
            y: self.y + dy,
            anchor: self.kind.anchor(),
            size,
            lines: self.lines.clone(),
            bold_first: !self.kind.is_tag(),
        }
    }

    /// The ✗ drawn on the item's top right corner when it blocks the trace.
    pub fn mark(&self) -> TextBlock {
        TextBlock {
            x: self.x + self.w - 2.0,
            y: self.y + 7.0,
            anchor: Anchor::Middle,
            size: MARK_FONT,
            lines: vec!["✕".into()],
            bold_first: true,
        }
    }

    /// The box of the drawn shape: the internet's ellipse reaches a little
    /// above and below its item box.
    pub fn outline(&self) -> Rect {
        let grow = if self.kind == Kind::Internet {
            4.0
        } else {
            0.0
        };
        Rect {
            x: self.x,
            y: self.y - grow,
            w: self.w,
            h: self.h + 2.0 * grow,
        }
    }
}

impl Column {
    /// The AZ name at the top of the column.
    pub fn label(&self) -> TextBlock {
        TextBlock {
            x: self.x + self.w / 2.0,
            y: self.y + 15.0,
            anchor: Anchor::Middle,
            size: FONT,
            lines: vec![self.title()],
            bold_first: true,
        }
    }
}

/// A caption that is not a component ("Not used by any subnet:").
pub fn caption((x, y, text): &(f64, f64, String)) -> TextBlock {
    TextBlock {
        x: *x,
        y: *y,
        anchor: Anchor::Start,
        size: FONT,
        lines: vec![text.clone()],
        bold_first: false,
    }
}

impl Diagram {
    /// Every label drawn: components, AZ names and captions.
    pub fn labels(&self) -> Vec<TextBlock> {
        // Loops, not a chain of iterators: less code in the module.
        let mut out =
            Vec::with_capacity(self.items.len() + self.columns.len() + self.captions.len());
        for it in &self.items {
            out.push(it.text());
        }
        for c in &self.columns {
            out.push(c.label());
        }
        for c in &self.captions {
            out.push(caption(c));
        }
        out
    }
}
