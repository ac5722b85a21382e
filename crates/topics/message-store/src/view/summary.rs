//! One line on what the playground holds: rows, channels (and the one
//! shown), the clock, the scenario it started from, and whether undo is on.

use super::super::state::UNDO_ROW_LIMIT;
use super::channel::label;
use super::format::{count, date_time};
use super::Props;
use yew::prelude::*;

pub fn summary(p: &Props) -> Html {
    let s = &p.state;
    let pg = s.pg();
    let rows = pg.store().row_count() as u64;
    let channels = pg.store().channel_ids().len() as u64;
    let scenario = pg.scenario().map(str::to_string);
    let now = pg.now_ms();
    let generating = pg.workload_progress().is_some();
    drop(pg);
    html! {
        <section role="group" class="card-box ms-summary" aria-label="What the playground holds">
            <dl class="stats">
                <div><dt>{ "Rows stored (deleted ones too, until compaction)" }</dt><dd class="ms-total-rows">{ count(rows) }</dd></div>
                <div><dt>{ "Channels" }</dt><dd>{ count(channels) }</dd></div>
                <div><dt>{ "Channel shown" }</dt><dd class="ms-shown-channel">{ label(s.focus.channel) }</dd></div>
                <div><dt>{ "Clock" }</dt><dd class="ms-clock">{ date_time(now) }</dd></div>
                if let Some(sc) = scenario {
                    <div><dt>{ "Scenario" }</dt><dd>{ sc }</dd></div>
                }
            </dl>
            if let Some(r) = &s.restoring {
                <p class="ms-undo-note" role="status">
                    if generating {
                        { "Restoring the shared link: its generated messages are being made again (see the progress below), then the rest of the link is replayed." }
                    } else {
                        { format!("Restoring the shared link: {} of its {} actions replayed.", r.progress().0, r.progress().1) }
                    }
                </p>
            } else if s.is_big() {
                <p class="ms-undo-note" role="status">
                    { format!("Undo is off while the store holds {} messages, deleted ones too (more than {}); Reset starts over.", count(rows), count(UNDO_ROW_LIMIT as u64)) }
                </p>
            } else if generating {
                <p class="ms-undo-note" role="status">{ "Generating: other changes wait until it finishes or is cancelled." }</p>
            }
        </section>
    }
}
