//! Route tables (routes with their state, blackholes included), internet
//! and NAT gateways, and peering connections.

use super::super::super::model::{effective_routes, Action, RouteState, Target};
use super::super::super::state::Field;
use super::super::hops::target_text;
use super::super::select::Sel;
use super::rule_forms::AddRoute;
use super::{row, BodyProps};
use techshack_core::widgets::field_error;
use yew::prelude::*;

fn target_sel(t: &Target) -> Option<Sel> {
    match t {
        Target::Local => None,
        Target::Igw(id) => Some(Sel::Igw(id.clone())),
        Target::Nat(id) => Some(Sel::Nat(id.clone())),
        Target::Instance(id) => Some(Sel::Instance(id.clone())),
        Target::Peering(id) => Some(Sel::Peering(id.clone())),
        Target::Endpoint(id) => Some(Sel::Endpoint(id.clone())),
    }
}

/// Tables with an explicit route to `target`.
fn tables_using(b: &BodyProps, target: &Target) -> Html {
    let net = b.state.pg.network();
    let users: Vec<Sel> = net
        .route_tables
        .iter()
        .filter(|t| t.routes.iter().any(|r| r.target == *target))
        .map(|t| Sel::RouteTable(t.id.clone()))
        .collect();
    if users.is_empty() {
        return html! { { "no route table" } };
    }
    html! { <span class="vpc-inline">{ for users.into_iter().map(|s| b.link(s)) }</span> }
}

pub fn route_table_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(t) = net.route_table(&b.id) else {
        return html! {};
    };
    let id = t.id.clone();
    let users: Vec<Sel> = net
        .subnets
        .iter()
        .filter(|s| net.table_for_subnet(&s.id).is_some_and(|u| u.id == id))
        .map(|s| Sel::Subnet(s.id.clone()))
        .collect();
    let routes = effective_routes(net, t);
    html! {
        <>
            <dl class="stats">
                { row("Main table", html! { { if t.main { "yes" } else { "no" } } }) }
                { row("VPC", b.link(Sel::Vpc(t.vpc.clone()))) }
                { row("Used by", if users.is_empty() {
                    html! { { "no subnet" } }
                } else {
                    html! { <span class="vpc-inline">{ for users.into_iter().map(|s| b.link(s)) }</span> }
                }) }
            </dl>
            <table class="data vpc-routes">
                <caption class="sr-only">{ format!("Routes of {id}") }</caption>
                <thead><tr><th scope="col">{ "Destination" }</th><th scope="col">{ "Target" }</th><th scope="col">{ "State" }</th><th scope="col">{ "Change" }</th></tr></thead>
                <tbody>
                    { for routes.iter().map(|r| {
                        let blackhole = r.state == RouteState::Blackhole;
                        html! {
                            <tr class={classes!(blackhole.then_some("blackhole"))}>
                                <td class="mono">{ r.destination.to_string() }</td>
                                <td>{ match target_sel(&r.target).filter(|s| s.exists(net)) {
                                    Some(s) => b.link(s),
                                    None => html! { <span class="mono">{ target_text(&r.target) }</span> },
                                } }</td>
                                <td>{ if blackhole {
                                    html! { <span class="badge bad">{ "blackhole" }</span> }
                                } else {
                                    html! { <span class="badge good">{ "active" }</span> }
                                } }</td>
                                // Endpoint routes come and go with the endpoint's associations.
                                <td>{ if matches!(r.target, Target::Local | Target::Endpoint(_)) {
                                    html! { <span class="vpc-hint">{ "implicit" }</span> }
                                } else {
                                    b.act("Remove", Action::RemoveRoute { table: id.clone(), destination: r.destination.to_string() })
                                } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <AddRoute ..b.clone() />
        </>
    }
}

pub fn igw_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(g) = net.igw(&b.id) else {
        return html! {};
    };
    let id = g.id.clone();
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(g.vpc.clone()))) }
                { row("Routes to it in", tables_using(b, &Target::Igw(id.clone()))) }
            </dl>
            <p>{ b.act("Delete this internet gateway", Action::DeleteIgw { igw: id.clone() }) }</p>
            <p class="vpc-hint">{ "Routes to a deleted gateway stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(id))) }
        </>
    }
}

pub fn nat_body(b: &BodyProps) -> Html {
    let st = &b.state;
    let net = st.pg.network();
    let Some(n) = net.nat(&b.id) else {
        return html! {};
    };
    let id = n.id.clone();
    let az = net.nat_az(&id).unwrap_or("?").to_string();
    let failed = st.pg.faults().is_failed(&az);
    html! {
        <>
            <dl class="stats">
                { row("Subnet", b.link(Sel::Subnet(n.subnet.clone()))) }
                { row("AZ", html! { { if failed { format!("{az} (failed: this NAT is down)") } else { az.clone() } } }) }
                { row("Private IP", html! { <span class="mono">{ n.private_ip.to_string() }</span> }) }
                { row("Elastic IP", html! { <span class="mono">{ n.elastic_ip.to_string() }</span> }) }
                { row("Routes to it in", tables_using(b, &Target::Nat(id.clone()))) }
            </dl>
            <p>{ b.act("Delete this NAT gateway", Action::DeleteNat { nat: id.clone() }) }</p>
            <p class="vpc-hint">{ "Routes to a deleted NAT gateway stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), st.refused(&Field::Component(id))) }
        </>
    }
}

pub fn peering_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(p) = net.peering(&b.id) else {
        return html! {};
    };
    let id = p.id.clone();
    html! {
        <>
            <dl class="stats">
                { row("Requester", b.link(Sel::Vpc(p.requester.clone()))) }
                { row("Accepter", b.link(Sel::Vpc(p.accepter.clone()))) }
                { row("Routes to it in", tables_using(b, &Target::Peering(id.clone()))) }
            </dl>
            <p>{ b.act("Delete this peering connection", Action::DeletePeering { id: id.clone() }) }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(id))) }
        </>
    }
}
