//! The health seed: releases sample health from it, so the same seed replays
//! the same minutes. It travels in shared links.

use super::super::model::Action;
use super::Props;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
pub fn SeedField(props: &Props) -> Html {
    let seed = props.state.pg.seed();
    let text = use_state(|| seed.to_string());
    let error = use_state(|| None::<String>);
    {
        let (text, error) = (text.clone(), error.clone());
        use_effect_with(seed, move |s| {
            text.set(s.to_string());
            error.set(None);
        });
    }
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
                text.set(el.value());
            }
        })
    };
    let on_submit = {
        let (text, error, d) = (text.clone(), error.clone(), props.dispatch.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match text.trim().parse::<u64>() {
                Ok(s) => {
                    error.set(None);
                    d.emit(Action::SetSeed(s));
                }
                Err(_) => error.set(Some(format!(
                    "the seed is a whole number from 0 to 18446744073709551615 (got \"{}\")",
                    text.trim()
                ))),
            }
        })
    };
    let id = format!("{}-seed", props.uid);
    let err_id = format!("{id}-error");
    html! {
        <form class="controls pl-seed" onsubmit={on_submit}>
            <label for={id.clone()}>{ "Health seed (later releases)" }
                <input {id} type="text" inputmode="numeric" value={(*text).clone()} oninput={on_input}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.is_some().then(|| err_id.clone())} />
            </label>
            <button type="submit">{ "Set seed" }</button>
            if let Some(e) = &*error {
                <p class="field-error" id={err_id}>{ e.clone() }</p>
            }
        </form>
    }
}
