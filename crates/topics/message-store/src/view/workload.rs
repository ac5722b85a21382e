//! The workload generator: a seeded million messages, made in slices between
//! which the page stays responsive. Each slice is sized from the last one's
//! time so it stays near `TARGET_MS`, starting small because a fresh wasm
//! instance runs slowly at first.

use super::super::state::{Field, PanelAction};
use super::field::{first_error, on_draft, parse_u32, parse_u64, TextField};
use super::format::count;
use super::Props;
use gloo::timers::callback::Timeout;
use std::collections::HashMap;
use techshack_core::sketch::{Tenths, Whole};
use techshack_core::widgets::field_error;
use yew::prelude::*;

/// Messages in the first slice: small, because the generator's code is still
/// cold then and its first reservations grow the wasm memory.
pub const FIRST_SLICE: u64 = 1_000;
/// What a slice's generation should take. Well under the 50 ms long-task
/// line, so that a slice slowed three- or fourfold by a busy machine (or a
/// garbage collection landing in it) still stays under it.
pub const TARGET_MS: f64 = 8.0;

/// The next slice size, from the last one's size and time: proportional,
/// but growing at most 1.5-fold per slice so one fast slice cannot overshoot
/// (a fresh wasm instance speeds up unevenly while V8 optimises it).
pub fn next_slice(size: u64, took_ms: f64) -> u64 {
    let rate = size as f64 / took_ms.max(0.25);
    let want = (rate * TARGET_MS) as u64;
    want.clamp(500, (size + size / 2).max(500)).min(250_000)
}

#[derive(Default)]
struct Driver {
    slice: u64,
    timer: Option<Timeout>,
    /// When the running slice started (ms), until its render is measured.
    slice_start: Option<f64>,
    longest_ms: f64,
    slices: u32,
    started: f64,
    elapsed_ms: f64,
    /// Size of the slice being measured.
    size: u64,
    /// The slowest slices as (size, ms): generation alone, and with render.
    slow_apply: Vec<(u64, f64)>,
    slow_total: Vec<(u64, f64)>,
    /// Every slice as `size:ms` (generation alone), for the e2e report.
    log: Vec<String>,
}

/// Keeps the three slowest (size, ms) entries.
fn keep_slowest(list: &mut Vec<(u64, f64)>, entry: (u64, f64)) {
    list.push(entry);
    list.sort_by(|a, b| b.1.total_cmp(&a.1));
    list.truncate(3);
}

