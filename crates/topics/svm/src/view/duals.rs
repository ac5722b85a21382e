//! Every α of a two-class model, where the reader looks for it: a line under
//! the plot for the point under the pointer or the keyboard cross, and a
//! table of all points (support vectors first) for keyboard and screen-reader
//! users. Both read the analysis of the model drawn.

use super::super::model::{Fit, PointDual};
use super::analysis::Analysis;
use super::format::{label, num};
use yew::prelude::*;

/// Rows the table shows: enough for any hand-made set, and the support
/// vectors of a big import come first.
const MAX_ROWS: usize = 200;

fn coords(fit: &Fit, d: &PointDual) -> String {
    let p = &fit.points[d.index];
    format!(
        "class {} at ({}, {})",
        label(p.label),
        num(p.x, 2),
        num(p.y, 2)
    )
}

/// What the readout under the plot says about point `index`.
pub fn describe(fit: &Fit, an: &Analysis, index: usize) -> Option<String> {
    if fit.binary().is_none() {
        return fit.points.get(index).map(|p| {
            format!(
                "Point {}: class {}. With more than two classes each point has one α per pair of classes (see the exported model).",
                index + 1,
                label(p.label)
            )
        });
    }
    let d = an.duals.iter().find(|d| d.index == index)?;
    Some(format!(
        "Point {}, {}: α = {} (C = {}), {}; y·f(x) = {}; slack ξ = {}.",
        index + 1,
        coords(fit, d),
        num(d.alpha, 3),
        num(fit.c, 3),
        d.role.words(),
        num(d.margin, 3),
        num(shown_slack(d.xi), 3)
    ))
}

/// ξ as the reader should see it: the solver stops within 10⁻³ of the KKT
/// conditions, so a free SV's ξ of 10⁻⁸ is rounding, not a margin violation.
fn shown_slack(xi: f64) -> f64 {
    if xi < 1e-6 {
        0.0
    } else {
        xi
    }
}

/// Support vectors first (largest α first), then the rest by margin.
fn ordered(duals: &[PointDual]) -> Vec<&PointDual> {
    let mut rows: Vec<&PointDual> = duals.iter().collect();
    rows.sort_by(|a, b| {
        b.alpha
            .total_cmp(&a.alpha)
            .then(a.margin.total_cmp(&b.margin))
    });
    rows
}

#[derive(Properties, PartialEq)]
pub struct DualTableProps {
    pub shown: super::ShownFit,
    pub uid: AttrValue,
}

/// The table of every point's α, built only while it is open.
#[function_component]
pub fn DualTable(p: &DualTableProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let el: web_sys::Element = e.target_unchecked_into();
            open.set(el.has_attribute("open"));
        })
    };
    let Some((fit, an)) = p.shown.get() else {
        return html! {};
    };
    let body = if !*open {
        html! {}
    } else if fit.binary().is_none() {
        html! { <p>{ "With more than two classes each point has one α per pair of classes; the exported model lists them." }</p> }
    } else {
        let rows = ordered(&an.duals);
        let shown = rows.len().min(MAX_ROWS);
        html! {
            <>
            // A scroller keyboard users can reach and scroll (axe: scrollable-region-focusable).
            <p class="svm-hint">{ "A free SV (support vector) has 0 < α < C and sits on the margin; an SV at C is inside the margin or misclassified." }</p>
            <div class="svm-duals-scroll" tabindex="0" role="region" aria-label="Table of every point's α">
                <table>
                    <caption>{ format!("α, y·f(x) and slack ξ of each point (C = {})", num(fit.c, 3)) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Point" }</th><th scope="col">{ "Class" }</th><th scope="col">{ "α" }</th>
                        <th scope="col">{ "y·f(x)" }</th><th scope="col">{ "ξ" }</th><th scope="col">{ "Support vector?" }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.iter().take(MAX_ROWS).map(|d| html! {
                            <tr>
                                <th scope="row">{ d.index + 1 }</th>
                                <td>{ label(fit.points[d.index].label) }</td>
                                <td>{ num(d.alpha, 3) }</td>
                                <td>{ num(d.margin, 3) }</td>
                                <td>{ num(shown_slack(d.xi), 3) }</td>
                                <td>{ d.role.short() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if shown < rows.len() {
                <p class="svm-hint">{ format!("The first {shown} of {} points: every support vector comes first.", rows.len()) }</p>
            }
            </>
        }
    };
    html! {
        <details class="card-box svm-duals" id={format!("{}-duals", p.uid)} {ontoggle}>
            <summary>{ "Every point's α (table)" }</summary>
            { body }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Action, Playground, Preset};
    use super::*;

    #[test]
    fn support_vectors_come_first_and_the_readout_names_the_case() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset {
            preset: Preset::BlobsOverlap,
            seed: 4,
        })
        .unwrap();
        let fit = pg.fit().unwrap();
        let an = Analysis::of(fit);
        let rows = ordered(&an.duals);
        let sv = rows.iter().take_while(|d| d.alpha > 0.0).count();
        assert_eq!(sv, an.support, "the support vectors lead the table");
        let top = rows[0];
        let line = describe(fit, &an, top.index).unwrap();
        assert!(
            line.starts_with(&format!("Point {}, class", top.index + 1)),
            "{line}"
        );
        assert!(line.contains(top.role.words()), "{line}");
        assert!(describe(fit, &an, fit.points.len()).is_none());
    }
}
