//! The IPv6 parts of the inspectors: a VPC's dual-stack switch and /56,
//! a subnet's /64, IPv6 routes, and egress-only internet gateways.

use super::super::model::Action;
use super::super::state::Field;
use super::inspector::{row, BodyProps};
use super::select::Sel;
use techshack_core::widgets::field_error;
use yew::prelude::*;

pub fn eigw_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(g) = net.ipv6.eigw(&b.id) else {
        return html! {};
    };
    let id = g.id.clone();
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(g.vpc.clone()))) }
            </dl>
            <p>{ b.act("Delete this egress-only gateway", Action::DeleteEigw { eigw: id.clone() }) }</p>
            <p class="vpc-hint">{ "Routes to a deleted gateway stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(id))) }
        </>
    }
}
