//! Step mode: the solver from α = 0, one SMO iteration at a time. Shows the
//! working pair (also ringed on the plot), the gap falling, the objective and
//! both α before and after. Play ticks continue the current undo step.

use super::super::model::solver::SolverConfig;
use super::super::model::Action;
use super::super::state::{Field, PanelAction};
use super::format::{label, num};
use super::gap_chart;
use super::Props;
use gloo::timers::callback::Interval;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Play speeds in SMO iterations per second.
const SPEEDS: [u32; 4] = [2, 5, 15, 60];

#[function_component]
pub fn StepMode(p: &Props) -> Html {
    let pg = &p.state.pg;
    let session = pg.stepping();
    let active = session.is_some_and(|s| !s.is_finished());
    let playing = use_state(|| false);
    let speed = use_state(|| 5u32);
    let id = |s: &str| format!("{}-{s}", p.uid);

    {
        let (d, playing) = (p.dispatch.clone(), playing.clone());
        use_effect_with((*playing, *speed, active), move |&(on, speed, active)| {
            if on && !active {
                playing.set(false);
            }
            let timer = (on && active).then(|| {
                Interval::new(1000 / speed.max(1), move || {
                    d.emit(PanelAction::Continue(Action::Step(1)))
                })
            });
            move || drop(timer)
        });
    }

    let act = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(PanelAction::Do(a.clone())))
    };
    let toggle_play = {
        let playing = playing.clone();
        Callback::from(move |_| playing.set(!*playing))
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = el.value().parse() {
                speed.set(v);
            }
        })
    };

    let body = match session {
        None => html! {
            <>
                <p class="svm-note">{ "Restart the solver from α = 0 on these points and watch SMO change two α at a time." }</p>
                <button type="button" class="primary" onclick={act(Action::StepStart)}>{ "Start step mode" }</button>
            </>
        },
        Some(s) => {
            let (iterations, gap) = s.progress();
            let total = iterations;
            let history: Vec<_> = s.history().collect();
            let first = (total + 1).saturating_sub(history.len());
            let gaps: Vec<(usize, f64)> = history
                .iter()
                .enumerate()
                .map(|(k, h)| (first + k, h.info.gap))
                .collect();
            let tol = SolverConfig::default().eps;
            let last = s.last();
            let point = |i: usize| {
                pg.points()
                    .get(i)
                    .map_or_else(String::new, |q| format!("#{i} (class {})", label(q.label)))
            };
            html! {
                <>
                    <div class="controls">
                        <button type="button" onclick={act(Action::Step(1))} disabled={!active}>{ "Step" }</button>
                        <button type="button" onclick={act(Action::Step(10))} disabled={!active}>{ "Step ×10" }</button>
                        <button type="button" onclick={toggle_play} disabled={!active} aria-pressed={(*playing).to_string()}>
                            { if *playing { "⏸ Pause" } else { "▶ Play" } }
                        </button>
                        <label class="svm-inline">
                            { "Speed " }
                            <select onchange={on_speed}>
                                { for SPEEDS.iter().map(|&v| html! {
                                    <option value={v.to_string()} selected={v == *speed}>{ format!("{v} steps/s") }</option>
                                }) }
                            </select>
                        </label>
                        <button type="button" onclick={act(Action::StepFinish)}>{ if active { "Finish" } else { "Leave step mode" } }</button>
                    </div>
                    <dl class="stats svm-step-stats">
                        <div><dt>{ "Iteration" }</dt><dd class="svm-iter">{ iterations }</dd></div>
                        <div><dt>{ "Gap m − M" }</dt><dd>{ if active && gap.is_finite() && iterations > 0 { num(gap, 3) } else if active { "—".into() } else { "below tolerance".into() } }</dd></div>
                        if let Some(l) = last {
                            <div><dt>{ "Objective ½αᵀQα − eᵀα" }</dt><dd>{ num(l.info.objective, 5) }</dd></div>
                        }
                    </dl>
                    if let Some(l) = last {
                        <p class="svm-pair">
                            { "Working pair: " }
                            <strong>{ format!("{} and {}", point(l.info.i), point(l.info.j)) }</strong>
                            { format!(
                                ". α{} {} → {}, α{} {} → {} (gap when chosen {}).",
                                l.info.i, num(l.info.alpha_i.0, 4), num(l.info.alpha_i.1, 4),
                                l.info.j, num(l.info.alpha_j.0, 4), num(l.info.alpha_j.1, 4),
                                num(l.info.gap, 3)
                            ) }
                            if pg.fit().is_some_and(|f| f.pairs.len() > 1) {
                                { format!(" Pair of classes {} vs {}.", label(l.negative), label(l.positive)) }
                            }
                        </p>
                    } else {
                        <p class="svm-pair">{ "α = 0 everywhere. Press Step to take the first SMO iteration." }</p>
                    }
                    if !active {
                        <p class="svm-note" role="status">{ format!("The run converged after {iterations} iterations: the gap fell below {tol}. The plot shows its model.") }</p>
                    }
                    if gaps.len() > 1 {
                        <div class="svm-gap">
                            <div role="img" aria-label={format!(
                                "Gap over the last {} iterations: from {} to {}, stopping below {tol}",
                                gaps.len(), num(gaps[0].1, 3), num(gaps[gaps.len() - 1].1, 3))}>
                                { Html::from_html_unchecked(AttrValue::from(gap_chart::svg(&gaps, tol))) }
                            </div>
                            <p class="svm-gap-caption">{ "Gap m − M per iteration (log scale); dashed: the tolerance" }</p>
                        </div>
                    }
                </>
            }
        }
    };
    html! {
        <section role="group" class="card-box svm-step" aria-labelledby={id("step-h")}>
            <h2 id={id("step-h")}>{ "Step mode: inside SMO" }</h2>
            { body }
            if let Some(msg) = p.state.refused(&Field::Step) {
                <p class="field-error" role="alert">{ msg }</p>
            }
        </section>
    }
}
