//! Gateway endpoints in the inspector: the VPC lists its endpoints with a
//! button per service to add one; an endpoint shows its prefix list, a
//! button per route table of its VPC to associate or dissociate it, and a
//! remove button. Shared buttons only (no typed input, no form state), which
//! keeps the module small.

use super::super::model::{Action, Service};
use super::super::state::Field;
use super::inspector::BodyProps;
use techshack_core::widgets::field_error;
use yew::prelude::*;

fn refusal(b: &BodyProps, vpc: &str) -> Html {
    let vpc = vpc.to_string();
    field_error(
        &b.el("endpoint-error"),
        b.state.refused(&Field::Endpoint(vpc)),
    )
}

/// A button per service to add an endpoint; the diagram shows the endpoints.
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
    // One button per table of the VPC: associating adds the prefix-list
    // route there, dissociating removes it (shared buttons keep this small).
    let tables = net.route_tables.iter().filter(|t| t.vpc == e.vpc).map(|t| {
        let on = e.route_tables.contains(&t.id);
        let mut next = e.route_tables.clone();
        next.retain(|x| *x != t.id);
        if !on {
            next.push(t.id.clone());
        }
        let action = Action::SetGatewayEndpoint {
            id: e.id.clone(),
            vpc: e.vpc.clone(),
            service: e.service,
            route_tables: next,
        };
        let verb = if on { "Dissociate" } else { "Associate" };
        html! { <li>{ b.act(&format!("{verb} {}", t.id), action) }</li> }
    });
    let mut about = format!(
        "{} in {}, prefix list {} (sample:",
        e.service_name(),
        e.vpc,
        e.service.prefix_list()
    );
    for c in e.service.cidrs() {
        about.push_str(&format!(" {c}"));
    }
    html! {
        <>
            <p class="mono">{ about }{ ")" }</p>
            <ul class="vpc-list">{ for tables }</ul>
            { refusal(b, &e.vpc) }
            <p>{ b.act("Remove this endpoint", Action::RemoveGatewayEndpoint { id: e.id.clone() }) }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(e.id.clone()))) }
        </>
    }
}
