//! The layout as Terraform (AWS provider): read-only text with Copy and
//! Download.

use super::Props;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Offers `text` as a file download through a Blob URL and an anchor click.
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/plain");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

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
            crate::app::clipboard::copy(&t);
            note.set(Some("Terraform copied to the clipboard.".into()));
        })
    };
    let save = {
        let (t, note) = (text.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            note.set(Some(match download("vpc.tf", &t) {
                Ok(()) => "Downloading vpc.tf.".into(),
                Err(_) => "The browser refused the download; copy the text instead.".into(),
            }))
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
