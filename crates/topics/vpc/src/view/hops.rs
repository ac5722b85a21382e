//! The hop list: every component the request and the reply pass, the
//! headers leaving it (NAT and IGW rewrites marked), the rule or route that
//! matched, AZ crossings and the explanation codes as badges.

use super::super::model::{
    AclAction, ComponentKind, Header, Hop, Matched, Network, Path, Protocol, RouteState, SgPeer,
    Target,
};
use super::super::state::VpcPanel;
use super::select::{of_hop, Sel};
use super::TraceResult;
use techshack_core::Shared;
use yew::prelude::*;

/// What the hop list shows and acts on.
#[derive(PartialEq, Clone)]
pub struct HopListProps {
    pub state: Shared<VpcPanel>,
    pub dispatch: Callback<super::super::model::Action>,
    pub uid: AttrValue,
    pub trace: TraceResult,
    pub on_select: Callback<Sel>,
}

pub fn kind_name(k: ComponentKind) -> &'static str {
    match k {
        ComponentKind::Internet => "internet",
        ComponentKind::Instance => "instance",
        ComponentKind::SecurityGroup => "security group",
        ComponentKind::NetworkAcl => "network ACL",
        ComponentKind::RouteTable => "route table",
        ComponentKind::InternetGateway => "internet gateway",
        ComponentKind::NatGateway => "NAT gateway",
        ComponentKind::Peering => "peering",
        ComponentKind::SubnetHost => "subnet address",
        ComponentKind::Vpc => "VPC",
        ComponentKind::GatewayEndpoint => "gateway endpoint",
        #[cfg(feature = "ipv6")]
        ComponentKind::EgressOnlyGateway => "egress-only internet gateway",
    }
}

pub fn target_text(t: &Target) -> String {
    match t {
        Target::Local => "local".into(),
        other => other.id().to_string(),
    }
}

fn ports(from: u32, to: u32) -> String {
    if from == 0 && to == 65535 {
        "all ports".into()
    } else if from == to {
        format!("port {from}")
    } else {
        format!("ports {from}-{to}")
    }
}

/// What matched, in words.
fn matched_text(net: &Network, m: &Matched) -> String {
    let way = |egress: bool| if egress { "outbound" } else { "inbound" };
    match m {
        Matched::Route {
            destination,
            target,
            state,
            ..
        } => format!(
            "route {destination} → {}{}",
            target_text(target),
            if *state == RouteState::Blackhole {
                " (blackhole)"
            } else {
                ""
            }
        ),
        Matched::AclRule {
            egress,
            number,
            action,
            ..
        } => format!(
            "{} rule {}: {}",
            way(*egress),
            number.map_or("*".to_string(), |n| n.to_string()),
            if *action == AclAction::Allow {
                "allow"
            } else {
                "deny"
            }
        ),
        Matched::SgRule {
            group,
            egress,
            index,
        } => {
            let rule = net
                .security_group(group)
                .and_then(|g| g.rules(*egress).get(*index))
                .map(|r| {
                    let peer = match &r.peer {
                        SgPeer::Cidr(c) => c.to_string(),
                        #[cfg(feature = "ipv6")]
                        SgPeer::Cidr6(c) => c.to_string(),
                        SgPeer::Group(g) => format!("members of {g}"),
                    };
                    let dir = if *egress { "to" } else { "from" };
                    let what = match r.protocol {
                        Protocol::All => "all traffic".to_string(),
                        p if p.has_ports() => {
                            format!("{} {}", p.name(), ports(r.ports.from, r.ports.to))
                        }
                        p => p.name().to_string(),
                    };
                    format!(": {what} {dir} {peer}")
                })
                .unwrap_or_default();
            format!("{group} {} rule #{}{rule}", way(*egress), index + 1)
        }
        Matched::Stateful => "reply to a tracked connection: security groups are stateful".into(),
        Matched::Translation { from, to } => format!("rewrites {from} → {to}"),
        #[cfg(feature = "ipv6")]
        Matched::Route6 {
            destination,
            target,
            state,
            ..
        } => format!(
            "route {destination} → {}{}",
            target.as_ref().map_or("local", |t| t.id()),
            if *state == RouteState::Blackhole {
                " (blackhole)"
            } else {
                ""
            }
        ),
    }
}

fn addr(ip: std::net::Ipv4Addr, port: Option<u16>, changed: bool) -> Html {
    let text = match port {
        Some(p) => format!("{ip}:{p}"),
        None => ip.to_string(),
    };
    if changed {
        html! { <mark class="vpc-rewrite" title="rewritten here">{ text }</mark> }
    } else {
        html! { <span>{ text }</span> }
    }
}

