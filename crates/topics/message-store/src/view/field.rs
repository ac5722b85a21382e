//! Labelled inputs that show their error in place, and the parsing of what a
//! person types. IDs are parsed by the model's `Snowflake::parse`; ranges are
//! left to the model, so its message is the one shown.

use super::super::model::snowflake::Snowflake;
use techshack_core::widgets::value_of;
use yew::prelude::*;

/// Parses a Snowflake ID typed by a person; the message names the field.
pub fn parse_id(label: &str, text: &str) -> Result<u64, String> {
    Snowflake::parse(text)
        .map(|s| s.0)
        .map_err(|e| format!("{label}: {e}"))
}

/// Like `parse_id`, but empty means "none".
pub fn parse_optional_id(label: &str, text: &str) -> Result<Option<u64>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_id(label, text).map(Some)
    }
}

/// A whole number; the model checks its range.
pub fn parse_u64(label: &str, text: &str) -> Result<u64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("{label}: enter a whole number"));
    }
    if let Some(rest) = t.strip_prefix('-') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("{label} cannot be negative (got {t})"));
        }
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{label} must be a whole number (got \"{t}\")"));
    }
    t.parse::<u64>()
        .map_err(|_| format!("{label} is far too large (got {t})"))
}

/// A whole number for a 32-bit field; beyond 32 bits the message gives the
/// field's real range, as the model would.
pub fn parse_u32(label: &str, text: &str, min: u64, max: u64) -> Result<u32, String> {
    let v = parse_u64(label, text)?;
    u32::try_from(v).map_err(|_| format!("{label} must be between {min} and {max} (got {v})"))
}

/// Whether a checkbox event left it checked.
pub fn checked_of(e: &Event) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A draft kept as typed, updated on every keystroke.
pub fn on_draft(draft: &UseStateHandle<String>) -> Callback<InputEvent> {
    let draft = draft.clone();
    Callback::from(move |e: InputEvent| draft.set(value_of(&e)))
}

/// The first error of several, for a field that can fail locally (parsing)
/// or in the model (range, meaning).
pub fn first_error(local: Option<&String>, model: Option<&str>) -> Option<AttrValue> {
    local
        .map(|s| AttrValue::from(s.clone()))
        .or_else(|| model.map(|s| AttrValue::from(s.to_string())))
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<InputEvent>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub numeric: bool,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub disabled: bool,
}

/// A labelled one-line input with its error under it, wired for assistive
/// technology (`aria-invalid`, `aria-describedby`).
#[function_component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let err_id = format!("{}-error", p.id);
    html! {
        <div class={classes!("ms-field", p.class.clone())}>
            <label for={p.id.clone()}>{ p.label.clone() }</label>
            <input id={p.id.clone()} type="text" value={p.value.clone()} oninput={p.oninput.clone()}
                inputmode={p.numeric.then_some("numeric")} spellcheck="false" autocomplete="off"
                placeholder={p.placeholder.clone()} disabled={p.disabled}
                aria-invalid={p.error.is_some().to_string()}
                aria-describedby={p.error.is_some().then(|| err_id.clone())} />
            if let Some(e) = &p.error {
                <p class="field-error" id={err_id} role="alert">{ e.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_parsed_with_the_models_messages() {
        assert_eq!(parse_id("Channel ID", " 42 "), Ok(42));
        assert_eq!(
            parse_id("Channel ID", "-5").unwrap_err(),
            "Channel ID: Snowflake IDs are never negative (got -5)"
        );
        assert!(parse_id("Before", "abc")
            .unwrap_err()
            .contains("must contain only digits"));
        assert!(parse_id("Before", "99999999999999999999")
            .unwrap_err()
            .contains("does not fit"));
        assert_eq!(parse_optional_id("Before", "  "), Ok(None));
    }

    #[test]
    fn numbers_say_what_is_wrong() {
        assert_eq!(parse_u64("N", "12"), Ok(12));
        assert_eq!(
            parse_u64("N", "-3").unwrap_err(),
            "N cannot be negative (got -3)"
        );
        assert_eq!(
            parse_u64("N", "ten").unwrap_err(),
            "N must be a whole number (got \"ten\")"
        );
        assert_eq!(parse_u64("N", "").unwrap_err(), "N: enter a whole number");
        assert_eq!(
            parse_u32("Page size", "99999999999", 1, 5000).unwrap_err(),
            "Page size must be between 1 and 5000 (got 99999999999)"
        );
    }
}
