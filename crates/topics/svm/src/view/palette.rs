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

    /// The palette from the page's variables (`--surface` and so on), each
    /// missing one taken from the light theme.
    pub fn from_vars(get: impl Fn(&str) -> Option<RGBColor>) -> Palette {
        let f = Palette::light();
        let get = |name: &str, or: RGBColor| get(name).unwrap_or(or);
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

    pub fn class(&self, slot: usize) -> RGBColor {
        self.classes[slot % self.classes.len()]
    }

    /// How strongly the decision shading tints the background (1 in the
    /// light theme). On a dark ground the tint lightens it towards the bright
    /// class colours, closing the gap to the light lines and rings drawn over
    /// it; at three quarters every mark keeps 3:1 (see the tests below).
    pub fn shade_strength(&self) -> f64 {
        if luminance(self.bg) < 0.18 {
            0.75
        } else {
            1.0
        }
    }
}

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
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
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(el).ok().flatten())
    else {
        return Palette::light();
    };
    Palette::from_vars(|name| {
        style
            .get_property_value(name)
            .ok()
            .and_then(|v| parse_hex(&v))
    })
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

/// Issue 16: the plot's marks keep WCAG 2.1 AA non-text contrast (3:1, SC
/// 1.4.11) against everything they are drawn on, in both themes. The
/// palettes are built from assets/style.css as `read` builds them in the page.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod contrast {
    use super::super::shading::{band_tone, class_tone, BANDS};
    use super::*;

    const STYLE: &str = include_str!("../../../../../assets/style.css");

    /// WCAG contrast ratio, 1 to 21.
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// The palette from the `--name: #hex` variables of the block opened by `head`.
    fn theme(head: &str) -> Palette {
        let at = STYLE.find(head).unwrap_or_else(|| panic!("no {head}")) + head.len();
        let block = &STYLE[at..at + STYLE[at..].find('}').unwrap()];
        let vars: Vec<(&str, RGBColor)> = block
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .filter_map(|(n, v)| Some((n.trim(), parse_hex(v)?)))
            .collect();
        assert!(vars.len() > 10, "{head}: {vars:?}");
        Palette::from_vars(|name| vars.iter().find(|v| v.0 == name).map(|v| v.1))
    }

    fn themes() -> [(&'static str, Palette); 2] {
        [
            ("light", theme(":root, :host {")),
            ("dark", theme(":root[data-theme=\"dark\"] {")),
        ]
    }

    #[test]
    fn the_fallback_is_the_light_theme() {
        assert_eq!(Palette::light(), themes()[0].1);
        assert_ne!(themes()[1].1, themes()[0].1);
    }

    #[test]
    fn marks_keep_3_to_1_on_every_shade_in_both_themes() {
        let mut bad = Vec::new();
        for (name, pal) in themes() {
            // Every colour the shading can paint (two-class bands, multi-class
            // regions; the canvas smooths between neighbouring bands, which
            // stays within this range), and the plain background.
            let mut grounds = vec![pal.bg];
            for slot in 0..pal.classes.len() {
                grounds.extend((0..=BANDS).map(|band| band_tone(&pal, slot, band)));
                grounds.push(class_tone(&pal, slot));
            }
            // Lines and rings lie on the shading directly. (The axes, in
            // --line, are a faint guide, not data, and are left out.)
            let lines = [
                ("boundary and free rings", pal.ink),
                ("margins", pal.muted),
                ("slacks and bounded rings", pal.bad),
                ("working pair and cursor", pal.focus),
            ];
            for (what, c) in lines {
                for &g in &grounds {
                    let r = contrast(c, g);
                    if r < 3.0 {
                        bad.push(format!("{name}: {what} {c:?} on {g:?}: {r:.2}"));
                    }
                }
            }
            // Point markers sit on a halo or outline in the background colour
            // (plot.rs `marker`), so that is what each class colour meets.
            for (slot, &c) in pal.classes.iter().enumerate() {
                let r = contrast(c, pal.bg);
                if r < 3.0 {
                    bad.push(format!("{name}: class {slot} marker {c:?}: {r:.2}"));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn contrast_is_wcag_s() {
        let (w, b) = (RGBColor(255, 255, 255), RGBColor(0, 0, 0));
        assert!((contrast(w, b) - 21.0).abs() < 1e-9);
        assert!((contrast(RGBColor(0x76, 0x76, 0x76), w) - 4.54).abs() < 0.01);
    }
}
