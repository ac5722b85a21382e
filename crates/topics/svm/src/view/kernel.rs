//! The kernel and its parameters on log sliders with typed entry: C and γ
//! ('scale' for γ), the degree (1–10, whole) and coef0 (signed, through zero)
//! where the kernel uses them. Refusals show under the field.

use super::super::model::{Action, Gamma, KernelKind};
use super::super::state::{Field, PanelAction};
use super::format::{num, parse_number};
use super::log_slider::LogSlider;
use super::Props;
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
    // Typed text is read as before the sliders came: the degree must be a
    // whole number; the model refuses what is out of range, in place.
    let parse_degree = Callback::from(|t: String| match t.trim().parse::<u32>() {
        Ok(d) => Ok(f64::from(d)),
        Err(_) => Err("Degree must be a whole number between 1 and 10".to_string()),
    });
    let parse_coef0 = Callback::from(|t: String| {
        parse_number(&t).ok_or_else(|| "coef0 must be a number, such as 0 or 1.5".to_string())
    });
    let on_degree = {
        let d = p.dispatch.clone();
        // A whole number here (the slider rounds, the parser checks), so the
        // cast only saturates what the model then refuses as out of range.
        Callback::from(move |(v, cont): (f64, bool)| send(&d, Action::SetDegree(v as u32), cont))
    };
    let on_coef0 = {
        let d = p.dispatch.clone();
        Callback::from(move |(v, cont): (f64, bool)| send(&d, Action::SetCoef0(v), cont))
    };

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
                <LogSlider id={id("degree")} label="Degree (1–10)" value={f64::from(spec.degree)} min_exp={0.0} max_exp={1.0}
                    whole=true parse={parse_degree} on_change={on_degree} error={err(Field::Degree)} />
            }
            if spec.kind.uses_coef0() {
                <LogSlider id={id("coef0")} label="coef0" value={spec.coef0} min_exp={-2.0} max_exp={2.0}
                    signed=true parse={parse_coef0} on_change={on_coef0} error={err(Field::Coef0)} />
            }
        </section>
    }
}
