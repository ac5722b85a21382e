//! SVG text output. Numbers are written with one decimal: hand-drawn lines do
//! not need more, and comics stay small.

use super::num::Tenths as T;
use super::{Anchor, Pen};
use std::fmt::Write;

/// Escapes text for SVG content and attributes, so user text (message bodies,
/// ids) is always shown as text and never parsed as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

pub(super) fn stroke_path(out: &mut String, d: &str, pen: &Pen) {
    let _ = write!(
        out,
        r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round"/>"#,
        escape(&pen.stroke),
        T(pen.width)
    );
}

/// A small plain marker: a circle, or a square when `square`, of radius
/// `r`, filled and outlined with `pen` (no roughness: at a few pixels a
/// hand-drawn outline reads the same and weighs ten times as much).
pub(super) fn marker(out: &mut String, (x, y): (f64, f64), r: f64, square: bool, pen: &Pen) {
    let fill = pen.fill.as_deref().unwrap_or("none");
    let paint = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        escape(fill),
        escape(&pen.stroke),
        T(pen.width)
    );
    let _ = if square {
        write!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
            T(x - r),
            T(y - r),
            T(2.0 * r),
            T(2.0 * r)
        )
    } else {
        write!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}" {paint}/>"#,
            T(x),
            T(y),
            T(r)
        )
    };
}

pub(super) fn filled_polygon(out: &mut String, points: &[(f64, f64)], colour: &str) {
    out.push_str(r#"<path d=""#);
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(
            out,
            "{}{} {} ",
            if i == 0 { "M" } else { "L" },
            T(*x),
            T(*y)
        );
    }
    let _ = write!(out, r#"Z" fill="{}" stroke="none"/>"#, escape(colour));
}

pub(super) fn text(
    out: &mut String,
    (x, y): (f64, f64),
    text: &str,
    size: f64,
    anchor: Anchor,
    colour: &str,
) {
    let anchor = match anchor {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    };
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{}" class="hand">{}</text>"#,
        T(x),
        T(y),
        T(size),
        escape(colour),
        escape(text)
    );
}
