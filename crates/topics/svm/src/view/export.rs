//! The trained model as a libsvm model file, in the core's export box. The
//! text is built only while the export is open.

use super::super::model::ModelFile;
use super::Props;
use techshack_core::widgets::ExportBox;
use yew::prelude::*;

#[function_component]
pub fn ModelExport(p: &Props) -> Html {
    let open = use_state(|| false);
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
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <section role="group" class="card-box svm-export" aria-labelledby={id("export-h")}>
            <h2 id={id("export-h")}>{ "Export the model" }</h2>
            <p class="svm-note">{ "The model in libsvm's file format: svm-predict and scikit-learn's libsvm loader read it." }</p>
            <button type="button" onclick={toggle} aria-expanded={open.to_string()}>
                { if *open { "Hide model file" } else { "Show model file" } }
            </button>
            if *open {
                if let Some(t) = text.as_ref() {
                    <ExportBox id={id("model")} label="libsvm model file (read-only)"
                        text={t.clone()} file="svm.model" what="Model" rows={12}
                        class={classes!("svm-textarea", "svm-model")}
                        label_class="svm-block-label" status_class="svm-note" />
                } else {
                    <p class="svm-note" role="status">{ "No model yet: add points of two classes." }</p>
                }
            }
        </section>
    }
}
