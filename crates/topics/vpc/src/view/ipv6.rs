//! The IPv6 parts of the inspectors: a VPC's dual-stack switch and /56,
//! its egress-only gateways, a subnet's /64, the IPv6 rows of a route
//! table, and the egress-only gateway's own inspector.

use super::super::model::{
    instance_ipv6, Action, Endpoint, Header, Header6, Network, Protocol, RouteState, Target6,
};
use super::super::state::Field;
use super::field::CommitField;
use super::inspector::{row, BodyProps};
use super::select::Sel;
use techshack_core::widgets::field_error;
use yew::prelude::*;

pub fn vpc_section(b: &BodyProps) -> Html {
    let st = &b.state;
    let v6 = &st.pg.network().ipv6;
    let vpc = b.id.to_string();
    let block = v6.vpc_block(&vpc);
    let toggle = {
        let (d, vpc) = (b.dispatch.clone(), vpc.clone());
        let on = block.is_none();
        Callback::from(move |_: Event| {
            d.emit(Action::SetVpcIpv6 {
                vpc: vpc.clone(),
                enabled: on,
                cidr: String::new(),
            })
        })
    };
    let set_block = {
        let (d, vpc) = (b.dispatch.clone(), vpc.clone());
        Callback::from(move |cidr: String| {
            d.emit(Action::SetVpcIpv6 {
                vpc: vpc.clone(),
                enabled: true,
                cidr,
            })
        })
    };
    let field = Field::VpcIpv6(vpc.clone());
    let eigws: Vec<_> = v6
        .egress_only_gateways
        .iter()
        .filter(|g| g.vpc == vpc)
        .collect();
    html! {
        <>
            <h3>{ "IPv6" }</h3>
            <p class="vpc-check">
                <input type="checkbox" id={b.el("dual")} checked={block.is_some()} onchange={toggle} />
                <label for={b.el("dual")}>{ " Dual-stack (IPv6)" }</label>
            </p>
            if let Some(block) = block {
                <CommitField id={b.el("ipv6")} label="IPv6 block (/56, Amazon-provided)" value={block.to_string()}
                    error={st.refused(&field).map(AttrValue::from)} on_commit={set_block} epoch={b.epoch()} />
                <p class="vpc-hint">{ "IPv6 addresses are public: no NAT. Give subnets a /64 each; route ::/0 to the internet gateway (public) or to an egress-only gateway (private: out only)." }</p>
                <ul class="vpc-list">
                    { for eigws.iter().map(|g| html! { <li>{ b.link(Sel::Eigw(g.id.clone())) }</li> }) }
                </ul>
                if eigws.is_empty() {
                    <p>{ b.act("Add an egress-only internet gateway", Action::AddEigw { id: format!("eigw-{vpc}"), vpc: vpc.clone() }) }</p>
                }
            } else {
                { field_error(&b.el("ipv6-error"), st.refused(&field)) }
            }
        </>
    }
}

pub fn subnet_section(b: &BodyProps) -> Html {
    let st = &b.state;
    let net = st.pg.network();
    let subnet = b.id.to_string();
    let Some(vpc) = net.subnet(&subnet).map(|s| s.vpc.as_str()) else {
        return html! {};
    };
    if net.ipv6.vpc_block(vpc).is_none() {
        return html! {};
    }
    let current = net.ipv6.subnet_block(&subnet);
    // Offer the next free /64 of the VPC's /56 until one is set.
    let shown = current
        .or_else(|| net.ipv6.free_64(vpc))
        .map(|c| c.to_string())
        .unwrap_or_default();
    let set = {
        let (d, subnet) = (b.dispatch.clone(), subnet.clone());
        Callback::from(move |cidr: String| {
            d.emit(Action::SetSubnetIpv6 {
                subnet: subnet.clone(),
                cidr,
            })
        })
    };
    html! {
        <>
            <CommitField id={b.el("ipv6")} label="IPv6 block (/64 from the VPC's /56)" value={shown}
                button={if current.is_some() { "Apply" } else { "Assign" }}
                error={st.refused(&Field::SubnetIpv6(subnet.clone())).map(AttrValue::from)}
                on_commit={set} epoch={b.epoch()} />
            if current.is_some() {
                <p>{ b.act("Remove the IPv6 block", Action::SetSubnetIpv6 { subnet, cidr: String::new() }) }</p>
            }
        </>
    }
}