fn slowest_text(list: &[(u64, f64)]) -> String {
    list.iter()
        .map(|(n, ms)| format!("{n}:{}", Whole(*ms)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn now() -> f64 {
    js_sys::Date::now()
}

#[function_component]
pub fn Workload(p: &Props) -> Html {
    let s = &p.state;
    let seed = use_state(|| "2017".to_string());
    let messages = use_state(|| "1000000".to_string());
    let channels = use_state(|| "5000".to_string());
    let local = use_state(HashMap::<&'static str, String>::new);
    let driver = use_mut_ref(Driver::default);
    let running = s.pg().workload_progress();

    // After every render: close the measurement of the slice just drawn and,
    // while the generation runs, schedule the next slice as a new task.
    {
        let driver = driver.clone();
        let dispatch = p.dispatch.clone();
        let going = running.is_some();
        use_effect_with(s.version, move |_| {
            let mut d = driver.borrow_mut();
            if going && d.slice == 0 {
                // A generation this view did not start (a link being restored).
                d.slice = FIRST_SLICE;
                d.started = now();
            }
            if let Some(t0) = d.slice_start.take() {
                let took = now() - t0;
                d.longest_ms = d.longest_ms.max(took);
                d.elapsed_ms = now() - d.started;
                let size = d.size;
                keep_slowest(&mut d.slow_total, (size, took));
            }
            if going && d.timer.is_none() {
                let driver = driver.clone();
                d.timer = Some(Timeout::new(0, move || {
                    let size = {
                        let mut d = driver.borrow_mut();
                        d.timer = None;
                        d.slice_start = Some(now());
                        d.size = d.slice.max(500);
                        d.size
                    };
                    let t0 = now();
                    dispatch.emit(PanelAction::WorkloadStep(size));
                    let took = now() - t0;
                    let mut d = driver.borrow_mut();
                    d.slice = next_slice(size, took);
                    d.slices += 1;
                    keep_slowest(&mut d.slow_apply, (size, took));
                    d.log.push(format!("{size}:{}", Whole(took)));
                }));
            } else if !going {
                d.timer = None;
            }
        });
    }

    let start = {
        let (p, seed, messages, channels, local, driver) = (
            p.clone(),
            seed.clone(),
            messages.clone(),
            channels.clone(),
            local.clone(),
            driver.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sd = parse_u64("Seed", &seed);
            let m = parse_u64("Messages", &messages);
            let c = parse_u32("Channels", &channels, 1, 100_000);
            let mut errs = HashMap::new();
            for (k, r) in [
                ("seed", sd.as_ref().err()),
                ("messages", m.as_ref().err()),
                ("channels", c.as_ref().err()),
            ] {
                if let Some(e) = r {
                    errs.insert(k, e.clone());
                }
            }
            local.set(errs);
            if let (Ok(seed), Ok(messages), Ok(channels)) = (sd, m, c) {
                *driver.borrow_mut() = Driver {
                    slice: FIRST_SLICE,
                    started: now(),
                    ..Driver::default()
                };
                p.dispatch.emit(PanelAction::BeginWorkload {
                    seed,
                    messages,
                    channels,
                });
            }
        })
    };
    let cancel = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(PanelAction::CancelWorkload))
    };

    let shown = running.or(s.workload_end.map(|e| e.progress));
    let d = driver.borrow();
    let (longest, slices, elapsed) = (d.longest_ms, d.slices, d.elapsed_ms);
    let (slow_apply, slow_total) = (slowest_text(&d.slow_apply), slowest_text(&d.slow_total));
    let slice_log = d.log.join(" ");
    drop(d);
    let err = |key: &'static str, field: Field| first_error(local.get(key), s.refused(&field));
    let is_running = running.is_some();
    let finishing = running.is_some_and(|r| r.done >= r.total);
    html! {
        <section role="group" class="card-box ms-workload" aria-labelledby={p.id("wl-h")}>
            <h2 id={p.id("wl-h")}>{ "Workload generator" }</h2>
            <p class="ms-hint">{ "Seeded Discord-like traffic over the past year: a few busy channels, many quiet ones, bursts, some edits and deletes. Generated in slices so the page stays responsive." }</p>
            <form class="controls" onsubmit={start}>
                <TextField id={p.id("wl-seed")} label="Seed" value={(*seed).clone()} oninput={on_draft(&seed)} numeric=true class="ms-num"
                    error={first_error(local.get("seed"), None)} disabled={is_running} />
                <TextField id={p.id("wl-messages")} label="Messages" value={(*messages).clone()} oninput={on_draft(&messages)} numeric=true class="ms-num"
                    error={err("messages", Field::Messages)} disabled={is_running} />
                <TextField id={p.id("wl-channels")} label="Channels" value={(*channels).clone()} oninput={on_draft(&channels)} numeric=true class="ms-num"
                    error={err("channels", Field::Channels)} disabled={is_running} />
                <button type="submit" class="primary" disabled={is_running}>{ "Generate" }</button>
                <button type="button" onclick={cancel} disabled={!is_running}>{ "Cancel" }</button>
            </form>
            { field_error(&p.id("wl-error"), s.refused(&Field::Workload)) }
            if let Some(pr) = shown {
                <div class="ms-progress-row">
                    <progress class="progress ms-progress" max={pr.total.max(1).to_string()} value={pr.done.to_string()}
                        aria-label="Messages generated" aria-valuemin="0" aria-valuemax={pr.total.to_string()}
                        aria-valuenow={pr.done.to_string()}
                        data-longest-slice-ms={Tenths(longest).to_string()} data-slices={slices.to_string()}
                        data-slowest-generation={slow_apply} data-slowest-with-render={slow_total} data-slice-log={slice_log} />
                    <span class="ms-progress-text" role="status">
                        { format!("{} / {}", count(pr.done), count(pr.total)) }
                        // All made but not yet ended: the panel still refuses
                        // other changes for a step or two, so it does not say done.
                        if finishing { { " · finishing" } }
                    </span>
                </div>
                <p class="ms-hint ms-progress-detail">
                    { match (is_running, s.workload_end) {
                        (true, _) => format!("{slices} slices so far; longest slice with its render {} ms.", Tenths(longest)),
                        (false, Some(e)) if e.cancelled => format!("Cancelled at {} of {}; those messages stay (a link does not include them).", count(e.progress.done), count(e.progress.total)),
                        (false, Some(e)) => format!("Done: {} messages ({} edits, {} deletes) in {} s over {slices} slices; longest slice with its render {} ms.",
                            count(e.progress.done), count(e.progress.edits), count(e.progress.deletes), Tenths(elapsed / 1000.0), Tenths(longest)),
                        _ => String::new(),
                    } }
                </p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_aim_for_the_target_and_grow_gently() {
        assert_eq!(
            next_slice(2000, 48.0),
            500,
            "a slow first slice shrinks the next"
        );
        assert_eq!(next_slice(2000, 1.0), 3000, "growth is at most 1.5-fold");
        assert_eq!(next_slice(100_000, TARGET_MS), 100_000);
        assert_eq!(next_slice(100_000, 2.0 * TARGET_MS), 50_000);
        assert_eq!(next_slice(200_000, 1.0), 250_000, "capped");
    }
}
