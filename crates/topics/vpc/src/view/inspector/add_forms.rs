//! Forms that add things to the layout: a subnet to a VPC, an instance or a
//! NAT gateway to a subnet. Refusals show under the form they came from.

use std::net::Ipv4Addr;

use super::super::super::model::{Action, Network};
use super::super::super::state::Field;
use super::BodyProps;
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

/// The first `prefix-N` that no component uses.
pub fn free_id(net: &Network, prefix: &str) -> String {
    let taken = |id: &str| {
        net.subnets.iter().any(|s| s.id == id)
            || net.instances.iter().any(|i| i.id == id)
            || net.nat_gateways.iter().any(|n| n.id == id)
            || net.route_tables.iter().any(|t| t.id == id)
    };
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_string())
}

/// The first usable address of a subnet that nothing holds yet.
pub fn free_ip(net: &Network, subnet: &str) -> String {
    let Some(s) = net.subnet(subnet) else {
        return String::new();
    };
    let used = |ip: Ipv4Addr| {
        net.instances.iter().any(|i| i.private_ip == ip)
            || net.nat_gateways.iter().any(|n| n.private_ip == ip)
    };
    let first = u32::from(s.cidr.network()).saturating_add(4);
    let last = u32::from(s.cidr.broadcast()).saturating_sub(1);
    (first..=last)
        .take(4096)
        .map(Ipv4Addr::from)
        .find(|ip| !used(*ip))
        .map(|ip| ip.to_string())
        .unwrap_or_default()
}

/// A labelled text input bound to a piece of form state.
pub fn text(
    id: String,
    label: &str,
    value: &UseStateHandle<String>,
    err: Option<&str>,
    placeholder: &str,
) -> Html {
    let v = value.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        v.set(input.value());
    });
    html! {
        <label>{ label.to_string() }
            <input id={id} type="text" value={(**value).clone()} {oninput} spellcheck="false" autocomplete="off"
                placeholder={placeholder.to_string()}
                aria-invalid={err.is_some().to_string()} aria-describedby={err.map(|e| e.to_string())} />
        </label>
    }
}

/// Resets a form's fields once the state moves on without a refusal for it.
#[hook]
pub fn use_reset_on_success(epoch: usize, refused: bool, reset: impl Fn() + 'static) {
    use_effect_with((epoch, refused), move |(_, refused)| {
        if !*refused {
            reset();
        }
    });
}

#[function_component]
pub fn AddSubnet(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let vpc = b.id.to_string();
    let field = Field::NewSubnet(vpc.clone());
    let refused = b.state.refused(&field);
    let suggestion = free_id(net, "subnet");
    let id = use_state(|| suggestion.clone());
    let cidr = use_state(String::new);
    let mut azs = net.azs();
    for az in ["us-east-1a", "us-east-1b", "us-east-1c"] {
        if !azs.iter().any(|a| a == az) {
            azs.push(az.to_string());
        }
    }
    azs.sort();
    let az = use_state(|| azs.first().cloned().unwrap_or_default());
    {
        let (id, cidr) = (id.clone(), cidr.clone());
        use_reset_on_success(b.epoch(), refused.is_some(), move || {
            id.set(suggestion.clone());
            cidr.set(String::new());
        });
    }
    let err_id = b.el("add-subnet-error");
    let onsubmit = {
        let (d, id, cidr, az) = (b.dispatch.clone(), id.clone(), cidr.clone(), az.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::AddSubnet {
                id: id.trim().to_string(),
                vpc: vpc.clone(),
                cidr: (*cidr).clone(),
                az: (*az).clone(),
            });
        })
    };
    let on_az = {
        let az = az.clone();
        Callback::from(move |e: Event| az.set(value_of(&e)))
    };
    let err = refused.map(|_| err_id.as_str());
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a subnet" }</h3>
            <div class="controls">
                { text(b.el("new-subnet-id"), "Id", &id, err, "") }
                { text(b.el("new-subnet-cidr"), "CIDR", &cidr, err, "10.0.7.0/24") }
                <div class="vpc-f">
                    <label for={b.el("new-subnet-az")}>{ "AZ" }</label>
                    <select id={b.el("new-subnet-az")} onchange={on_az}>
                        { for azs.iter().map(|a| html! { <option value={a.clone()} selected={*a == *az}>{ a.clone() }</option> }) }
                    </select>
                </div>
                <button type="submit">{ "Add subnet" }</button>
            </div>
            { field_error(&err_id, refused) }
        </form>
    }
}