/// A route table's IPv6 routes, in a table of their own below the IPv4 one
/// and its form (AWS's console lists both families in one table; two keep
/// the IPv4 build's markup and code untouched). vpc.css lets its long
/// blocks wrap (`.vpc-routes6 td.mono`), so it fits a 390 px phone.
pub fn route_table6(b: &BodyProps) -> Html {
    let Some(rows) = route_rows(b) else {
        return html! {};
    };
    html! {
        <table class="data vpc-routes6">
            <caption class="sr-only">{ format!("IPv6 routes of {}", b.id) }</caption>
            <thead><tr><th scope="col">{ "IPv6 destination" }</th><th scope="col">{ "Target" }</th><th scope="col">{ "State" }</th><th scope="col">{ "Change" }</th></tr></thead>
            <tbody>{ rows }</tbody>
        </table>
    }
}

/// The IPv6 rows of a route table: the implicit local /56, then its routes.
/// None when there are none: a VPC without a /56 and no IPv6 routes.
fn route_rows(b: &BodyProps) -> Option<Html> {
    let net = b.state.pg.network();
    let table = b.id.to_string();
    let vpc = net.route_table(&table).map(|t| t.vpc.as_str())?;
    if net.ipv6.vpc_block(vpc).is_none() && net.ipv6.routes_of(&table).next().is_none() {
        return None;
    }
    let local = net.ipv6.vpc_block(vpc).map(|c| {
        html! {
            <tr><td class="mono">{ c.to_string() }</td><td class="mono">{ "local" }</td>
                <td><span class="badge good">{ "active" }</span></td><td><span class="vpc-hint">{ "implicit" }</span></td></tr>
        }
    });
    Some(html! {
        <>
            { for local }
            { for net.ipv6.routes_of(&table).map(|r| {
                let state = super::super::model::route6_state(net, vpc, &r.target);
                let alive = state == RouteState::Active;
                let target = match &r.target {
                    Target6::Eigw(id) if alive => b.link(Sel::Eigw(id.clone())),
                    Target6::Igw(id) if alive => b.link(Sel::Igw(id.clone())),
                    t => html! { <span class="mono">{ t.id().to_string() }</span> },
                };
                html! {
                    <tr class={classes!((!alive).then_some("blackhole"))}>
                        <td class="mono">{ r.destination.to_string() }</td>
                        <td>{ target }</td>
                        <td>{ if alive {
                            html! { <span class="badge good">{ "active" }</span> }
                        } else {
                            html! { <span class="badge bad">{ "blackhole" }</span> }
                        } }</td>
                        <td>{ b.act("Remove", Action::RemoveRoute6 { table: table.clone(), destination: r.destination.to_string() }) }</td>
                    </tr>
                }
            }) }
        </>
    })
}

pub fn eigw_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(g) = net.ipv6.eigw(&b.id) else {
        return html! {};
    };
    let id = g.id.clone();
    let users: Vec<Sel> = net
        .ipv6
        .routes
        .iter()
        .filter(|r| r.target == Target6::Eigw(id.clone()))
        .map(|r| Sel::RouteTable(r.table.clone()))
        .collect();
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(g.vpc.clone()))) }
                { row("Routes to it in", if users.is_empty() {
                    html! { { "no route table" } }
                } else {
                    html! { <span class="vpc-inline">{ for users.into_iter().map(|s| b.link(s)) }</span> }
                }) }
            </dl>
            <p>{ b.act("Delete this egress-only gateway", Action::DeleteEigw { eigw: id.clone() }) }</p>
            <p class="vpc-hint">{ "Routes to a deleted gateway stay behind as blackholes." }</p>
            { field_error(&b.el("delete-error"), b.state.refused(&Field::Component(id))) }
        </>
    }
}

