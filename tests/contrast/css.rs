//! What the contrast checks read: colours and the WCAG arithmetic, and a
//! small parser of the site's hand-written CSS (rules, theme variables).

use std::collections::HashMap;

/// sRGB, each channel in 0..=1.
pub type Rgb = [f64; 3];

/// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` as colour and alpha.
pub fn hex(s: &str) -> Option<(Rgb, f64)> {
    let h = s.trim().strip_prefix('#')?;
    // Short forms repeat each digit: #0003 is #00000033.
    let long: String = match h.len() {
        3 | 4 => h.chars().flat_map(|c| [c, c]).collect(),
        6 | 8 => h.to_string(),
        _ => return None,
    };
    let byte =
        |i: usize| Some(f64::from(u8::from_str_radix(long.get(i..i + 2)?, 16).ok()?) / 255.0);
    let alpha = if long.len() == 8 { byte(6)? } else { 1.0 };
    Some(([byte(0)?, byte(2)?, byte(4)?], alpha))
}

/// WCAG 2.x relative luminance (sRGB linearised; the 0.04045 knee is the
/// sRGB standard's, which WCAG's older 0.03928 matches at 8 bits).
pub fn luminance(c: Rgb) -> f64 {
    let lin = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `fg` at `alpha` over `bg`, blended in sRGB as browsers paint.
pub fn over(fg: Rgb, alpha: f64, bg: Rgb) -> Rgb {
    [0, 1, 2].map(|i| fg[i] * alpha + bg[i] * (1.0 - alpha))
}

/// One CSS rule: its selectors and declarations, in order.
pub struct Rule {
    pub selectors: Vec<String>,
    pub decls: Vec<(String, String)>,
}

/// The innermost rules of a stylesheet (those inside @media too).
pub fn rules(css: &str) -> Vec<Rule> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i..].split_once("*/").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let (mut out, mut start, mut open) = (Vec::new(), 0, None);
    for (i, ch) in text.char_indices() {
        if ch == '{' {
            open = Some((text[start..i].trim(), i + 1));
        } else if ch == '}' {
            if let Some((prelude, body)) = open.take() {
                out.push(Rule {
                    selectors: prelude.split(',').map(|s| s.trim().to_string()).collect(),
                    decls: text[body..i]
                        .split(';')
                        .filter_map(|d| d.split_once(':'))
                        .map(|(p, v)| (p.trim().to_string(), v.trim().to_string()))
                        .collect(),
                });
            }
        } else {
            continue;
        }
        start = i + 1;
    }
    out
}

pub fn stylesheet(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The `--name: #hex` variables of the rule with this selector.
pub fn variables(sheet: &[Rule], selector: &str) -> HashMap<String, Rgb> {
    let rule = sheet
        .iter()
        .find(|r| r.selectors.iter().any(|s| s == selector))
        .unwrap_or_else(|| panic!("no {selector} in style.css"));
    rule.decls
        .iter()
        .filter_map(|(p, v)| Some((p.strip_prefix("--")?.to_string(), hex(v)?.0)))
        .collect()
}

/// The light and dark variable sets. The dark set is written twice (system
/// preference and the explicit toggle); both copies must agree.
pub fn themes() -> [(&'static str, HashMap<String, Rgb>); 2] {
    let sheet = rules(&stylesheet("assets/style.css"));
    let dark = variables(&sheet, ":root[data-theme=\"dark\"]");
    let system = variables(&sheet, ":root:not([data-theme=\"light\"])");
    assert_eq!(dark, system, "the two dark blocks of style.css differ");
    [("light", variables(&sheet, ":root")), ("dark", dark)]
}

/// Colour values name a variable or are hex; `None` for anything else.
pub fn colour(value: &str, vars: &HashMap<String, Rgb>) -> Option<(Rgb, f64)> {
    if let Some(i) = value.find("var(--") {
        let name = &value[i + 6..];
        let name = &name[..name.find([')', ',']).unwrap_or(name.len())];
        let c = *vars.get(name).unwrap_or_else(|| panic!("no --{name}"));
        return Some((c, 1.0));
    }
    value.split_whitespace().find_map(hex)
}

/// `hsl(h s% l%)` as sRGB (CSS Color 4's conversion).
pub fn hsl(h: f64, s: f64, l: f64) -> Rgb {
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}
