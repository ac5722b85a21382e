//! A QR code of a link, as SVG: black modules on white with the standard
//! 4-module quiet zone, one `path` of unit squares, so it scales crisply on a
//! projector and any phone camera reads it whatever the site's theme.
//! Error correction M (15%): a projected code survives glare and a low
//! camera; the longest link it takes is about 2 300 bytes.

use qrcode::{Color, EcLevel, QrCode};
use wasm_bindgen::prelude::*;

/// The quiet zone around the code, in modules, as the standard asks.
const QUIET: usize = 4;

/// The QR code of `text` as an SVG document, labelled for screen readers
/// with what it links to; or why it cannot be drawn.
pub fn qr_svg(text: &str) -> Result<String, String> {
    let code =
        QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|e| match e {
            qrcode::types::QrError::DataTooLong => format!(
                "the link is too long for a QR code ({} characters; about 2 300 fit)",
                text.len()
            ),
            other => format!("no QR code for this link ({other})"),
        })?;
    let width = code.width();
    let size = width + 2 * QUIET;
    let mut path = String::with_capacity(width * width * 4);
    for (k, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (k % width + QUIET, k / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Ok(format!(
        concat!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of {label}\">",
            "<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>",
            "<path fill=\"#000\" d=\"{path}\"/></svg>"
        ),
        size = size,
        label = escape(text),
        path = path
    ))
}

/// `qr_svg` for the page: the SVG, or an error whose message says why.
#[wasm_bindgen(js_name = qrSvg)]
pub fn qr_svg_js(text: &str) -> Result<String, JsError> {
    qr_svg(text).map_err(|e| JsError::new(&e))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
