//! Keeping the table healthy: gc_grace_seconds, the clock, compaction, and
//! Discord's two read-side fixes (the empty-bucket cache and deleting rows
//! left with a null author).

use super::super::model::store::{DEFAULT_GC_GRACE_SECONDS, DISCORD_GC_GRACE_SECONDS};
use super::super::model::{Action, Outcome};
use super::super::state::Field;
use super::field::{checked_of, first_error, on_draft, parse_u64, TextField};
use super::format::{bytes, count, date_time, duration};
use super::Props;
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

/// The grace choices offered: Cassandra's default first.
pub const GRACE_CHOICES: [(u32, &str); 4] = [
    (
        DEFAULT_GC_GRACE_SECONDS,
        "864000 s: 10 days (Cassandra's default)",
    ),
    (
        DISCORD_GC_GRACE_SECONDS,
        "172800 s: 2 days (Discord, with nightly repair)",
    ),
    (3_600, "3600 s: 1 hour"),
    (0, "0 s: drop tombstones at once (risky)"),
];

#[function_component]
pub fn Upkeep(p: &Props) -> Html {
    let s = &p.state;
    let pg = s.pg();
    let cfg = *pg.store().config();
    let now = pg.now_ms();
    let compacted = match pg.outcome() {
        Outcome::Compacted {
            store,
            cluster_tombstones_purged,
        } => Some((*store, *cluster_tombstones_purged)),
        _ => None,
    };
    let cached = pg.store().empty_cache().len();
    drop(pg);
    let seconds = use_state(|| "86400".to_string());
    let local = use_state(|| None::<String>);

    let on_grace = {
        let p = p.clone();
        Callback::from(move |e: Event| {
            if let Ok(v) = value_of(&e).parse::<u32>() {
                p.act(Action::SetGrace(v));
            }
        })
    };
    let advance = {
        let (p, seconds, local) = (p.clone(), seconds.clone(), local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse_u64("Seconds", &seconds) {
                Ok(v) => {
                    local.set(None);
                    p.act(Action::AdvanceClock { seconds: v });
                }
                Err(m) => local.set(Some(m)),
            }
        })
    };
    let toggle = |make: fn(bool) -> Action| {
        let p = p.clone();
        Callback::from(move |e: Event| p.act(make(checked_of(&e))))
    };
    let known = GRACE_CHOICES
        .iter()
        .any(|(g, _)| *g == cfg.gc_grace_seconds);
    let grace_id = p.id("grace");
    let grace_err = s.refused(&Field::Grace);
    html! {
        <section role="group" class="card-box ms-upkeep" aria-labelledby={p.id("up-h")}>
            <h2 id={p.id("up-h")}>{ "Tombstones, grace and compaction" }</h2>
            <div class="controls">
                <div class="ms-field">
                    <label for={grace_id.clone()}>{ "gc_grace_seconds" }</label>
                    <select id={grace_id.clone()} onchange={on_grace} aria-invalid={grace_err.is_some().to_string()}
                        aria-describedby={grace_err.is_some().then(|| format!("{grace_id}-error"))}>
                        if !known {
                            <option value={cfg.gc_grace_seconds.to_string()} selected=true>{ format!("{} s ({})", cfg.gc_grace_seconds, duration(cfg.gc_grace_seconds as u64)) }</option>
                        }
                        { for GRACE_CHOICES.iter().map(|(g, label)| html! {
                            <option value={g.to_string()} selected={*g == cfg.gc_grace_seconds}>{ *label }</option>
                        }) }
                    </select>
                    { field_error(&format!("{grace_id}-error"), grace_err) }
                </div>
                <form class="ms-inline-form" onsubmit={advance}>
                    <TextField id={p.id("advance")} label="Advance the clock by (seconds)" value={(*seconds).clone()}
                        oninput={on_draft(&seconds)} numeric=true class="ms-num"
                        error={first_error((*local).as_ref(), s.refused(&Field::Clock))} />
                    <button type="submit">{ "Advance clock" }</button>
                </form>
                <div class="ms-quick" role="group" aria-label="Advance the clock quickly">
                    <button type="button" onclick={p.send::<MouseEvent>(Action::AdvanceClock { seconds: 3600 })}>{ "+1 hour" }</button>
                    <button type="button" onclick={p.send::<MouseEvent>(Action::AdvanceClock { seconds: 86_400 })}>{ "+1 day" }</button>
                    <button type="button" onclick={p.send::<MouseEvent>(Action::AdvanceClock { seconds: 864_000 })}>{ "+10 days" }</button>
                </div>
                <button type="button" class="primary" onclick={p.send::<MouseEvent>(Action::Compact)}>{ "Compact" }</button>
            </div>
            <p class="ms-hint">
                { format!("Clock: {}. A tombstone can be dropped by compaction once it is older than {} ({}).",
                    date_time(now), duration(cfg.gc_grace_seconds as u64), cfg.gc_grace_seconds) }
            </p>
            <div class="controls">
                <label class="ms-check">
                    <input type="checkbox" checked={cfg.empty_bucket_cache} onchange={toggle(Action::EnableEmptyBucketCache)} />
                    { format!("Empty-bucket cache ({} ranges remembered)", count(cached)) }
                </label>
                <label class="ms-check">
                    <input type="checkbox" checked={cfg.repair_null_authors} onchange={toggle(Action::RepairNullAuthors)} />
                    { "Delete rows with a null author on read" }
                </label>
            </div>
            { field_error(&p.id("up-error"), s.refused(&Field::Upkeep)) }
            if let Some((r, cluster)) = compacted {
                <p class="ms-done" role="status">
                    { format!("Compaction dropped {} tombstones and {} rows for good ({} partition tombstones); text {} → {}. The cluster's nodes dropped {} tombstones.",
                        count(r.tombstones_purged), count(r.rows_dropped), r.partition_tombstones_purged,
                        bytes(r.text_bytes_before), bytes(r.text_bytes_after), count(cluster)) }
                </p>
            }
        </section>
    }
}
