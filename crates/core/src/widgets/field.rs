//! A control's error, shown in place, and its value, read from its event.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The refusal under a control (or a form of several), announced to
/// assistive technology; `id` is what the control's `aria-describedby` names.
pub fn field_error(id: &str, message: Option<&str>) -> Html {
    match message {
        Some(m) => {
            html! { <p class="field-error" id={id.to_string()} role="alert">{ m.to_string() }</p> }
        }
        None => html! {},
    }
}

/// The value of the input, select or textarea an event came from.
pub fn value_of(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return a.value();
    }
    String::new()
}
