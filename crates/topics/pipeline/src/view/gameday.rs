//! The gameday drawer: pick a failure from the catalogue, inject it, watch
//! whether the pipeline catches it, then classify it and pick a remediation.

use super::super::model::gameday::{FailureClass, FailureKind, Remediation};
use super::super::model::Action;
use super::super::state::Field;
use super::incidents::IncidentLog;
use super::Props;
use techshack_core::widgets::field_error;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

fn pick<T: Copy>(all: &[T], e: &Event) -> Option<T> {
    let el = e.target_dyn_into::<HtmlSelectElement>()?;
    all.get(el.value().parse::<usize>().ok()?).copied()
}

fn on_pick<T: Copy + 'static>(all: &'static [T], h: &UseStateHandle<T>) -> Callback<Event> {
    let h = h.clone();
    Callback::from(move |e: Event| {
        if let Some(v) = pick(all, &e) {
            h.set(v);
        }
    })
}

#[function_component]
pub fn GamedayDrawer(props: &Props) -> Html {
    let pg = &props.state.pg;
    let kind = use_state(|| FailureKind::NodeTerminated);
    let class = use_state(|| FailureClass::Capacity);
    let remedy = use_state(|| Remediation::CapacityHeadroom);
    let uid = &props.uid;
    let d = props.dispatch.clone();
    let inject = {
        let (d, kind) = (d.clone(), *kind);
        Callback::from(move |_: MouseEvent| d.emit(Action::InjectFailure(kind)))
    };
    let classify = {
        let (d, class, remediation) = (d.clone(), *class, *remedy);
        Callback::from(move |_: MouseEvent| d.emit(Action::Classify { class, remediation }))
    };
    let refused = props.state.refused(&Field::Gameday);
    let err_id = format!("{uid}-gameday-error");
    let report = pg.gameday_report();
    let pending = pg.gameday();
    let described = refused.is_some().then(|| err_id.clone());

    html! {
        <details class="card-box pl-drawer">
            <summary><h2>{ "Gameday drawer" }</h2>
                <span class="pl-hint">{ " break something on purpose, then file it" }</span></summary>
            <div class="controls">
                <label>
                    { "Failure to inject" }
                    <select onchange={on_pick(&FailureKind::ALL, &kind)} disabled={pending.is_some()}>
                        { for FailureKind::ALL.iter().enumerate().map(|(i, k)| html! {
                            <option value={i.to_string()} selected={*k == *kind}>{ k.label() }</option>
                        }) }
                    </select>
                </label>
                <button class="primary" onclick={inject} disabled={pending.is_some()}
                    aria-describedby={described.clone()}>{ "Inject failure" }</button>
            </div>
            <p class="pl-hint">{ kind.description() }
                { " If no release is running, a release of a good build starts with the failure in it." }</p>
            if let (Some(g), Some(r)) = (pending, &report) {
                <div class="pl-gameday-live" role="status">
                    <p>{ format!("Injected “{}” at minute {} of release #{}.", g.kind.label(), g.injected_at, g.release_number) }</p>
                    <p><strong>{ if r.caught.is_some() { "Caught. " } else { "Not caught yet. " } }</strong>{ r.summary() }</p>
                </div>
                <div class="controls">
                    <label>
                        { "Failure class" }
                        <select onchange={on_pick(&FailureClass::ALL, &class)}>
                            { for FailureClass::ALL.iter().enumerate().map(|(i, c)| html! {
                                <option value={i.to_string()} selected={*c == *class}>{ c.label() }</option>
                            }) }
                        </select>
                    </label>
                    <label>
                        { "Remediation" }
                        <select onchange={on_pick(&Remediation::ALL, &remedy)}>
                            { for Remediation::ALL.iter().enumerate().map(|(i, r)| html! {
                                <option value={i.to_string()} selected={*r == *remedy}>{ r.label() }</option>
                            }) }
                        </select>
                    </label>
                    <button class="primary" onclick={classify} aria-describedby={described}>
                        { "Classify and file" }
                    </button>
                </div>
                <p class="pl-hint">{ "Step or play the release until it finishes or waits at a gate, then classify." }</p>
            }
            { field_error(&err_id, refused) }
            <IncidentLog state={props.state.clone()} />
        </details>
    }
}
