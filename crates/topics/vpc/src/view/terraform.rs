//! The layout as Terraform (AWS provider): read-only text with Copy and
//! Download.

use super::Props;
use yew::prelude::*;

#[function_component]
pub fn TerraformExport(props: &Props) -> Html {
    let open = use_state(|| false);
    let note = use_state(|| None::<String>);
    let uid = &props.uid;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let state = props.state.clone();
    let hcl = use_memo((state, *open), |(s, open)| open.then(|| s.pg.terraform()));
    let text = (*hcl).clone().unwrap_or_default();
    let copy = {
        let (t, note) = (text.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            techshack_core::dom::clipboard::copy(&t);
            note.set(Some("Terraform copied to the clipboard.".into()));
        })
    };
    let save = {
        let (t, note) = (text.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            note.set(Some(
                match techshack_core::dom::download::text_file("vpc.tf", &t) {
                    Ok(()) => "Downloading vpc.tf.".into(),
                    Err(_) => "The browser refused the download; copy the text instead.".into(),
                },
            ))
        })
    };
    let area = format!("{uid}-tf");
    html! {
        <section class="card-box vpc-terraform" aria-labelledby={format!("{uid}-tf-h")}>
            <h2 id={format!("{uid}-tf-h")}>{ "Export: Terraform" }</h2>
            <p class="vpc-hint">{ "The layout in force as AWS provider resources. Blackhole routes become comments: Terraform cannot express them." }</p>
            <button type="button" onclick={toggle} aria-expanded={open.to_string()} aria-controls={area.clone()}>
                { if *open { "Hide Terraform" } else { "Show Terraform" } }
            </button>
            if *open {
                <label for={area.clone()} class="vpc-block-label">{ "vpc.tf" }</label>
                <textarea id={area} class="vpc-tf" readonly=true value={text} rows="16" spellcheck="false" wrap="off" />
                <div class="controls">
                    <button type="button" onclick={copy}>{ "Copy" }</button>
                    <button type="button" onclick={save}>{ "Download vpc.tf" }</button>
                </div>
                if let Some(n) = (*note).clone() {
                    <p role="status" class="vpc-hint">{ n }</p>
                }
            }
        </section>
    }
}
