//! The layout as Terraform (AWS provider), in the core's export box. The
//! text is written by the topic's extras module, only while the export is
//! open.

use super::super::state::{VpcPanel, TERRAFORM};
use super::Props;
use techshack_core::extras::use_export;
use techshack_core::widgets::ExportBox;
use yew::prelude::*;

#[function_component]
pub fn TerraformExport(props: &Props) -> Html {
    let open = use_state(|| false);
    let uid = &props.uid;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let hcl = use_export::<VpcPanel>(&props.state, TERRAFORM, *open);
    let area = format!("{uid}-tf");
    html! {
        <section role="group" class="card-box vpc-terraform" aria-labelledby={format!("{uid}-tf-h")}>
            <h2 id={format!("{uid}-tf-h")}>{ "Export: Terraform" }</h2>
            <p class="vpc-hint">{ "The layout in force as AWS provider resources. Blackhole routes become comments: Terraform cannot express them." }</p>
            <button type="button" onclick={toggle} aria-expanded={open.to_string()} aria-controls={area.clone()}>
                { if *open { "Hide Terraform" } else { "Show Terraform" } }
            </button>
            if *open {
                // Always there while open, so the button's aria-controls names
                // an element even while the text is being written.
                <div id={area.clone()}>
                    { match hcl {
                        Some(Ok(text)) => html! {
                            <ExportBox id={format!("{area}-text")} label="vpc.tf" text={text} file="vpc.tf" what="Terraform"
                                rows={16} class="vpc-tf" label_class="vpc-block-label" status_class="vpc-hint" />
                        },
                        Some(Err(why)) => html! { <p class="field-error" role="alert">{ format!("The Terraform could not be written: {why}.") }</p> },
                        None => html! { <p class="vpc-hint" role="status">{ "Writing the Terraform…" }</p> },
                    } }
                </div>
            }
        </section>
    }
}
