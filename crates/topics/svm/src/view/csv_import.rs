//! Importing points as `x,y,label` rows. A refused import keeps the points in
//! force and names the line that is wrong.

use super::super::model::Action;
use super::super::state::{Field, PanelAction};
use super::bulk::BULK_POINTS;
use super::Props;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

const EXAMPLE: &str = "x,y,label\n-0.5,-0.4,-1\n0.5,0.4,1";

/// The current points as CSV, for editing and re-importing.
pub fn to_csv(points: &[super::super::model::Point]) -> String {
    let mut out = String::from("x,y,label\n");
    for p in points {
        out.push_str(&format!("{},{},{}\n", p.x, p.y, p.label));
    }
    out
}

#[derive(Properties, PartialEq, Clone)]
pub struct CsvProps {
    pub p: Props,
    /// Called when a big import starts training in chunks.
    pub on_bulk: Callback<()>,
}

#[function_component]
pub fn CsvImport(props: &CsvProps) -> Html {
    let p = &props.p;
    let text = use_state(String::new);
    let area = use_node_ref();
    // A paste or drop too big for any import, refused before the browser inserts it.
    let too_big = use_state(|| None::<String>);
    let id = |s: &str| format!("{}-{s}", p.uid);
    let on_input = {
        let (text, too_big) = (text.clone(), too_big.clone());
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(el.value());
            too_big.set(None);
        })
    };
    let on_paste = {
        let (area, too_big) = (area.clone(), too_big.clone());
        Callback::from(move |e: Event| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let refusal = super::paste_guard::check(&el, &e);
            if refusal.is_some() {
                e.prevent_default();
            }
            too_big.set(refusal);
        })
    };
    let on_drop = on_paste.reform(|e: DragEvent| e.into());
    let on_import = {
        let (d, text, on_bulk) = (p.dispatch.clone(), text.clone(), props.on_bulk.clone());
        Callback::from(move |_| {
            let rows = text.lines().filter(|l| !l.trim().is_empty()).count();
            if rows > BULK_POINTS {
                d.emit(PanelAction::Do(Action::ImportCsvStepwise((*text).clone())));
                on_bulk.emit(());
            } else {
                d.emit(PanelAction::Do(Action::ImportCsv((*text).clone())));
            }
        })
    };
    let on_fill = {
        let (text, state, too_big) = (text.clone(), p.state.clone(), too_big.clone());
        Callback::from(move |_| {
            text.set(to_csv(state.pg.points()));
            too_big.set(None);
        })
    };
    let error = p.state.refused(&Field::Csv);
    let err_id = id("csv-err");
    let big_id = id("csv-too-big");
    let described = match (&*too_big, &error) {
        (Some(_), _) => Some(big_id.clone()),
        (None, Some(_)) => Some(err_id.clone()),
        (None, None) => None,
    };
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    html! {
        <section role="group" class="card-box svm-csv" aria-labelledby={id("csv-h")}>
            <h2 id={id("csv-h")}>{ "Import CSV" }</h2>
            <label for={id("csv")}>{ "Rows of x,y,label (a header row and # comments are allowed)" }</label>
            <textarea id={id("csv")} ref={area} class="svm-textarea" rows="6" value={(*text).clone()} oninput={on_input}
                onpaste={on_paste} ondrop={on_drop}
                placeholder={EXAMPLE} spellcheck="false"
                aria-invalid={described.is_some().to_string()}
                aria-describedby={described} />
            if let Some(msg) = &*too_big {
                <p class="field-error" id={big_id} role="alert">{ msg.clone() }</p>
            } else if let Some(msg) = error {
                <p class="field-error" id={err_id} role="alert">{ format!("{msg}. The points in force are unchanged.") }</p>
            }
            <div class="controls">
                <button type="button" class="primary" onclick={on_import} disabled={lines == 0}>{ "Import" }</button>
                <button type="button" onclick={on_fill}>{ "Edit the current points here" }</button>
                <span class="svm-note">{ format!("{lines} non-empty lines. The plot shows −1 to 1 on both axes.") }</span>
            </div>
        </section>
    }
}
