//! The CQL mirror: the statements the last action corresponds to, the
//! session's recent statements, and the whole session as a `.cql` file.

use super::Props;
use yew::prelude::*;

/// Session statements listed (the export has them all).
const RECENT: usize = 40;

#[function_component]
pub fn CqlLog(p: &Props) -> Html {
    let s = &p.state;
    let exported = use_state(|| None::<String>);
    let note = use_state(|| None::<String>);
    let pg = s.pg();
    let last: Vec<String> = pg.last_statements().iter().take(RECENT).cloned().collect();
    let last_more = pg.last_statements().len().saturating_sub(RECENT);
    let all = pg.statements();
    let recent: Vec<String> = all.iter().rev().take(RECENT).rev().cloned().collect();
    let total = all.len();
    drop(pg);
    let export = {
        let (state, exported, note) = (s.clone(), exported.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let text = state.pg().export_cql();
            note.set(Some(
                match techshack_core::dom::download::text_file("session.cql", &text) {
                    Ok(()) => "Downloading session.cql.".into(),
                    Err(_) => {
                        "The browser refused the download; copy the text below instead.".into()
                    }
                },
            ));
            exported.set(Some(text));
        })
    };
    let area = p.id("cql-export");
    html! {
        <section class="card-box ms-cql" aria-labelledby={p.id("cql-h")}>
            <h2 id={p.id("cql-h")}>{ "CQL" }</h2>
            <h3>{ "The last action as CQL" }</h3>
            if last.is_empty() {
                <p class="ms-hint">{ "The last action sent no statement (or changed only the view)." }</p>
            } else {
                <pre class="ms-cql-last" tabindex="0" role="region" aria-label="CQL of the last action">{ last.join("\n") }{ if last_more > 0 { format!("\n-- … {last_more} more") } else { String::new() } }</pre>
            }
            <details class="ms-cql-session">
                <summary>{ format!("Session log ({total} statements kept)") }</summary>
                <pre class="ms-cql-all" tabindex="0" role="region" aria-label="Recent CQL of the session">{ recent.join("\n") }</pre>
            </details>
            <div class="controls">
                <button type="button" onclick={export}>{ "Export as .cql" }</button>
            </div>
            if let Some(n) = (*note).clone() {
                <p class="ms-hint" role="status">{ n }</p>
            }
            if let Some(text) = (*exported).clone() {
                <label for={area.clone()} class="ms-block-label">{ "session.cql (schema and session statements)" }</label>
                <textarea id={area} class="ms-cql-text" readonly=true value={text} rows="12" spellcheck="false" wrap="off" />
            }
        </section>
    }
}
