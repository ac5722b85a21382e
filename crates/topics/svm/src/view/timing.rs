//! Opt-in timing of drag frames: when the page defines an array
//! `window.__svmFrameTimes`, each drag frame pushes the milliseconds from its
//! dispatch to the end of its redraw, and, when it also defines
//! `window.__svmRetrainTimes`, the part of them spent in the reducer (the
//! warm-start retrain), and with `window.__svmPaintTimes` the time the canvas
//! paint itself takes. Nothing is recorded otherwise.

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
    array("__svmFrameTimes")
}

fn array(name: &str) -> Option<js_sys::Array> {
    let window: JsValue = web_sys::window()?.into();
    js_sys::Reflect::get(&window, &name.into())
        .ok()?
        .dyn_into()
        .ok()
}

/// Called when the drag frame's action has been reduced (the reducer runs
/// inside `dispatch`, before the redraw).
pub fn retrained() {
    let Some(t0) = STARTED.with(Cell::get) else {
        return;
    };
    if let (Some(t1), Some(out)) = (now(), array("__svmRetrainTimes")) {
        out.push(&JsValue::from_f64(t1 - t0));
    }
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

/// Records how long a canvas paint that started at `t0` (from `now`) took.
pub fn painted_since(t0: Option<f64>) {
    if STARTED.with(Cell::get).is_none() {
        return;
    }
    if let (Some(t0), Some(t1), Some(out)) = (t0, now(), array("__svmPaintTimes")) {
        out.push(&JsValue::from_f64(t1 - t0));
    }
}
