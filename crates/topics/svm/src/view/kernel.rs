//! The kernel and its parameters: C and γ on log sliders ('scale' for γ), the
//! degree and coef0 where the kernel uses them. Refusals show under the field.

use super::super::model::{Action, Gamma, KernelKind};
use super::super::state::{Field, PanelAction};
use super::format::{num, parse_number};
use super::log_slider::LogSlider;
use super::Props;
use techshack_core::widgets::field_error;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

fn kind_name(k: KernelKind) -> &'static str {
    match k {
        KernelKind::Linear => "linear: u·v",
        KernelKind::Poly => "polynomial: (γ u·v + coef0)^degree",
        KernelKind::Rbf => "RBF: exp(−γ ‖u − v‖²)",
        KernelKind::Sigmoid => "sigmoid: tanh(γ u·v + coef0)",
    }
}

/// Sends a model action as a new step, or as the continuation of a slide.
fn send(dispatch: &Callback<PanelAction>, action: Action, continues: bool) {
    dispatch.emit(if continues {
        PanelAction::Continue(action)
    } else {
        PanelAction::Do(action)
    });
}

#[derive(Properties, PartialEq)]
struct NumberProps {
    id: AttrValue,
    label: AttrValue,
    value: AttrValue,
    #[prop_or_default]
    min: Option<AttrValue>,
    #[prop_or_default]
    max: Option<AttrValue>,
    step: AttrValue,
    /// Parses the text, or says what is wrong with it.
    parse: Callback<String, Result<Action, String>>,
    dispatch: Callback<PanelAction>,
    error: Option<AttrValue>,
}

/// A typed number committed on change (Enter or leaving the field).
#[function_component]
fn NumberField(props: &NumberProps) -> Html {
    let local = use_state(|| None::<String>);
    // The text last committed: shown while it is refused (see `LogSlider`).
    let draft = use_state(String::new);
    let onchange = {
        let (parse, dispatch, local, draft) = (
            props.parse.clone(),
            props.dispatch.clone(),
            local.clone(),
            draft.clone(),
        );
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            draft.set(el.value());
            match parse.emit(el.value()) {
                Ok(a) => {
                    local.set(None);
                    dispatch.emit(PanelAction::Do(a));
                }
                Err(msg) => local.set(Some(msg)),
            }
        })
    };
    let error = (*local)
        .clone()
        .or_else(|| props.error.as_ref().map(|e| e.to_string()));
    let err_id = format!("{}-err", props.id);
    let shown = if error.is_some() {
        AttrValue::from((*draft).clone())
    } else {
        props.value.clone()
    };
    html! {
        <div class="svm-field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input type="number" id={props.id.clone()} class="svm-num" value={shown}
                min={props.min.clone()} max={props.max.clone()} step={props.step.clone()} {onchange}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| err_id.clone())} />
            { field_error(&err_id, error.as_deref()) }
        </div>
    }
}

pub fn kernel_controls(p: &Props) -> Html {
    let pg = &p.state.pg;
    let spec = pg.kernel();
    let err = |f: Field| p.state.refused(&f).map(AttrValue::from);
    let id = |s: &str| AttrValue::from(format!("{}-{s}", p.uid));

    let on_kind = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlSelectElement = e.target_unchecked_into();
            if let Some(k) = KernelKind::ALL
                .into_iter()
                .find(|k| k.libsvm_name() == el.value())
            {
                d.emit(PanelAction::Do(Action::SetKernel(k)));
            }
        })
    };
    let on_c = {
        let d = p.dispatch.clone();
        Callback::from(move |(v, cont): (f64, bool)| send(&d, Action::SetC(v), cont))
    };
    let on_gamma = {
        let d = p.dispatch.clone();
        Callback::from(move |(v, cont): (f64, bool)| {
            send(&d, Action::SetGamma(Gamma::Value(v)), cont)
        })
    };
    let scale = spec.gamma == Gamma::Scale;
    let gamma_now = pg.gamma_used().unwrap_or(1.0);
    let on_scale = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let el: HtmlInputElement = e.target_unchecked_into();
            let g = if el.checked() {
                Gamma::Scale
            } else {
                Gamma::Value(gamma_now)
            };
            d.emit(PanelAction::Do(Action::SetGamma(g)));
        })
    };
    let parse_degree = Callback::from(|t: String| match t.trim().parse::<u32>() {
        Ok(d) => Ok(Action::SetDegree(d)),
        Err(_) => Err("Degree must be a whole number between 1 and 10".to_string()),
    });
    let parse_coef0 = Callback::from(|t: String| {
        parse_number(&t)
            .map(Action::SetCoef0)
            .ok_or_else(|| "coef0 must be a number, such as 0 or 1.5".to_string())
    });

    html! {
        <section role="group" class="card-box svm-kernel" aria-labelledby={id("kernel-h")}>
            <h2 id={id("kernel-h")}>{ "Kernel and parameters" }</h2>
            <div class="svm-field">
                <label for={id("kind")}>{ "Kernel" }</label>
                <select id={id("kind")} onchange={on_kind}>
                    { for KernelKind::ALL.into_iter().map(|k| html! {
                        <option value={k.libsvm_name()} selected={k == spec.kind}>{ kind_name(k) }</option>
                    }) }
                </select>
                if let Some(msg) = err(Field::Kernel) {
                    <p class="field-error" role="alert">{ msg }</p>
                }
            </div>
            <LogSlider id={id("c")} label="C" value={pg.c()} on_change={on_c} error={err(Field::C)} />
            <p class="svm-hint">{ "C is the price of a point inside the margin: small C, wide soft margin; large C, narrow hard one." }</p>
            if spec.kind.uses_gamma() {
                <LogSlider id={id("gamma")} label="γ (gamma)" value={gamma_now} on_change={on_gamma} error={err(Field::Gamma)} />
                <label class="svm-check">
                    <input type="checkbox" checked={scale} onchange={on_scale} />
                    { format!("γ = 'scale' (1 / (2 · Var X)): now {}", num(gamma_now, 3)) }
                </label>
            }
            if spec.kind == KernelKind::Poly {
                <NumberField id={id("degree")} label="Degree (1–10)" value={spec.degree.to_string()}
                    min="1" max="10" step="1" parse={parse_degree} dispatch={p.dispatch.clone()} error={err(Field::Degree)} />
            }
            if spec.kind.uses_coef0() {
                <NumberField id={id("coef0")} label="coef0" value={super::log_slider::input_value(spec.coef0)}
                    step="0.1" parse={parse_coef0} dispatch={p.dispatch.clone()} error={err(Field::Coef0)} />
            }
        </section>
    }
}
