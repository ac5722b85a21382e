//! The budget calculator: nines to allowed downtime per year, 30 days and week
//! (exact, from the model's integer arithmetic), and the request-based view,
//! good / total requests against the same target.

use super::super::model::budget::{Availability, RequestBudget, Window};
use super::super::model::decimal::Fixed;
use super::Props;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn text_input(h: &UseStateHandle<String>) -> Callback<InputEvent> {
    let h = h.clone();
    Callback::from(move |e: InputEvent| {
        if let Some(el) = e.target_dyn_into::<HtmlInputElement>() {
            h.set(el.value());
        }
    })
}

/// A whole number of requests, or a message saying what is wrong.
pub fn parse_count(what: &str, text: &str) -> Result<u64, String> {
    let t = text.trim().replace(['_', ','], "");
    if t.is_empty() {
        return Err(format!("enter the number of {what} requests"));
    }
    t.parse::<u64>().map_err(|_| {
        format!(
            "{what} requests must be a whole number from 0 to 18446744073709551615 (got \"{}\")",
            text.trim()
        )
    })
}

pub fn parse_target(text: &str) -> Result<Availability, String> {
    let t = text.trim().trim_end_matches('%');
    let v: f64 = t
        .parse()
        .map_err(|_| format!("enter a percentage such as 99.99 (got \"{}\")", text.trim()))?;
    Availability::from_percent(v).map_err(|e| e.to_string())
}

#[function_component]
pub fn BudgetCalculator(props: &Props) -> Html {
    let uid = &props.uid;
    // Not a target the tours ask about: the table would show their answers
    // before the reader bets (99.9% is the SLO in force, 99.99% and 99.999%
    // are bets).
    let nines = use_state(|| "99.95".to_owned());
    let good = use_state(|| "999_950".to_owned());
    let total = use_state(|| "1_000_000".to_owned());
    let target = parse_target(&nines);
    let good_v = parse_count("good", &good);
    let total_v = parse_count("total", &total);
    let requests = match (&target, &good_v, &total_v) {
        (Ok(t), Ok(g), Ok(n)) => Some(RequestBudget::new(*t, *g, *n).map_err(|e| e.to_string())),
        _ => None,
    };
    let id = |s: &str| format!("{uid}-{s}");
    let field = |key: &str, label: &str, h: &UseStateHandle<String>, err: Option<String>| {
        let err_id = id(&format!("{key}-error"));
        html! {
            <div class="pl-field">
                <label for={id(key)}>{ label.to_owned() }
                    <input id={id(key)} type="text" inputmode="decimal" value={(**h).clone()}
                        oninput={text_input(h)} aria-invalid={err.is_some().to_string()}
                        aria-describedby={err.is_some().then(|| err_id.clone())} />
                </label>
                if let Some(e) = err {
                    <p class="field-error" id={err_id}>{ e }</p>
                }
            </div>
        }
    };
    // A good/total clash belongs next to the good field.
    let good_err = good_v.as_ref().err().cloned().or_else(|| match &requests {
        Some(Err(e)) if e.starts_with("good") => Some(e.clone()),
        _ => None,
    });
    let total_err = total_v.as_ref().err().cloned().or_else(|| match &requests {
        Some(Err(e)) if e.starts_with("total") => Some(e.clone()),
        _ => None,
    });

    html! {
        <section role="group" class="card-box pl-calc" aria-labelledby={id("calc-h")}>
            <h2 id={id("calc-h")}>{ "Budget calculator" }</h2>
            { field("nines", "Availability target (%)", &nines, target.as_ref().err().cloned()) }
            if let Ok(t) = &target {
                <table class="data pl-downtime">
                    <caption class="sr-only">{ format!("Allowed downtime at {t}") }</caption>
                    <thead><tr><th scope="col">{ "Window" }</th><th scope="col">{ "Allowed downtime" }</th><th scope="col">{ "Exact" }</th></tr></thead>
                    <tbody>
                        { for Window::ALL.iter().map(|w| {
                            let d = t.allowed_downtime(*w);
                            html! { <tr><th scope="row">{ w.label() }</th><td>{ d.human() }</td><td>{ d.format_minutes() }</td></tr> }
                        }) }
                    </tbody>
                </table>
            }
            <h3>{ "Request-based: availability = good / total" }</h3>
            <div class="controls">
                { field("good", "Good requests", &good, good_err) }
                { field("total", "Total requests", &total, total_err) }
            </div>
            if let Some(Ok(r)) = &requests {
                <dl class="stats">
                    <div><dt>{ "Availability" }</dt><dd>{ format!("{}%", Fixed(r.availability() * 100.0, 4)) }</dd></div>
                    <div><dt>{ "Failed" }</dt><dd>{ r.failed() }</dd></div>
                    <div><dt>{ "Allowed failures" }</dt><dd>{ Fixed(r.allowed_failures(), 1).to_string() }</dd></div>
                    <div><dt>{ "Budget left" }</dt><dd>{ format!("{}%", Fixed(r.remaining_fraction() * 100.0, 1)) }</dd></div>
                    <div><dt>{ "Status" }</dt><dd>
                        if r.is_spent() {
                            <span class="badge bad">{ "spent: freeze releases" }</span>
                        } else {
                            <span class="badge good">{ "within budget" }</span>
                        }
                    </dd></div>
                </dl>
            }
        </section>
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn bad_numbers_get_clear_messages() {
        assert_eq!(parse_count("good", "1_000"), Ok(1000));
        assert!(parse_count("good", "-5").is_err_and(|e| e.contains("whole number")));
        assert!(parse_count("total", "").is_err_and(|e| e.contains("enter the number of total")));
        assert!(parse_target("100").is_err_and(|e| e.contains("below 100%")));
        assert!(parse_target("abc").is_err_and(|e| e.contains("99.99")));
        assert_eq!(parse_target("99.9%").map(|t| t.percent()), Ok(99.9));
    }
}
