//! Replays a shared link a part at a time: each heavy action of the link
//! (a burst, a bulk delete, a big read) runs in a task of its own, so
//! opening any link keeps the page responsive (issue 15).

use super::super::state::PanelAction;
use super::Props;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Schedules the next part while a link is being restored and no
/// generation (which has its own slices) is running.
#[hook]
pub fn use_link_replay(p: &Props) {
    let waiting = p.state.restoring.is_some() && !p.state.generating();
    let dispatch = p.dispatch.clone();
    use_effect_with((p.state.version, waiting), move |&(_, waiting)| {
        let timer =
            waiting.then(|| Timeout::new(0, move || dispatch.emit(PanelAction::ResumeLink)));
        move || drop(timer)
    });
}
