//! The error-budget gauge: what is left of the 30-day budget, whether releases
//! are frozen, and the SLO it is measured against.

use super::super::model::decimal::{Fixed, Trimmed};
use super::super::model::Action;
use super::super::state::Field;
use super::Props;
use techshack_core::widgets::field_error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
pub fn BudgetGauge(props: &Props) -> Html {
    let pg = &props.state.pg;
    let b = pg.budget();
    let uid = &props.uid;
    let slo_now = b.target.percent();
    let slo_text = use_state(|| Trimmed(slo_now, 6).to_string());
    let parse_error = use_state(|| None::<String>);
    {
        // Undo, a tour or a link can change the SLO: show the new one.
        let (slo_text, parse_error) = (slo_text.clone(), parse_error.clone());
        use_effect_with(slo_now.to_bits(), move |bits| {
            slo_text.set(Trimmed(f64::from_bits(*bits), 6).to_string());
            parse_error.set(None);
        });
    }
    let on_input = {
        let slo_text = slo_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                slo_text.set(el.value());
            }
        })
    };
    let on_set = {
        let (slo_text, parse_error, d) = (
            slo_text.clone(),
            parse_error.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match slo_text.trim().parse::<f64>() {
                Ok(v) => {
                    parse_error.set(None);
                    d.emit(Action::SetSlo(v));
                }
                Err(_) => parse_error.set(Some(format!(
                    "enter the availability target as a number of percent, e.g. 99.9 (got \"{}\")",
                    slo_text.trim()
                ))),
            }
        })
    };
    let new_window = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::NewBudgetWindow))
    };
    let error = (*parse_error)
        .clone()
        .or_else(|| props.state.refused(&Field::Slo).map(str::to_owned))
        .or_else(|| props.state.refused(&Field::Budget).map(str::to_owned));
    let err_id = format!("{uid}-slo-error");
    let slo_id = format!("{uid}-slo");
    let remaining = (1.0 - b.consumed_fraction()).clamp(0.0, 1.0);
    let frozen = pg.is_frozen();

    html! {
        <section role="group" class="card-box pl-budget" aria-labelledby={format!("{uid}-budget-h")}>
            <h2 id={format!("{uid}-budget-h")}>{ "Error budget" }</h2>
            <label for={format!("{uid}-gauge")} class="pl-gauge-label">
                { format!("Remaining of the 30-day budget at {}", b.target) }
            </label>
            <meter id={format!("{uid}-gauge")} class="pl-gauge" min="0" max="1" low="0.25" high="0.5" optimum="1"
                value={Fixed(remaining, 4).to_string()}>{ format!("{}%", Fixed(remaining * 100.0, 0)) }</meter>
            <dl class="stats">
                <div><dt>{ "Left" }</dt><dd>{ format!("{}%", Fixed(remaining * 100.0, 1)) }</dd></div>
                <div><dt>{ "Spent" }</dt><dd>{ b.consumed().format_minutes() }</dd></div>
                <div><dt>{ "Allowed" }</dt><dd>{ b.allowed().format_minutes() }</dd></div>
                if b.overspent().micros > 0 {
                    <div><dt>{ "Overspent" }</dt><dd>{ b.overspent().format_minutes() }</dd></div>
                }
                <div><dt>{ "Releases" }</dt><dd>
                    if frozen {
                        <span class="badge bad">{ "frozen: budget spent" }</span>
                    } else {
                        <span class="badge good">{ "open" }</span>
                    }
                </dd></div>
            </dl>
            <form class="controls" onsubmit={on_set}>
                <label for={slo_id.clone()}>{ "SLO: availability target (%)" }
                    <input id={slo_id} type="text" inputmode="decimal" value={(*slo_text).clone()}
                        oninput={on_input} aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| err_id.clone())} />
                </label>
                <button type="submit">{ "Set SLO" }</button>
                <button type="button" onclick={new_window}>{ "New budget window" }</button>
            </form>
            { field_error(&err_id, error.as_deref()) }
            <p class="pl-hint">{ "Each simulated minute costs the share of users on a bad build. Once the budget is spent, new releases freeze until a new window starts." }</p>
        </section>
    }
}
