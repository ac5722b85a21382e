//! The IPv6 parts of the inspectors in the module a first visit downloads,
//! which has no IPv6 (feature `ipv6` off): in the VPC's inspector, an offer
//! to load the IPv6 tools. They are the topic's upgrade module (the same
//! panel built with `ipv6`), which takes this panel's place with the same
//! layout (see `techshack_core::extras::Upgrade`).

use super::inspector::BodyProps;
use techshack_core::extras::UpgradeStatus;
use yew::prelude::*;

pub fn vpc_section(b: &BodyProps) -> Html {
    let Some((status, ask)) = b.upgrade.clone() else {
        return html! {};
    };
    let loading = status == UpgradeStatus::Loading;
    html! {
        <>
            <h3>{ "IPv6" }</h3>
            <p class="vpc-hint">{ "This VPC is IPv4 only. Dual stack (a /56 for the VPC, a /64 per subnet, egress-only internet gateways, IPv6 in the tracer, the matrix and the Terraform) loads the first time you ask for it; your layout stays as it is." }</p>
            <p><button type="button" aria-busy={loading.then_some("true")} onclick={ask.reform(|_: MouseEvent| ())}>
                { if loading { "Loading the IPv6 tools…" } else { "Load the IPv6 tools" } }
            </button></p>
            if let UpgradeStatus::Failed(why) = status {
                <p class="field-error" role="alert">{ format!("The IPv6 tools could not load: {why}. Try again.") }</p>
            }
        </>
    }
}
