//! The data set: a preset and its seed, and Clear.

use super::super::model::{Action, Preset};
use super::super::state::{Field, PanelAction};
use super::Props;
use techshack_core::widgets::field_error;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[function_component]
pub fn DataControls(p: &Props) -> Html {
    let origin = p.state.pg.origin();
    let preset = use_state(|| origin.map_or(Preset::BlobsSeparable, |o| o.0));
    let seed = use_state(|| origin.map_or(1, |o| o.1).to_string());
    let seed_error = use_state(|| None::<String>);
    let id = |s: &str| format!("{}-{s}", p.uid);

    let on_preset = {
        let preset = preset.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Some(x) = Preset::ALL.into_iter().find(|x| x.id() == el.value()) {
                preset.set(x);
            }
        })
    };
    let on_seed = {
        let seed = seed.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            seed.set(el.value());
        })
    };
    let on_load = {
        let (d, preset, seed, seed_error) = (
            p.dispatch.clone(),
            preset.clone(),
            seed.clone(),
            seed_error.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match seed.trim().parse::<u64>() {
                Ok(s) => {
                    seed_error.set(None);
                    d.emit(PanelAction::Do(Action::LoadPreset {
                        preset: *preset,
                        seed: s,
                    }));
                }
                Err(_) => seed_error.set(Some("The seed must be a whole number, 0 or more".into())),
            }
        })
    };
    let on_clear = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.emit(PanelAction::Do(Action::Clear)))
    };
    let error = (*seed_error)
        .clone()
        .or_else(|| p.state.refused(&Field::Data).map(str::to_string));
    let seed_err_id = id("seed-err");
    html! {
        <section role="group" class="card-box svm-data" aria-labelledby={id("data-h")}>
            <h2 id={id("data-h")}>{ "Data" }</h2>
            <p class="svm-note">{ match origin {
                Some((pr, s)) => format!("{} points from the preset “{}”, seed {s}.", p.state.pg.points().len(), pr.title()),
                None => format!("{} points, edited by hand or imported.", p.state.pg.points().len()),
            } }</p>
            <form class="controls" onsubmit={on_load}>
                <div class="svm-field">
                    <label for={id("preset")}>{ "Preset" }</label>
                    <select id={id("preset")} onchange={on_preset}>
                        { for Preset::ALL.into_iter().map(|x| html! {
                            <option value={x.id()} selected={x == *preset}>{ x.title() }</option>
                        }) }
                    </select>
                </div>
                <div class="svm-field">
                    <label for={id("seed")}>{ "Seed" }</label>
                    <input id={id("seed")} class="svm-num" type="number" min="0" step="1" value={(*seed).clone()}
                        oninput={on_seed} aria-invalid={error.is_some().to_string()}
                        aria-describedby={error.is_some().then(|| seed_err_id.clone())} />
                </div>
                <button type="submit">{ "Load preset" }</button>
                <button type="button" onclick={on_clear}>{ "Clear all points" }</button>
            </form>
            { field_error(&seed_err_id, error.as_deref()) }
        </section>
    }
}
