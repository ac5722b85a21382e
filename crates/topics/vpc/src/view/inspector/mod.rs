//! The side panel: what the selected component is, in plain words, and its
//! live settings, editable in place.

pub(super) mod add_forms;
mod filters;
mod hosts;
mod network;
mod routing;
mod rule_forms;

use super::super::model::{is_public_subnet, Action};
use super::super::state::VpcPanel;
use super::docs::{explain, kind_name};
use super::select::Sel;
use techshack_core::extras::UpgradeStatus;
use techshack_core::Shared;
use yew::prelude::*;

#[derive(PartialEq, Clone)]
pub struct InspectorProps {
    pub state: Shared<VpcPanel>,
    pub dispatch: Callback<Action>,
    pub uid: AttrValue,
    pub selected: Option<Sel>,
    pub on_select: Callback<Sel>,
    pub upgrade: Upgrading,
}

/// The reader's request for the IPv6 tools (`techshack_core::extras::use_upgrade`),
/// asked for by the view, as a body cannot hold hooks.
pub type Upgrading = Option<(UpgradeStatus, Callback<()>)>;

/// What every body receives: the component's id and the usual handles.
#[derive(Properties, PartialEq, Clone)]
pub struct BodyProps {
    pub state: Shared<VpcPanel>,
    pub dispatch: Callback<Action>,
    pub uid: AttrValue,
    pub id: AttrValue,
    pub on_select: Callback<Sel>,
    pub upgrade: Upgrading,
}

impl BodyProps {
    pub fn epoch(&self) -> usize {
        std::rc::Rc::as_ptr(&self.state.0) as usize
    }

    /// An id for an element of this body, unique on the page.
    pub fn el(&self, what: &str) -> String {
        let safe: String = self
            .id
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("{}-{safe}-{what}", self.uid)
    }

    /// A button that selects another component.
    pub fn link(&self, sel: Sel) -> Html {
        let cb = self.on_select.clone();
        let text = sel.id().to_string();
        html! {
            <button type="button" class="vpc-link" onclick={move |_| cb.emit(sel.clone())}>{ text }</button>
        }
    }

    /// A button that applies one action.
    pub fn act(&self, text: &str, action: Action) -> Html {
        let d = self.dispatch.clone();
        html! { <button type="button" onclick={move |_| d.emit(action.clone())}>{ text.to_string() }</button> }
    }
}

pub fn row(name: &str, value: Html) -> Html {
    html! { <div><dt>{ name.to_string() }</dt><dd>{ value }</dd></div> }
}

pub fn inspector(props: &InspectorProps) -> Html {
    let uid = &props.uid;
    let head_id = format!("{uid}-inspector-h");
    let Some(sel) = props.selected.clone() else {
        return html! {
            <aside class="card-box vpc-inspector" aria-labelledby={head_id.clone()}>
                <h2 id={head_id}>{ "Inspector" }</h2>
                <p class="vpc-explain">{ "Click or focus any box on the diagram: the VPC, a subnet, a route table (RT), a network ACL, an instance, its security group (SG), a NAT or internet gateway, or a peering connection. Its explanation and live settings appear here." }</p>
            </aside>
        };
    };
    let net = props.state.pg.network();
    let public = matches!(&sel, Sel::Subnet(id) if is_public_subnet(net, id));
    let b = BodyProps {
        state: props.state.clone(),
        dispatch: props.dispatch.clone(),
        uid: uid.clone(),
        id: AttrValue::from(sel.id().to_string()),
        on_select: props.on_select.clone(),
        upgrade: props.upgrade.clone(),
    };
    let body = match &sel {
        Sel::Vpc(_) => network::vpc_body(&b),
        Sel::Subnet(_) => network::subnet_body(&b),
        // The IPv6 routes come after the IPv4 table and its form.
        Sel::RouteTable(_) => {
            ipv6_after!(routing::route_table_body(&b); super::ipv6::route_table6(&b))
        }
        Sel::Igw(_) => routing::igw_body(&b),
        Sel::Nat(_) => routing::nat_body(&b),
        Sel::Peering(_) => routing::peering_body(&b),
        Sel::SecurityGroup(_) => filters::sg_body(&b),
        Sel::Acl(_) => filters::acl_body(&b),
        Sel::Instance(_) => hosts::instance_body(&b),
        Sel::Internet => html! {},
        Sel::Endpoint(_) => super::endpoint::endpoint_body(&b),
        #[cfg(feature = "ipv6")]
        Sel::Eigw(_) => super::ipv6::eigw_body(&b),
    };
    let title = if sel == Sel::Internet {
        "The internet".to_string()
    } else {
        format!("{} {}", kind_name(&sel, public), sel.id())
    };
    html! {
        <aside class="card-box vpc-inspector" aria-labelledby={head_id.clone()}>
            <h2 id={head_id}>{ title }</h2>
            <p class="vpc-explain">{ explain(&sel, public) }</p>
            // Keyed, so drafts in one component's fields never leak into another's.
            <div key={format!("{sel:?}")}>{ body }</div>
        </aside>
    }
}
