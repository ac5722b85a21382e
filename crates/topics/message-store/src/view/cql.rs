//! The CQL mirror: the statements the last action corresponds to, the
//! session's recent statements, and the whole session as a `.cql` file
//! (downloaded at once, and shown in the core's export box).

use super::Props;
use techshack_core::widgets::{download_status, ExportBox};
use yew::prelude::*;

/// The session's export file.
const FILE: &str = "session.cql";

/// Session statements listed (the export has them all).
const RECENT: usize = 40;

#[function_component]
pub fn CqlLog(p: &Props) -> Html {
    let s = &p.state;
    // Each export is numbered, so the box opens afresh with its status.
    let exported = use_state(|| None::<(usize, String, String)>);
    let pg = s.pg();
    let last: Vec<String> = pg.last_statements().iter().take(RECENT).cloned().collect();
    let last_more = pg.last_statements().len().saturating_sub(RECENT);
    let all = pg.statements();
    let recent: Vec<String> = all.iter().rev().take(RECENT).rev().cloned().collect();
    let total = all.len();
    drop(pg);
    let export = {
        let (state, exported) = (s.clone(), exported.clone());
        Callback::from(move |_: MouseEvent| {
            let text = state.pg().export_cql();
            let status = download_status(FILE, &text);
            let n = exported.as_ref().map_or(0, |e| e.0 + 1);
            exported.set(Some((n, text, status)));
        })
    };
    let area = p.id("cql-export");
    html! {
        <section role="group" class="card-box ms-cql" aria-labelledby={p.id("cql-h")}>
            <h2 id={p.id("cql-h")}>{ "CQL" }</h2>
            <h3>{ "The last action as CQL" }</h3>
            if last.is_empty() {
                <p class="ms-hint">{ "The last action sent no statement (or changed only the view)." }</p>
            } else {
                <pre class="ms-cql-last" tabindex="0" role="group" aria-label="CQL of the last action">{ last.join("\n") }{ if last_more > 0 { format!("\n-- … {last_more} more") } else { String::new() } }</pre>
            }
            <details class="ms-cql-session">
                <summary>{ format!("Session log ({total} statements kept)") }</summary>
                <pre class="ms-cql-all" tabindex="0" role="group" aria-label="Recent CQL of the session">{ recent.join("\n") }</pre>
            </details>
            <div class="controls">
                <button type="button" onclick={export}>{ "Export as .cql" }</button>
            </div>
            if let Some((n, text, status)) = (*exported).clone() {
                <ExportBox key={n} id={area} label="session.cql (schema and session statements)"
                    text={text} file={FILE} what="CQL" rows={12} class="ms-cql-text"
                    label_class="ms-block-label" status_class="ms-hint" status={status} />
            }
        </section>
    }
}
