//! A replay under way: a tour step whose actions the model does in slices
//! (`Undoable::begin`, `Change::Work`), one slice per task.

use super::reducer::PanelReducer;
use crate::state::history::Change;
use crate::{PanelModel, Shared};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Units in a replay's first work slice: small, because the model's code is
/// still cold then.
const FIRST_WORK: u64 = 1_000;
/// What a work slice, with its render, should take: well under the 50 ms
/// long-task line, so that a machine three times slower still stays under.
const WORK_MS: f64 = 8.0;

/// The next work slice's size, from the last one's size and time:
/// proportional, growing at most 1.5-fold a slice.
fn next_work(size: u64, took_ms: f64) -> u64 {
    let want = (size as f64 * WORK_MS / took_ms.max(0.25)) as u64;
    want.clamp(200, (size + size / 2).max(200))
}

/// While `going`, dispatches one `Change::Work` per task, each sized from
/// the time the last one took with its render.
#[hook]
pub fn use_work_slices<M: PanelModel>(
    going: bool,
    present: Shared<M>,
    dispatcher: UseReducerDispatcher<PanelReducer<M>>,
) {
    let work = use_mut_ref(|| (FIRST_WORK, None::<f64>, None::<Timeout>));
    use_effect_with((going, present), move |(going, _)| {
        let mut w = work.borrow_mut();
        // The slice just drawn: its work and its render.
        if let Some(began) = w.1.take() {
            w.0 = next_work(w.0, js_sys::Date::now() - began);
        }
        w.2 = None;
        if *going {
            let work = work.clone();
            w.2 = Some(Timeout::new(0, move || {
                let size = {
                    let mut w = work.borrow_mut();
                    w.1 = Some(js_sys::Date::now());
                    w.0
                };
                dispatcher.dispatch(Change::Work(size));
            }));
        } else {
            w.0 = FIRST_WORK;
        }
    });
}

/// The state the panel's body and comic show, and the body's key. While a
/// replay works in slices they keep what they showed before it began:
/// redrawing the whole panel every slice was most of each slice's time and
/// its long layouts, and the reader watches the working cue meanwhile. The
/// key (the history's jumps) is held likewise, so a tour step that begins
/// its work keeps the body it had rather than making it afresh twice. They
/// catch up once the work is done.
#[hook]
pub fn use_held_view<M: 'static>(going: bool, present: &Shared<M>, jumps: u64) -> (Shared<M>, u64) {
    let held = use_mut_ref(|| None::<(Shared<M>, u64)>);
    let mut held = held.borrow_mut();
    match &*held {
        Some(last) if going => last.clone(),
        _ => {
            let now = (present.clone(), jumps);
            *held = Some(now.clone());
            now
        }
    }
}
