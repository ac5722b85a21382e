//! A parameter on a log scale: a range slider over 10^min..10^max and a number
//! field that accepts any typed value. A slide is one undo step: its first move
//! opens the step and later moves continue it until the slider is released.

use super::format::{num, parse_number};
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
    let (num_id, range_id, err_id) = (
        format!("{}-num", props.id),
        format!("{}-range", props.id),
        format!("{}-err", props.id),
    );
    let error = (*local_error)
        .clone()
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let exp = props.value.log10().clamp(props.min_exp, props.max_exp);

    let oninput = {
        let (cb, sliding, local_error) = (
            props.on_change.clone(),
            sliding.clone(),
            local_error.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            if let Ok(x) = el.value().parse::<f64>() {
                local_error.set(None);
                // Three significant digits: what the readout shows.
                let v = format!("{:.3e}", 10f64.powf(x)).parse().unwrap_or(1.0);
                cb.emit((v, std::mem::replace(&mut *sliding.borrow_mut(), true)));
            }
        })
    };
    let onrelease = {
        let sliding = sliding.clone();
        Callback::from(move |_: Event| *sliding.borrow_mut() = false)
    };
    let onchange = {
        let (cb, local_error, label, draft) = (
            props.on_change.clone(),
            local_error.clone(),
            props.label.clone(),
            draft.clone(),
        );
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            draft.set(el.value());
            match parse_number(&el.value()) {
                Some(v) => {
                    local_error.set(None);
                    cb.emit((v, false));
                }
                None => local_error.set(Some(format!(
                    "{label} must be a number, such as 0.5 or 1e-3"
                ))),
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
                <input type="range" id={range_id} min={props.min_exp.to_string()} max={props.max_exp.to_string()}
                    step="0.01" value={format!("{exp:.2}")} disabled={props.disabled}
                    aria-label={format!("{} on a log scale from {} to {}", props.label, num(10f64.powf(props.min_exp), 1), num(10f64.powf(props.max_exp), 1))}
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
