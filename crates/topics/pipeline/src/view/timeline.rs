//! The release timeline: every event of the current release, newest first.

use super::Props;
use yew::prelude::*;

/// Events listed at most; a long release keeps its newest.
const MAX_EVENTS: usize = 200;

pub fn timeline(props: &Props) -> Html {
    let pg = &props.state.pg;
    let events: Vec<String> = pg
        .release()
        .map(|r| {
            r.events()
                .iter()
                .rev()
                .take(MAX_EVENTS)
                .map(|e| e.describe(pg.pipeline()))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <section role="group" class="card-box pl-timeline-box" aria-labelledby={format!("{}-timeline-h", props.uid)}>
            <h2 id={format!("{}-timeline-h", props.uid)}>{ "Timeline" }</h2>
            if events.is_empty() {
                <p class="pl-hint">{ "Start a release to see what happens, minute by minute." }</p>
            } else {
                <ul class="pl-timeline scroll" tabindex="0" aria-label="Release events, newest first">
                    { for events.into_iter().map(|e| html! { <li>{ e }</li> }) }
                </ul>
            }
        </section>
    }
}
