//! What the model says: status, support vectors (free and at C), ρ, training
//! accuracy, iterations and, for the linear kernel, w, b and the margin width.

use super::super::model::{Fit, Status};
use super::analysis::Analysis;
use super::format::{label, num, percent};
use super::Props;
use yew::prelude::*;

/// The status line and its badge class.
pub fn status_line(status: &Status) -> (String, &'static str) {
    match status {
        Status::Converged { iterations, warm } => (
            format!(
                "Converged after {iterations} iteration{}{}",
                if *iterations == 1 { "" } else { "s" },
                if *warm { " (warm start)" } else { "" }
            ),
            "good",
        ),
        Status::NotConverged { iterations, gap } => (
            format!(
                "Stopped after {iterations} iterations, gap {} (not converged; the model is usable but not optimal)",
                num(*gap, 3)
            ),
            "warn",
        ),
        Status::Waiting(e) => (e.to_string(), "warn"),
        Status::Stepping { iterations, gap } => (
            if gap.is_finite() {
                format!("Step mode: {iterations} iterations, gap {}", num(*gap, 3))
            } else {
                format!("Step mode: {iterations} iterations")
            },
            "",
        ),
    }
}

fn stat(term: &str, value: String) -> Html {
    html! { <div><dt>{ term.to_string() }</dt><dd>{ value }</dd></div> }
}

fn stats(fit: &Fit, an: &Analysis, points: usize) -> Html {
    let (sv, bounded) = (an.support, an.bounded);
    let rho = match fit.binary() {
        Some(p) => num(p.rho, 4),
        None => fit
            .pairs
            .iter()
            .map(|p| {
                format!(
                    "{} vs {}: {}",
                    label(p.negative),
                    label(p.positive),
                    num(p.rho, 3)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    };
    let linear = fit.linear_boundary();
    html! {
        <dl class="stats svm-stats">
            { stat("Points", points.to_string()) }
            { stat("Support vectors", format!("{sv} ({} free, {bounded} at C)", sv - bounded)) }
            { stat("Training accuracy", percent(an.accuracy)) }
            { stat("Iterations", fit.iterations().to_string()) }
            { stat("ρ", rho) }
            if let Some(lb) = linear {
                { stat("w", format!("({}, {})", num(lb.w[0], 4), num(lb.w[1], 4))) }
                { stat("b", num(lb.b, 4)) }
                { stat("Margin width 2/‖w‖", lb.margin_width.map_or_else(|| "unbounded (w = 0)".into(), |m| num(m, 4))) }
            }
        </dl>
    }
}

pub fn readout(p: &Props) -> Html {
    let pg = &p.state.pg;
    let (line, badge) = status_line(pg.status());
    html! {
        <section role="group" class="card-box svm-readout" aria-labelledby={format!("{}-readout", p.uid)}>
            <h2 id={format!("{}-readout", p.uid)}>{ "The model" }</h2>
            <p class="svm-status">
                <span class={classes!("badge", badge, "svm-status-text")}>{ line }</span>
            </p>
            if let Some((fit, an)) = p.shown.get() {
                { stats(fit, an, pg.points().len()) }
                if fit.binary().is_none() {
                    <p class="svm-note">{ format!("{} classes: one binary SVM per pair ({}), combined by vote.", fit.labels.len(), fit.pairs.len()) }</p>
                }
            } else if matches!(pg.status(), Status::Stepping { .. }) {
                <p class="svm-note">{ format!("{} points. Training: the model appears when the run ends.", pg.points().len()) }</p>
            } else {
                <p class="svm-note">{ format!("{} points. Nothing is drawn but the points until there are two classes.", pg.points().len()) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_run_says_so_with_its_gap() {
        let (line, badge) = status_line(&Status::NotConverged {
            iterations: 100000,
            gap: 0.0123,
        });
        assert_eq!(badge, "warn");
        assert!(
            line.starts_with("Stopped after 100000 iterations, gap 0.0123"),
            "{line}"
        );
    }
}
