//! A parameter on a log scale: a range slider over 10^min..10^max (or, signed,
//! −10^max..10^max through zero; see `SliderScale`) and a number field that
//! accepts any typed value. A slide is one undo step: its first move opens the
//! step and later moves continue it until the slider is released.

use super::format::{num, parse_number};
use super::slider_scale::SliderScale;
use techshack_core::widgets::field_error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A value as a number field shows it: plain digits, or an exponent.
pub fn input_value(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-3..1e5).contains(&a) {
        format!("{v:e}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[derive(Properties, PartialEq)]
pub struct LogSliderProps {
    /// Prefix for the ids of the field, the slider and the message.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    #[prop_or(-3.0)]
    pub min_exp: f64,
    #[prop_or(3.0)]
    pub max_exp: f64,
    /// A signed log scale, for a value that may be zero or negative.
    #[prop_or_default]
    pub signed: bool,
    /// Slides stop on whole numbers (the polynomial degree).
    #[prop_or_default]
    pub whole: bool,
    /// Reads typed text, or says what is wrong with it; by default any number.
    #[prop_or_default]
    pub parse: Option<Callback<String, Result<f64, String>>>,
    /// The new value, and whether it continues a slide already under way.
    pub on_change: Callback<(f64, bool)>,
    /// The model's refusal of the last value, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component]
pub fn LogSlider(props: &LogSliderProps) -> Html {
    let local_error = use_state(|| None::<String>);
    // The text last committed in the number field. While it is refused, the
    // field keeps showing it (to fix, or to replace with the value in force,
    // which then clears the message); otherwise it shows the value in force.
    let draft = use_state(String::new);
    let sliding = use_mut_ref(|| false);
    // Where the slider was last put. A whole-number slider's value changes
    // only every few steps; showing the position of the value in force would
    // snap the thumb back, and the arrow keys could never leave 1.
    let thumb = use_state(|| None::<f64>);
    let (num_id, range_id, err_id) = (
        format!("{}-num", props.id),
        format!("{}-range", props.id),
        format!("{}-err", props.id),
    );
    let error = (*local_error)
        .clone()
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let scale = SliderScale {
        min_exp: props.min_exp,
        max_exp: props.max_exp,
        signed: props.signed,
    };
    let (lo, hi) = scale.bounds();
    let whole = props.whole;
    let value_at = move |x: f64| {
        let v = scale.value_at(x);
        if whole {
            v.round()
        } else {
            v
        }
    };
    let position = match *thumb {
        Some(x) if value_at(x) == props.value => x,
        _ => scale.position(props.value),
    };

    let oninput = {
        let (cb, sliding, local_error, thumb, current) = (
            props.on_change.clone(),
            sliding.clone(),
            local_error.clone(),
            thumb.clone(),
            props.value,
        );
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(x) = el.value().parse::<f64>() {
                local_error.set(None);
                thumb.set(Some(x));
                let v = value_at(x);
                // A step that rounds to the value in force is no change to undo.
                if v == current {
                    return;
                }
                cb.emit((v, std::mem::replace(&mut *sliding.borrow_mut(), true)));
            }
        })
    };
    let onrelease = {
        let sliding = sliding.clone();
        Callback::from(move |_: Event| *sliding.borrow_mut() = false)
    };
    let onchange = {
        let (cb, local_error, label, draft, parse) = (
            props.on_change.clone(),
            local_error.clone(),
            props.label.clone(),
            draft.clone(),
            props.parse.clone(),
        );
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            draft.set(el.value());
            let read = match &parse {
                Some(parse) => parse.emit(el.value()),
                None => parse_number(&el.value())
                    .ok_or_else(|| format!("{label} must be a number, such as 0.5 or 1e-3")),
            };
            match read {
                Ok(v) => {
                    local_error.set(None);
                    cb.emit((v, false));
                }
                Err(message) => local_error.set(Some(message)),
            }
        })
    };
    let invalid = error.is_some();
    let shown = if invalid {
        (*draft).clone()
    } else {
        input_value(props.value)
    };
    html! {
        <div class="svm-field">
            <label for={num_id.clone()}>{ props.label.clone() }</label>
            <div class="svm-log">
                <input type="range" id={range_id} min={lo.to_string()} max={hi.to_string()}
                    step="0.01" value={format!("{position:.2}")} disabled={props.disabled}
                    aria-label={format!("{} on a {}log scale from {} to {}", props.label,
                        if props.signed { "signed " } else { "" },
                        num(scale.value_at(lo), 1), num(scale.value_at(hi), 1))}
                    aria-valuetext={format!("{} = {}", props.label, num(props.value, 3))}
                    {oninput} onchange={onrelease} />
                <input type="number" id={num_id} step="any" class="svm-num" value={shown}
                    disabled={props.disabled} {onchange}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={invalid.then(|| err_id.clone())} />
            </div>
            { field_error(&err_id, error.as_deref()) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_values_are_plain_or_exponents() {
        assert_eq!(input_value(1.0), "1");
        assert_eq!(input_value(0.05), "0.05");
        assert_eq!(input_value(2.3456789), "2.3457");
        assert_eq!(input_value(1e-4), "1e-4");
        assert_eq!(input_value(100_000.0), "1e5");
    }
}