#[function_component]
pub fn AddInstance(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let subnet = b.id.to_string();
    let field = Field::NewInstance(subnet.clone());
    let refused = b.state.refused(&field);
    let vpc = net
        .subnet(&subnet)
        .map(|s| s.vpc.clone())
        .unwrap_or_default();
    let groups: Vec<String> = net
        .security_groups
        .iter()
        .filter(|g| g.vpc == vpc)
        .map(|g| g.id.clone())
        .collect();
    let (id_hint, ip_hint) = (free_id(net, "instance"), free_ip(net, &subnet));
    let id = use_state(|| id_hint.clone());
    let ip = use_state(|| ip_hint.clone());
    let public = use_state(String::new);
    let group = use_state(|| groups.first().cloned().unwrap_or_default());
    {
        let (id, ip, public) = (id.clone(), ip.clone(), public.clone());
        use_reset_on_success(b.epoch(), refused.is_some(), move || {
            id.set(id_hint.clone());
            ip.set(ip_hint.clone());
            public.set(String::new());
        });
    }
    let err_id = b.el("add-instance-error");
    let onsubmit = {
        let (d, id, ip, public, group) = (
            b.dispatch.clone(),
            id.clone(),
            ip.clone(),
            public.clone(),
            group.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::AddInstance {
                id: id.trim().to_string(),
                subnet: subnet.clone(),
                private_ip: (*ip).clone(),
                public_ip: (!public.trim().is_empty()).then(|| (*public).clone()),
                security_groups: (!group.is_empty())
                    .then(|| (*group).clone())
                    .into_iter()
                    .collect(),
            });
        })
    };
    let on_group = {
        let group = group.clone();
        Callback::from(move |e: Event| group.set(value_of(&e)))
    };
    let err = refused.map(|_| err_id.as_str());
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add an instance" }</h3>
            <div class="controls">
                { text(b.el("new-instance-id"), "Id", &id, err, "") }
                { text(b.el("new-instance-ip"), "Private IP", &ip, err, "") }
                { text(b.el("new-instance-public"), "Public IP (optional)", &public, err, "198.51.100.40") }
                <div class="vpc-f">
                    <label for={b.el("new-instance-sg")}>{ "Security group" }</label>
                    <select id={b.el("new-instance-sg")} onchange={on_group}>
                        { for groups.iter().map(|g| html! { <option value={g.clone()} selected={*g == *group}>{ g.clone() }</option> }) }
                    </select>
                </div>
                <button type="submit">{ "Add instance" }</button>
            </div>
            { field_error(&err_id, refused) }
        </form>
    }
}

#[function_component]
pub fn AddNat(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let subnet = b.id.to_string();
    let refused = b.state.refused(&Field::NewNat(subnet.clone()));
    let (id_hint, ip_hint) = (free_id(net, "nat"), free_ip(net, &subnet));
    let id = use_state(|| id_hint.clone());
    let ip = use_state(|| ip_hint.clone());
    let eip = use_state(String::new);
    {
        let (id, ip, eip) = (id.clone(), ip.clone(), eip.clone());
        use_reset_on_success(b.epoch(), refused.is_some(), move || {
            id.set(id_hint.clone());
            ip.set(ip_hint.clone());
            eip.set(String::new());
        });
    }
    let err_id = b.el("add-nat-error");
    let onsubmit = {
        let (d, id, ip, eip) = (b.dispatch.clone(), id.clone(), ip.clone(), eip.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::AddNat {
                id: id.trim().to_string(),
                subnet: subnet.clone(),
                private_ip: (*ip).clone(),
                elastic_ip: (*eip).clone(),
            });
        })
    };
    let err = refused.map(|_| err_id.as_str());
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a NAT gateway here" }</h3>
            <div class="controls">
                { text(b.el("new-nat-id"), "Id", &id, err, "") }
                { text(b.el("new-nat-ip"), "Private IP", &ip, err, "") }
                { text(b.el("new-nat-eip"), "Elastic IP", &eip, err, "198.51.100.50") }
                <button type="submit">{ "Add NAT gateway" }</button>
            </div>
            { field_error(&err_id, refused) }
        </form>
    }
}
