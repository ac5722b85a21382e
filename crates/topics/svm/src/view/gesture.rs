//! Pointer gestures on the plot: press on empty space adds a point, press and
//! move drags one (redrawn once per animation frame, one undo step per drag),
//! right-click or a touch long-press deletes. On touch, empty space adds a
//! point on lift, and only if the finger stayed put: a vertical swipe scrolls
//! the page (the canvas allows `pan-y`) and adds nothing.

use super::super::model::{Action, Point};
use super::super::state::PanelAction;
use super::timing;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

/// How long a touch must rest on a point to delete it.
pub const LONG_PRESS_MS: u32 = 500;
/// Movement (CSS px) that turns a press into a drag.
const DRAG_SLOP: f64 = 4.0;
/// Movement (CSS px) after which a touch on empty space is not a tap.
const TAP_SLOP: f64 = 10.0;

/// A touch on empty space, which adds a point if it lifts where it landed.
struct Tap {
    pointer: i32,
    start: (f64, f64),
    add: (f64, f64, bool),
}

struct Press {
    pointer: i32,
    index: usize,
    start: (f64, f64),
    moving: bool,
}

/// The gesture in progress, shared between event handlers and frame callbacks.
#[derive(Default)]
pub struct Gesture {
    press: Option<Press>,
    tap: Option<Tap>,
    /// The latest drag target, delivered on the next animation frame.
    pending: Option<(usize, f64, f64)>,
    frame_requested: bool,
    /// Whether this drag has already opened its undo step.
    opened: bool,
    long_press: Option<Timeout>,
    /// Set on pointer down, so the focus it causes does not show the keyboard cross.
    pub pointer_focus: bool,
}

pub type SharedGesture = Rc<RefCell<Gesture>>;

/// A pointer position in CSS pixels and in data coordinates.
pub struct At {
    pub css: (f64, f64),
    pub data: (f64, f64),
    /// CSS pixels per data unit.
    pub per_unit: f64,
}

pub fn locate(e: &web_sys::MouseEvent, canvas: &web_sys::Element) -> Option<At> {
    let rect = canvas.get_bounding_client_rect();
    let (w, h) = (rect.width(), rect.height());
    if w <= 0.0 || h <= 0.0 {
        return None;
    }
    let css = (
        f64::from(e.client_x()) - rect.left(),
        f64::from(e.client_y()) - rect.top(),
    );
    Some(At {
        css,
        data: (-1.0 + 2.0 * css.0 / w, 1.0 - 2.0 * css.1 / h),
        per_unit: w / 2.0,
    })
}