/// An instance's IPv6 address row, if it has one.
pub fn instance_row(b: &BodyProps) -> Html {
    match instance_ipv6(b.state.pg.network(), &b.id) {
        Some(v6) => row(
            "IPv6",
            html! { <span class="mono">{ v6.to_string() }</span> },
        ),
        None => html! {},
    }
}

/// An instance's two IPv6 trace shortcuts, if it has an IPv6 address.
pub fn instance_traces(b: &BodyProps) -> Html {
    if instance_ipv6(b.state.pg.network(), &b.id).is_none() {
        return html! {};
    }
    let me = || Endpoint::Instance6(b.id.to_string());
    let trace = |src, dst, port| Action::SetTrace {
        src,
        dst,
        protocol: Protocol::Tcp,
        port,
    };
    html! {
        <>
            { b.act("Trace over IPv6: here → internet (TCP 443)", trace(me(), Endpoint::Internet6, 443)) }
            { b.act("Trace over IPv6: internet → here (TCP 80)", trace(Endpoint::Internet6, me(), 80)) }
        </>
    }
}

/// The tracer's IPv6 ends, once any instance has an IPv6 address.
pub fn trace_options(net: &Network, instances: &[String], all: &mut Vec<(String, String)>) {
    let v6: Vec<&String> = instances
        .iter()
        .filter(|i| instance_ipv6(net, i).is_some())
        .collect();
    if !v6.is_empty() {
        all.push(("internet6".into(), "Internet (IPv6)".into()));
        all.extend(
            v6.iter()
                .map(|i| (format!("i6:{i}"), format!("{i} (IPv6)"))),
        );
    }
}

/// The tracer's option value for an IPv6 end (see `trace_options`).
pub fn parse_endpoint6(v: &str) -> Option<Endpoint> {
    if v == "internet6" {
        return Some(Endpoint::Internet6);
    }
    v.strip_prefix("i6:")
        .map(|id| Endpoint::Instance6(id.to_string()))
}

/// A route table's egress-only gateways, as route targets.
pub fn eigw_targets(net: &Network, vpc: &str, targets: &mut Vec<(String, String)>) {
    for g in net
        .ipv6
        .egress_only_gateways
        .iter()
        .filter(|g| g.vpc == vpc)
    {
        targets.push((
            format!("eigw:{}", g.id),
            format!("egress-only gateway {} (IPv6)", g.id),
        ));
    }
}

/// An IPv6 destination (or an egress-only gateway) makes an IPv6 route.
pub fn route6_action(kind: &str, id: String, table: &str, dest: &str) -> Option<Action> {
    if kind != "eigw" && !dest.contains(':') {
        return None;
    }
    let target = match kind {
        "igw" => Target6::Igw(id),
        _ => Target6::Eigw(id),
    };
    Some(Action::AddRoute6 {
        table: table.to_string(),
        destination: dest.to_string(),
        target,
    })
}

/// The matrix's IPv6 switch, once a subnet has a /64.
pub fn matrix_switch(uid: &str, has_v6: bool, on: bool, v6: UseStateHandle<bool>) -> Html {
    if !has_v6 {
        return html! {};
    }
    let flip = Callback::from(move |_: Event| v6.set(!*v6));
    html! {
        <p class="vpc-check">
            <input type="checkbox" id={format!("{uid}-matrix-v6")} checked={on} onchange={flip} />
            <label for={format!("{uid}-matrix-v6")}>{ " Over IPv6 (instances without a /64 cannot be reached)" }</label>
        </p>
    }
}

/// An IPv6 packet's addresses (with brackets before a port, RFC 3986). No
/// NAT rewrites IPv6, so there is nothing to mark.
pub fn header6_view(h6: &Header6, h: &Header) -> Html {
    let addr = |ip: std::net::Ipv6Addr, port: Option<u16>| match port {
        Some(p) => format!("[{ip}]:{p}"),
        None => ip.to_string(),
    };
    html! {
        <div class="vpc-hop-hdr mono">
            <span>{ addr(h6.src, h.src_port) }</span>{ " → " }<span>{ addr(h6.dst, h.dst_port) }</span>
            <span class="vpc-proto">{ format!(" {}", h.protocol.name().to_ascii_uppercase()) }</span>
        </div>
    }
}
