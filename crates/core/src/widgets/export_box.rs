//! Text to take away (a model file, Terraform, a workflow, a CQL session): a
//! labelled read-only text area with Copy and Download, and a status line
//! that says what happened. When the clipboard or the download is refused,
//! the text is still there to select by hand.

use crate::dom::{clipboard, download};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The text area's id, which its label names.
    pub id: AttrValue,
    pub label: AttrValue,
    pub text: AttrValue,
    /// The download's file name.
    pub file: AttrValue,
    /// What the text is, for the status: "Model" gives "Model copied to the
    /// clipboard."
    pub what: AttrValue,
    /// The Download button's words; "Download <file>" when not given.
    #[prop_or_default]
    pub download: Option<AttrValue>,
    pub rows: u32,
    /// The topic's classes for the text area, its label and the status line.
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub label_class: Classes,
    #[prop_or_default]
    pub status_class: Classes,
    /// A status to open with (an export that has just started its download).
    #[prop_or_default]
    pub status: Option<AttrValue>,
}

/// What a download attempt tells the reader.
pub fn download_status(file: &str, text: &str) -> String {
    match download::text_file(file, text) {
        Ok(()) => format!("Downloading {file}."),
        Err(_) => "The browser refused the download; copy the text instead.".into(),
    }
}

#[function_component]
pub fn ExportBox(p: &ExportProps) -> Html {
    let status = use_state(|| p.status.clone());
    let copy = {
        let (text, what, status) = (p.text.clone(), p.what.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            clipboard::copy(&text);
            status.set(Some(format!("{what} copied to the clipboard.").into()));
        })
    };
    let save = {
        let (text, file, status) = (p.text.clone(), p.file.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(Some(download_status(&file, &text).into()));
        })
    };
    let download = p
        .download
        .clone()
        .unwrap_or_else(|| format!("Download {}", p.file).into());
    html! {
        <>
            <label for={p.id.clone()} class={p.label_class.clone()}>{ p.label.clone() }</label>
            <textarea id={p.id.clone()} class={p.class.clone()} readonly=true value={p.text.clone()}
                rows={p.rows.to_string()} spellcheck="false" wrap="off" />
            <div class="controls">
                <button type="button" onclick={copy}>{ "Copy" }</button>
                <button type="button" onclick={save}>{ download }</button>
            </div>
            if let Some(s) = (*status).clone() {
                <p role="status" class={p.status_class.clone()}>{ s }</p>
            }
        </>
    }
}