/// The point nearest `at` (data coordinates) within `radius` data units.
pub fn nearest(points: &[Point], at: (f64, f64), radius: f64) -> Option<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| (i, (p.x - at.0).powi(2) + (p.y - at.1).powi(2)))
        .filter(|(_, d)| *d <= radius * radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The point under the pointer, within a cursor's or a finger's reach.
pub fn point_under(e: &web_sys::PointerEvent, at: &At, points: &[Point]) -> Option<usize> {
    let reach = if e.pointer_type() == "mouse" {
        10.0
    } else {
        18.0
    };
    nearest(points, at.data, reach / at.per_unit)
}

fn clamp_data((x, y): (f64, f64)) -> (f64, f64) {
    (x.clamp(-1.0, 1.0), y.clamp(-1.0, 1.0))
}

/// Sends the pending drag target, opening the undo step on the first frame.
fn deliver(g: &SharedGesture, dispatch: &Callback<PanelAction>) {
    let (target, first) = {
        let mut s = g.borrow_mut();
        s.frame_requested = false;
        let Some(t) = s.pending.take() else { return };
        let first = !s.opened;
        s.opened = true;
        (t, first)
    };
    let (index, x, y) = target;
    let action = Action::MovePoint { index, x, y };
    timing::drag_frame_started();
    dispatch.emit(if first {
        PanelAction::Do(action)
    } else {
        PanelAction::Continue(action)
    });
    timing::retrained();
}

fn request_frame(g: &SharedGesture, dispatch: &Callback<PanelAction>) {
    if g.borrow().frame_requested {
        return;
    }
    let Some(window) = web_sys::window() else {
        deliver(g, dispatch);
        return;
    };
    g.borrow_mut().frame_requested = true;
    let (g2, d2) = (g.clone(), dispatch.clone());
    let cb = Closure::once_into_js(move || deliver(&g2, &d2));
    if window.request_animation_frame(cb.unchecked_ref()).is_err() {
        deliver(g, dispatch);
    }
}

/// What a pointer down did, for the caller to act on.
pub enum Down {
    Add { x: f64, y: f64, shift: bool },
    Remove(usize),
    Grab,
    Ignore,
}

pub fn pointer_down(
    g: &SharedGesture,
    e: &web_sys::PointerEvent,
    canvas: &web_sys::Element,
    points: &[Point],
    dispatch: &Callback<PanelAction>,
) -> Down {
    g.borrow_mut().pointer_focus = true;
    let Some(at) = locate(e, canvas) else {
        return Down::Ignore;
    };
    let touch = e.pointer_type() != "mouse";
    let hit = point_under(e, &at, points);
    match e.button() {
        2 => return hit.map_or(Down::Ignore, Down::Remove),
        0 => {}
        _ => return Down::Ignore,
    }
    let Some(index) = hit else {
        let (x, y) = clamp_data(at.data);
        if touch {
            g.borrow_mut().tap = Some(Tap {
                pointer: e.pointer_id(),
                start: at.css,
                add: (x, y, e.shift_key()),
            });
            return Down::Ignore;
        }
        return Down::Add {
            x,
            y,
            shift: e.shift_key(),
        };
    };
    let _ = canvas.set_pointer_capture(e.pointer_id());
    let mut s = g.borrow_mut();
    s.press = Some(Press {
        pointer: e.pointer_id(),
        index,
        start: at.css,
        moving: false,
    });
    s.opened = false;
    s.long_press = touch.then(|| {
        let (g2, d2) = (g.clone(), dispatch.clone());
        Timeout::new(LONG_PRESS_MS, move || {
            let still = {
                let mut s = g2.borrow_mut();
                s.long_press = None;
                match &s.press {
                    Some(p) if !p.moving => s.press.take().map(|p| p.index),
                    _ => None,
                }
            };
            if let Some(index) = still {
                d2.emit(PanelAction::Do(Action::RemovePoint { index }));
            }
        })
    });
    Down::Grab
}

pub fn pointer_move(
    g: &SharedGesture,
    e: &web_sys::PointerEvent,
    canvas: &web_sys::Element,
    dispatch: &Callback<PanelAction>,
) {
    let Some(at) = locate(e, canvas) else { return };
    {
        let mut s = g.borrow_mut();
        let strayed = s.tap.as_ref().is_some_and(|t| {
            t.pointer == e.pointer_id()
                && (at.css.0 - t.start.0).hypot(at.css.1 - t.start.1) > TAP_SLOP
        });
        if strayed {
            s.tap = None;
        }
        let Some(p) = s.press.as_mut().filter(|p| p.pointer == e.pointer_id()) else {
            return;
        };
        if !p.moving {
            let d = (at.css.0 - p.start.0).hypot(at.css.1 - p.start.1);
            if d < DRAG_SLOP {
                return;
            }
            p.moving = true;
        }
        let index = p.index;
        s.long_press = None;
        let (x, y) = clamp_data(at.data);
        s.pending = Some((index, x, y));
    }
    request_frame(g, dispatch);
}

/// Ends the press: a drag's last position is delivered at once. Returns the
/// point a touch tap adds (none when the browser cancelled it to scroll).
pub fn pointer_up(
    g: &SharedGesture,
    e: &web_sys::PointerEvent,
    dispatch: &Callback<PanelAction>,
) -> Option<(f64, f64, bool)> {
    let tap = {
        let mut s = g.borrow_mut();
        match s.tap.take() {
            Some(t) if t.pointer == e.pointer_id() => Some(t),
            other => {
                s.tap = other;
                None
            }
        }
    };
    if let Some(t) = tap {
        return (e.type_() == "pointerup").then_some(t.add);
    }
    let ours = {
        let s = g.borrow();
        s.press
            .as_ref()
            .is_some_and(|p| p.pointer == e.pointer_id())
    };
    if !ours {
        return None;
    }
    deliver(g, dispatch);
    let mut s = g.borrow_mut();
    s.press = None;
    s.long_press = None;
    s.opened = false;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_the_closest_point_within_reach() {
        let pts = [Point::new(0.0, 0.0, 1), Point::new(0.1, 0.0, -1)];
        assert_eq!(nearest(&pts, (0.07, 0.0), 0.05), Some(1));
        assert_eq!(nearest(&pts, (0.5, 0.5), 0.05), None);
        assert_eq!(nearest(&pts, (0.5, 0.5), f64::INFINITY), Some(1));
        assert_eq!(nearest(&[], (0.0, 0.0), 1.0), None);
    }
}
