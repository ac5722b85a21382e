//! Gateway endpoints in the inspector: the VPC lists its endpoints with a
//! button per service to add one; an endpoint shows its prefix list, a
//! checkbox per route table of its VPC, and a remove button. Buttons and
//! checkboxes only (no typed input, no form state), which keeps the module
//! small.

use super::super::model::{Action, Service};
use super::super::state::Field;
use super::inspector::{row, BodyProps};
use super::select::Sel;
use techshack_core::widgets::field_error;
use yew::prelude::*;

fn refusal(b: &BodyProps, vpc: &str) -> Html {
    let vpc = vpc.to_string();
    field_error(
        &b.el("endpoint-error"),
        b.state.refused(&Field::Endpoint(vpc)),
    )
}

/// The VPC's endpoints, each a link, and a button per service to add one.
pub fn vpc_endpoints(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let vpc = b.id.to_string();
    let add = |s: Service| {
        let id = (1..)
            .map(|n| match n {
                1 => format!("vpce-{}", s.key()),
                n => format!("vpce-{}-{n}", s.key()),
            })
            .find(|id| net.endpoint(id).is_none())
            .unwrap_or_default();
        let action = Action::SetGatewayEndpoint {
            id,
            vpc: vpc.clone(),
            service: s,
            route_tables: Vec::new(),
        };
        b.act(&format!("Add {} endpoint", s.label()), action)
    };
    html! {
        <>
            <h3>{ "Gateway endpoints" }</h3>
            <ul class="vpc-list">
                { for net.endpoints.iter().filter(|e| e.vpc == vpc).map(|e| html! {
                    <li>{ b.link(Sel::Endpoint(e.id.clone())) }{ " to " }{ e.service.label() }</li>
                }) }
            </ul>
            <p class="vpc-inline">{ for Service::ALL.into_iter().map(add) }</p>
            { refusal(b, &vpc) }
        </>
    }
}

pub fn endpoint_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(e) = net.endpoint(&b.id) else {
        return html! {};
    };
    let cidrs: Vec<String> = e.service.cidrs().iter().map(|c| c.to_string()).collect();
    let tables = net.route_tables.iter().filter(|t| t.vpc == e.vpc).map(|t| {
        let on = e.route_tables.contains(&t.id);
        let mut next = e.route_tables.clone();
        if on {
            next.retain(|x| *x != t.id);
        } else {
            next.push(t.id.clone());
        }
        let action = Action::SetGatewayEndpoint {
            id: e.id.clone(),
            vpc: e.vpc.clone(),
            service: e.service,
            route_tables: next,
        };
        let d = b.dispatch.clone();
        html! {
            <label class="vpc-check">
                <input type="checkbox" checked={on} onchange={move |_| d.emit(action.clone())} />
                { " " }{ t.id.clone() }
            </label>
        }
    });
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(e.vpc.clone()))) }
                { row("Service", html! { <span class="mono">{ e.service_name() }</span> }) }
                { row("Prefix list", html! { <span class="mono">{ e.service.prefix_list() }{ " (sample: " }{ cidrs.join(", ") }{ ")" }</span> }) }
            </dl>
            <fieldset class="vpc-tables">
                <legend>{ "Route tables with its route" }</legend>
                { for tables }
            </fieldset>
            { refusal(b, &e.vpc) }
            <p>{ b.act("Remove this endpoint", Action::RemoveGatewayEndpoint { id: e.id.clone() }) }</p>
            <p class="vpc-hint">{ "AWS deletes its routes with it: they do not stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(e.id.clone()))) }
        </>
    }
}
