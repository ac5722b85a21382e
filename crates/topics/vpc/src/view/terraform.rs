//! The layout as Terraform (AWS provider), in the core's export box. The
//! text is built only while the export is open.

use super::Props;
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
    let state = props.state.clone();
    let hcl = use_memo((state, *open), |(s, open)| open.then(|| s.pg.terraform()));
    let area = format!("{uid}-tf");
    html! {
        <section class="card-box vpc-terraform" aria-labelledby={format!("{uid}-tf-h")}>
            <h2 id={format!("{uid}-tf-h")}>{ "Export: Terraform" }</h2>
            <p class="vpc-hint">{ "The layout in force as AWS provider resources. Blackhole routes become comments: Terraform cannot express them." }</p>
            <button type="button" onclick={toggle} aria-expanded={open.to_string()} aria-controls={area.clone()}>
                { if *open { "Hide Terraform" } else { "Show Terraform" } }
            </button>
            if let Some(text) = (*hcl).clone() {
                <ExportBox id={area} label="vpc.tf" text={text} file="vpc.tf" what="Terraform"
                    rows={16} class="vpc-tf" label_class="vpc-block-label" status_class="vpc-hint" />
            }
        </section>
    }
}
