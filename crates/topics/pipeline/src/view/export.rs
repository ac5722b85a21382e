//! Export the pipeline in force as a GitHub Actions workflow: read-only text
//! with Copy and Download.

use super::Props;
use yew::prelude::*;

/// A file name from the service name: letters, digits, - and _ only.
pub fn file_name(service: &str) -> String {
    let safe: String = service
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    format!("deploy-{safe}.yml")
}

#[function_component]
pub fn Export(props: &Props) -> Html {
    let open = use_state(|| false);
    let note = use_state(|| None::<String>);
    let uid = &props.uid;
    let pg = &props.state.pg;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let yaml = open.then(|| pg.github_actions_yaml());
    let name = file_name(pg.pipeline().service());
    let copy = {
        let (y, note) = (yaml.clone().unwrap_or_default(), note.clone());
        Callback::from(move |_: MouseEvent| {
            techshack_core::dom::clipboard::copy(&y);
            note.set(Some("Workflow copied to the clipboard.".into()));
        })
    };
    let save = {
        let (y, note, name) = (yaml.clone().unwrap_or_default(), note.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            note.set(Some(
                match techshack_core::dom::download::text_file(&name, &y) {
                    Ok(()) => format!("Downloading {name}."),
                    Err(_) => "The browser refused the download; copy the text instead.".into(),
                },
            ))
        })
    };
    let area_id = format!("{uid}-gha");
    html! {
        <section class="card-box pl-export" aria-labelledby={format!("{uid}-export-h")}>
            <h2 id={format!("{uid}-export-h")}>{ "Export: GitHub Actions" }</h2>
            <p class="pl-hint">{ "One job per target: depends_on becomes needs, each target a GitHub environment (add required reviewers there for manual gates)." }</p>
            <button onclick={toggle} aria-expanded={open.to_string()} aria-controls={area_id.clone()}>
                { if *open { "Hide workflow" } else { "Show workflow" } }
            </button>
            if let Some(y) = yaml {
                <label for={area_id.clone()} class="pl-block-label">{ format!("Workflow for the pipeline in force ({name})") }</label>
                <textarea id={area_id} class="pl-yaml" readonly=true value={y} rows="14"
                    spellcheck="false" wrap="off" />
                <div class="controls">
                    <button onclick={copy}>{ "Copy" }</button>
                    <button onclick={save}>{ "Download .yml" }</button>
                </div>
                if let Some(n) = (*note).clone() {
                    <p role="status" class="pl-hint">{ n }</p>
                }
            }
        </section>
    }
}
