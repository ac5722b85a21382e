//! Release controls: start a release (good or bad build), step a minute, play
//! at a chosen speed, run until blocked, approve manual gates, roll back, and
//! cowboy mode.

use super::super::model::Action;
use super::super::state::Field;
use super::rollback::RollbackControl;
use super::seed::SeedField;
use super::Props;
use gloo::timers::callback::Interval;
use techshack_core::widgets::field_error;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Simulated minutes per real second.
const SPEEDS: [u32; 4] = [1, 2, 5, 10];

#[function_component]
pub fn ReleaseControls(props: &Props) -> Html {
    let pg = &props.state.pg;
    let bad_build = use_state(|| false);
    let playing = use_state(|| false);
    let speed = use_state(|| 2u32);
    let uid = &props.uid;

    let release = pg.release();
    let can_play = release.is_some_and(|r| !r.is_finished() && !r.is_waiting_for_approval());

    // Play: a timer dispatching Tick; it stops itself once the release is blocked.
    {
        let dispatch = props.dispatch.clone();
        use_effect_with((*playing, *speed), move |&(on, speed)| {
            let timer =
                on.then(|| Interval::new(1000 / speed.max(1), move || dispatch.emit(Action::Tick)));
            move || drop(timer)
        });
    }
    {
        let playing = playing.clone();
        use_effect_with(can_play, move |&can_play| {
            if !can_play && *playing {
                playing.set(false);
            }
        });
    }

    let act = |a: Action| {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let toggle_bad = {
        let bad_build = bad_build.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                bad_build.set(el.checked());
            }
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            if let Some(el) = e.target_dyn_into::<HtmlSelectElement>() {
                speed.set(el.value().parse().unwrap_or(2));
            }
        })
    };
    let on_play = {
        let playing = playing.clone();
        Callback::from(move |_: MouseEvent| playing.set(!*playing))
    };

    let blocker = pg.release_blocker();
    let waiting = pg.awaiting_approval();
    let refused = props.state.refused(&Field::Release);
    let err_id = format!("{uid}-release-error");

    html! {
        <section role="group" class="card-box pl-release" aria-labelledby={format!("{uid}-release-h")}
            aria-describedby={refused.is_some().then(|| err_id.clone())}>
            <h2 id={format!("{uid}-release-h")}>{ "Release" }</h2>
            <div class="controls">
                <label class="pl-check">
                    <input type="checkbox" checked={*bad_build} onchange={toggle_bad} />
                    { "Bad build (a bug only real traffic hits)" }
                </label>
                <button class="primary" disabled={blocker.is_some()}
                    onclick={act(Action::StartRelease { bad_build: *bad_build })}>
                    { "Start release" }
                </button>
                <button class="pl-danger" disabled={blocker.is_some()}
                    onclick={act(Action::CowboyDeploy { bad_build: *bad_build })}
                    title="Skip the pipeline: every canary and production target at once">
                    { "🤠 Cowboy deploy to production" }
                </button>
            </div>
            if let Some(b) = &blocker {
                <p class="pl-hint">{ format!("Start is blocked: {b}.") }</p>
            }
            <div class="controls">
                <button onclick={act(Action::Tick)}>{ "Step 1 min" }</button>
                <button onclick={on_play} disabled={!can_play && !*playing} aria-pressed={playing.to_string()}>
                    { if *playing { "⏸ Pause" } else { "▶ Play" } }
                </button>
                <label>
                    { "Speed" }
                    <select onchange={on_speed}>
                        { for SPEEDS.iter().map(|s| html! {
                            <option value={s.to_string()} selected={*s == *speed}>
                                { format!("{s} min/s") }
                            </option>
                        }) }
                    </select>
                </label>
                <button onclick={act(Action::RunUntilBlocked)} disabled={!can_play}>
                    { "Run until blocked" }
                </button>
            </div>
            if !waiting.is_empty() {
                <ul class="pl-approvals" aria-label="Manual gates waiting">
                    { for waiting.iter().map(|id| html! {
                        <li>
                            { format!("{id} waits at its manual gate ") }
                            <button class="primary" onclick={act(Action::Approve(id.clone()))}>
                                { format!("Approve {id}") }
                            </button>
                        </li>
                    }) }
                </ul>
            }
            <RollbackControl ..props.clone() />
            <SeedField ..props.clone() />
            { field_error(&err_id, refused) }
        </section>
    }
}
