//! The plot's colours, read from the page's CSS variables at draw time so the
//! canvas follows light and dark mode like the rest of the page.

use plotters::style::RGBColor;

/// Colours taken from the page's CSS variables, so the plot follows the theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub bg: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub line: RGBColor,
    pub bad: RGBColor,
    pub focus: RGBColor,
    /// One per class slot; markers add a shape so colour is never alone.
    pub classes: [RGBColor; 5],
}

impl Palette {
    /// The light theme's values, for tests and as a fallback.
    pub fn light() -> Palette {
        Palette {
            bg: RGBColor(0xff, 0xff, 0xff),
            ink: RGBColor(0x1d, 0x1f, 0x24),
            muted: RGBColor(0x55, 0x5b, 0x66),
            line: RGBColor(0xc9, 0xcc, 0xd3),
            bad: RGBColor(0xb3, 0x26, 0x1e),
            focus: RGBColor(0x1a, 0x5f, 0xd0),
            classes: [
                RGBColor(0x1f, 0x5f, 0xb8),
                RGBColor(0xb8, 0x40, 0x1f),
                RGBColor(0x1d, 0x7a, 0x3a),
                RGBColor(0x8a, 0x5a, 0x00),
                RGBColor(0x55, 0x5b, 0x66),
            ],
        }
    }

    pub fn class(&self, slot: usize) -> RGBColor {
        self.classes[slot % self.classes.len()]
    }
}

/// Parses `#rrggbb` or `#rgb` (what style.css uses).
pub fn parse_hex(text: &str) -> Option<RGBColor> {
    let h = text.trim().strip_prefix('#')?;
    let byte = |s: &str| u8::from_str_radix(s, 16).ok();
    match h.len() {
        6 => Some(RGBColor(byte(&h[0..2])?, byte(&h[2..4])?, byte(&h[4..6])?)),
        3 => {
            let d = |i: usize| byte(&h[i..=i]).map(|v| v * 17);
            Some(RGBColor(d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

/// The palette in force for `el`, falling back to the light theme's values.
pub fn read(el: &web_sys::Element) -> Palette {
    let fallback = Palette::light();
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
    else {
        return fallback;
    };
    let get = |name: &str, or: RGBColor| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| parse_hex(&v))
            .unwrap_or(or)
    };
    let f = fallback;
    Palette {
        bg: get("--surface", f.bg),
        ink: get("--ink", f.ink),
        muted: get("--muted", f.muted),
        line: get("--line", f.line),
        bad: get("--bad", f.bad),
        focus: get("--focus", f.focus),
        classes: [
            get("--blue", f.classes[0]),
            get("--accent", f.classes[1]),
            get("--good", f.classes[2]),
            get("--warn", f.classes[3]),
            get("--muted", f.classes[4]),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse() {
        assert_eq!(parse_hex(" #1d1f24"), Some(RGBColor(0x1d, 0x1f, 0x24)));
        assert_eq!(parse_hex("#fff"), Some(RGBColor(255, 255, 255)));
        assert_eq!(parse_hex("rgb(1,2,3)"), None);
        assert_eq!(parse_hex("#12345"), None);
    }
}
