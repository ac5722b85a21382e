//! Export the pipeline in force as a GitHub Actions workflow, in the core's
//! export box.

use super::Props;
use techshack_core::widgets::ExportBox;
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
    let uid = &props.uid;
    let pg = &props.state.pg;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let yaml = open.then(|| pg.github_actions_yaml());
    let name = file_name(pg.pipeline().service());
    let area_id = format!("{uid}-gha");
    html! {
        <section role="group" class="card-box pl-export" aria-labelledby={format!("{uid}-export-h")}>
            <h2 id={format!("{uid}-export-h")}>{ "Export: GitHub Actions" }</h2>
            <p class="pl-hint">{ "One job per target: depends_on becomes needs, each target a GitHub environment (add required reviewers there for manual gates)." }</p>
            <button onclick={toggle} aria-expanded={open.to_string()} aria-controls={area_id.clone()}>
                { if *open { "Hide workflow" } else { "Show workflow" } }
            </button>
            if let Some(y) = yaml {
                <ExportBox id={area_id} label={format!("Workflow for the pipeline in force ({name})")}
                    text={y} file={name} what="Workflow" download="Download .yml" rows={14}
                    class="pl-yaml" label_class="pl-block-label" status_class="pl-hint" />
            }
        </section>
    }
}
