//! Instances: addresses, groups, source/destination check, and shortcuts
//! that trace to or from them.

use super::super::super::model::{Action, Endpoint, Protocol};
use super::super::super::state::Field;
use super::super::select::Sel;
use super::{row, BodyProps};
use techshack_core::widgets::field_error;
use yew::prelude::*;

pub fn instance_body(b: &BodyProps) -> Html {
    let st = &b.state;
    let net = st.pg.network();
    let Some(i) = net.instance(&b.id) else {
        return html! {};
    };
    let id = i.id.clone();
    let az = net.instance_az(&id).unwrap_or("?").to_string();
    let failed = st.pg.faults().is_failed(&az);
    let check_id = b.el("srcdst");
    let toggle = {
        let (d, id, on) = (b.dispatch.clone(), id.clone(), i.source_dest_check);
        Callback::from(move |_| {
            d.emit(Action::SetSourceDestCheck {
                instance: id.clone(),
                enabled: !on,
            })
        })
    };
    let trace = |src: Endpoint, dst: Endpoint, port: u32| Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    };
    let me = Endpoint::Instance(id.clone());
    html! {
        <>
            <dl class="stats">
                { row("Subnet", b.link(Sel::Subnet(i.subnet.clone()))) }
                { row("AZ", html! { { if failed { format!("{az} (failed)") } else { az.clone() } } }) }
                { row("Private IP", html! { <span class="mono">{ i.private_ip.to_string() }</span> }) }
                { ipv6_after!(row("Public IP", html! { <span class="mono">{ i.public_ip.map_or("none".to_string(), |p| p.to_string()) }</span> });
                    super::super::ipv6::instance_row(b)) }
                { row("Security groups", html! {
                    <span class="vpc-inline">{ for i.security_groups.iter().map(|g| b.link(Sel::SecurityGroup(g.clone()))) }</span>
                }) }
            </dl>
            <p class="vpc-check">
                <input type="checkbox" id={check_id.clone()} checked={i.source_dest_check} onchange={toggle} />
                <label for={check_id}>{ " Source/destination check (turn off to let it forward traffic as a route target)" }</label>
            </p>
            <div class="controls">
                { b.act("Trace: internet → here (TCP 80)", trace(Endpoint::Internet, me.clone(), 80)) }
                { ipv6_after!(b.act("Trace: here → internet (TCP 443)", trace(me.clone(), Endpoint::Internet, 443));
                    super::super::ipv6::instance_traces(b)) }
                { b.act("Remove this instance", Action::RemoveInstance { id: id.clone() }) }
            </div>
            { field_error(&b.el("instance-error"), st.refused(&Field::Instance(id))) }
        </>
    }
}
