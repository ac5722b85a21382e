//! Techshack Live: interactive explainers for EnqueueZero Techshack 2019-01.
//!
//! Layers, from the bottom: `topics::*::model` (pure Rust, natively tested),
//! `state` and `tour` (pure plumbing shared by all panels), `sketch` (the seeded
//! hand-drawn SVG renderer), `topics::*` views (Yew components over a reducer),
//! `app` (the site shell and the generic panel frame) and `embed` (the JS API).
//! See ARCHITECTURE.md.

pub mod app;
pub mod embed;
pub mod sketch;
pub mod state;
pub mod topics;
pub mod tour;

use wasm_bindgen::prelude::*;

/// The attribute that marks the site's root element in `index.html`. Host
/// pages that only embed panels do not have it, so loading the module there
/// mounts nothing until they call `mount`.
pub const SITE_ROOT_ATTR: &str = "data-techshack-site";

#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| {
        d.query_selector(&format!("[{SITE_ROOT_ATTR}]"))
            .ok()
            .flatten()
    });
    if let Some(root) = root {
        yew::Renderer::<app::Site>::with_root(root).render();
    }
}