fn header_view(hop: &Hop, before: Option<&Header>, translated: bool) -> Html {
    let h = &hop.header;
    #[cfg(feature = "ipv6")]
    if let Some(h6) = &hop.header6 {
        return super::ipv6::header6_view(h6, h);
    }
    let src_changed = translated && before.is_some_and(|b| b.src != h.src);
    let dst_changed = translated && before.is_some_and(|b| b.dst != h.dst);
    html! {
        <div class="vpc-hop-hdr mono">
            { addr(h.src, h.src_port, src_changed) }{ " → " }{ addr(h.dst, h.dst_port, dst_changed) }
            <span class="vpc-proto">{ format!(" {}", h.protocol.name().to_ascii_uppercase()) }</span>
            if src_changed { <span class="badge warn">{ "source rewritten" }</span> }
            if dst_changed { <span class="badge warn">{ "destination rewritten" }</span> }
        </div>
    }
}

fn hop_view(net: &Network, hop: &Hop, before: Option<&Hop>, on_select: &Callback<Sel>) -> Html {
    let sel = of_hop(hop);
    let onclick = {
        let (cb, sel) = (on_select.clone(), sel.clone());
        Callback::from(move |_| cb.emit(sel.clone()))
    };
    let translated = matches!(hop.matched, Some(Matched::Translation { .. }));
    let context = match hop.kind {
        ComponentKind::RouteTable | ComponentKind::NetworkAcl => {
            hop.related.first().map(|s| format!(" of {s}"))
        }
        _ => None,
    };
    html! {
        <>
            if hop.gap_before {
                <li class="vpc-gap">{ "… the path broke above; the tracer jumped ahead to check the far end too." }</li>
            }
            <li class={classes!("vpc-hop", hop.is_blocking().then_some("blocked"))}>
                <div class="vpc-hop-head">
                    <button type="button" class="vpc-link" {onclick}>{ hop.component.clone() }</button>
                    <span class="vpc-hop-kind">{ format!(" {}{}", kind_name(hop.kind), context.unwrap_or_default()) }</span>
                    if let Some(az) = &hop.az { <span class="badge">{ az.clone() }</span> }
                    if hop.crosses_az { <span class="badge warn">{ "⇄ crosses AZ" }</span> }
                    if hop.is_blocking() { <span class="badge bad">{ "✗ blocks" }</span> }
                </div>
                { header_view(hop, before.map(|b| &b.header), translated) }
                if let Some(m) = &hop.matched {
                    <div class="vpc-hop-match">{ matched_text(net, m) }</div>
                }
                if !hop.explanations.is_empty() {
                    <ul class="vpc-codes">
                        { for hop.explanations.iter().map(|e| html! {
                            <li>
                                <span class={classes!("badge", "vpc-code", if e.blocking { "bad" } else { "warn" })}>{ e.code.as_str() }</span>
                                { format!(" {}", e.detail) }
                            </li>
                        }) }
                    </ul>
                }
            </li>
        </>
    }
}

fn path_view(net: &Network, title: String, path: &Path, on_select: &Callback<Sel>) -> Html {
    html! {
        <div class="vpc-path-list">
            <h3>{ title }</h3>
            if path.hops.is_empty() {
                <p class="vpc-hint">{ "No reply: the request never arrived." }</p>
            } else {
                <ol class="vpc-hops">
                    { for path.hops.iter().enumerate().map(|(k, h)| {
                        hop_view(net, h, k.checked_sub(1).and_then(|p| path.hops.get(p)), on_select)
                    }) }
                </ol>
            }
        </div>
    }
}

pub fn hop_list(props: &HopListProps) -> Html {
    let uid = &props.uid;
    let net = props.state.pg.network();
    let body = match props.trace.as_ref() {
        Ok(t) => html! {
            <div class="vpc-hop-cols">
                { path_view(net, format!("Request ({} hops)", t.forward.hops.len()), &t.forward, &props.on_select) }
                { path_view(net, format!("Reply ({} hops)", t.ret.hops.len()), &t.ret, &props.on_select) }
            </div>
        },
        Err(e) => html! { <p>{ format!("No trace: {e}") }</p> },
    };
    html! {
        <section role="group" class="card-box vpc-hoplist" aria-labelledby={format!("{uid}-hops-h")}>
            <h2 id={format!("{uid}-hops-h")}>{ "Hop by hop" }</h2>
            { body }
        </section>
    }
}
