//! Opt-in timing of drag frames: when the page defines an array
//! `window.__svmFrameTimes`, each drag frame pushes the milliseconds from its
//! dispatch to the end of its redraw. Nothing is recorded otherwise.

use std::cell::Cell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static STARTED: Cell<Option<f64>> = const { Cell::new(None) };
}

/// `performance.now()`, read without the web-sys `Performance` feature.
pub fn now() -> Option<f64> {
    let window: JsValue = web_sys::window()?.into();
    let perf = js_sys::Reflect::get(&window, &"performance".into()).ok()?;
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &"now".into())
        .ok()?
        .dyn_into()
        .ok()?;
    f.call0(&perf).ok()?.as_f64()
}

fn sink() -> Option<js_sys::Array> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &"__svmFrameTimes".into())
        .ok()?
        .dyn_into()
        .ok()
}

pub fn drag_frame_started() {
    if sink().is_some() {
        STARTED.with(|s| s.set(now()));
    }
}

pub fn frame_drawn() {
    let Some(t0) = STARTED.with(Cell::take) else {
        return;
    };
    if let (Some(t1), Some(out)) = (now(), sink()) {
        out.push(&JsValue::from_f64(t1 - t0));
    }
}
