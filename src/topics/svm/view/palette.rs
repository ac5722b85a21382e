//! The plot's colours, read from the page's CSS variables at draw time so the
//! canvas follows light and dark mode like the rest of the page.

use super::plot::Palette;
use plotters::style::RGBColor;

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
