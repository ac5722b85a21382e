//! Gateway endpoints in the inspector: the VPC's list with a form to add
//! one (service, id, route tables to associate), and the endpoint's own body
//! with its prefix list and a remove button.

use super::super::model::{Action, Service};
use super::super::state::Field;
use super::inspector::add_forms::{text, use_reset_on_success};
use super::inspector::{row, BodyProps};
use super::select::Sel;
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

/// The VPC's endpoints, each a link, then the form to add one.
pub fn vpc_endpoints(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let mine = net.endpoints.iter().filter(|e| *e.vpc == *b.id);
    html! {
        <>
            <h3>{ "Gateway endpoints" }</h3>
            <ul class="vpc-list">
                { for mine.map(|e| html! {
                    <li>{ b.link(Sel::Endpoint(e.id.clone())) }{ format!(" to {}", e.service.label()) }</li>
                }) }
            </ul>
            <AddEndpoint ..b.clone() />
        </>
    }
}

#[function_component]
pub fn AddEndpoint(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let vpc = b.id.to_string();
    let refused = b.state.refused(&Field::Endpoint(vpc.clone()));
    let tables: Vec<String> = net
        .route_tables
        .iter()
        .filter(|t| t.vpc == vpc)
        .map(|t| t.id.clone())
        .collect();
    let hint = (1..)
        .map(|n| format!("vpce-{n}"))
        .find(|id| net.endpoint(id).is_none())
        .unwrap_or_default();
    let id = use_state(|| hint.clone());
    let service = use_state(|| Service::S3);
    let chosen = use_state(Vec::<String>::new);
    {
        let (id, chosen) = (id.clone(), chosen.clone());
        use_reset_on_success(b.epoch(), refused.is_some(), move || {
            id.set(hint.clone());
            chosen.set(Vec::new());
        });
    }
    let err_id = b.el("add-endpoint-error");
    let onsubmit = {
        let (d, id, service, chosen) = (
            b.dispatch.clone(),
            id.clone(),
            service.clone(),
            chosen.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::AddGatewayEndpoint {
                id: id.trim().to_string(),
                vpc: vpc.clone(),
                service: *service,
                route_tables: (*chosen).clone(),
            });
        })
    };
    let on_service = {
        let service = service.clone();
        Callback::from(move |e: Event| {
            service.set(match value_of(&e).as_str() {
                "dynamodb" => Service::Dynamodb,
                _ => Service::S3,
            })
        })
    };
    let err = refused.map(|_| err_id.as_str());
    let boxes = tables.into_iter().map(|t| {
        let on = chosen.contains(&t);
        let chosen = chosen.clone();
        let toggle = {
            let t = t.clone();
            Callback::from(move |_: Event| {
                let mut next = (*chosen).clone();
                if on {
                    next.retain(|x| *x != t);
                } else {
                    next.push(t.clone());
                }
                chosen.set(next);
            })
        };
        html! {
            <label class="vpc-check"><input type="checkbox" checked={on} onchange={toggle} />{ format!(" {t}") }</label>
        }
    });
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a gateway endpoint" }</h3>
            <div class="controls">
                { text(b.el("new-endpoint-id"), "Id", &id, err, "") }
                <div class="vpc-f">
                    <label for={b.el("new-endpoint-service")}>{ "Service" }</label>
                    <select id={b.el("new-endpoint-service")} onchange={on_service}>
                        { for Service::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == *service}>{ s.label() }</option>
                        }) }
                    </select>
                </div>
            </div>
            <fieldset class="vpc-tables">
                <legend>{ "Route tables that get its route" }</legend>
                { for boxes }
            </fieldset>
            <button type="submit">{ "Add endpoint" }</button>
            { field_error(&err_id, refused) }
        </form>
    }
}

pub fn endpoint_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(e) = net.endpoint(&b.id) else {
        return html! {};
    };
    let id = e.id.clone();
    let cidrs: Vec<String> = e.service.cidrs().iter().map(|c| c.to_string()).collect();
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(e.vpc.clone()))) }
                { row("Service", html! { <span class="mono">{ e.service_name() }</span> }) }
                { row("Prefix list", html! { <span class="mono">{ format!("{} ({}, a sample)", e.service.prefix_list(), cidrs.join(", ")) }</span> }) }
                { row("Route tables", if e.route_tables.is_empty() {
                    html! { { "none" } }
                } else {
                    html! { <span class="vpc-inline">{ for e.route_tables.iter().map(|t| b.link(Sel::RouteTable(t.clone()))) }</span> }
                }) }
            </dl>
            <p>{ b.act("Remove this endpoint", Action::RemoveGatewayEndpoint { id: id.clone() }) }</p>
            <p class="vpc-hint">{ "AWS removes its routes with it: they do not stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(id))) }
        </>
    }
}
