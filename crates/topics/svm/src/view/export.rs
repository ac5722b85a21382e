//! The trained model as a libsvm model file: read-only text with Copy and
//! Download. The text is built only while the export is open.

use super::super::model::ModelFile;
use super::Props;
use yew::prelude::*;

#[function_component]
pub fn ModelExport(p: &Props) -> Html {
    let open = use_state(|| false);
    let note = use_state(|| None::<&'static str>);
    let text = {
        let open = *open;
        use_memo((p.state.clone(), open), |(s, open)| {
            if *open {
                s.pg.fit().map(|f| ModelFile::from_fit(f).to_text())
            } else {
                None
            }
        })
    };
    let id = |s: &str| format!("{}-{s}", p.uid);
    let toggle = {
        let (open, note) = (open.clone(), note.clone());
        Callback::from(move |_| {
            note.set(None);
            open.set(!*open);
        })
    };
    let on_copy = {
        let (text, note) = (text.clone(), note.clone());
        Callback::from(move |_| {
            if let Some(t) = text.as_ref() {
                techshack_core::dom::clipboard::copy(t);
                note.set(Some("Model copied to the clipboard."));
            }
        })
    };
    let on_download = {
        let (text, note) = (text.clone(), note.clone());
        Callback::from(move |_| {
            if let Some(t) = text.as_ref() {
                note.set(Some(
                    match techshack_core::dom::download::text_file("svm.model", t) {
                        Ok(()) => "Download started: svm.model.",
                        Err(_) => "This browser refused the download; copy the text instead.",
                    },
                ));
            }
        })
    };
    html! {
        <section class="card-box svm-export" aria-labelledby={id("export-h")}>
            <h2 id={id("export-h")}>{ "Export the model" }</h2>
            <p class="svm-note">{ "The model in libsvm's file format: svm-predict and scikit-learn's libsvm loader read it." }</p>
            <button type="button" onclick={toggle} aria-expanded={open.to_string()}>
                { if *open { "Hide model file" } else { "Show model file" } }
            </button>
            if *open {
                if let Some(t) = text.as_ref() {
                    <label for={id("model")} class="svm-block-label">{ "libsvm model file (read-only)" }</label>
                    <textarea id={id("model")} class="svm-textarea svm-model" rows="12" readonly=true value={t.clone()} spellcheck="false" />
                    <div class="controls">
                        <button type="button" onclick={on_copy}>{ "Copy" }</button>
                        <button type="button" onclick={on_download}>{ "Download svm.model" }</button>
                        if let Some(n) = *note {
                            <span role="status">{ n }</span>
                        }
                    </div>
                } else {
                    <p class="svm-note" role="status">{ "No model yet: add points of two classes." }</p>
                }
            }
        </section>
    }
}
