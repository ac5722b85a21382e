//! Security groups (allow rules both ways, members) and network ACLs
//! (numbered rules in evaluation order, ending in the * deny).

use super::super::super::model::{AclAction, Action, PortRange, Protocol, SgPeer, SgRule};
use super::super::select::Sel;
use super::rule_forms::{AddAclRule, AddSgRule};
use super::{row, BodyProps};
use yew::prelude::*;

fn ports_text(protocol: Protocol, p: PortRange) -> String {
    if !protocol.has_ports() || (p.from == 0 && p.to == 65535) {
        "all".into()
    } else if p.from == p.to {
        p.from.to_string()
    } else {
        format!("{}-{}", p.from, p.to)
    }
}

fn sg_rules(b: &BodyProps, egress: bool, rules: &[SgRule]) -> Html {
    let group = b.id.to_string();
    let (title, peer) = if egress {
        ("Outbound rules", "Destination")
    } else {
        ("Inbound rules", "Source")
    };
    html! {
        <>
            <h3>{ title }</h3>
            if rules.is_empty() {
                <p class="vpc-hint">{ if egress { "None: nothing may leave." } else { "None: nothing may come in (replies to outbound traffic still do)." } }</p>
            } else {
                <table class="data">
                    <caption class="sr-only">{ format!("{title} of {group}") }</caption>
                    <thead><tr><th scope="col">{ "#" }</th><th scope="col">{ "Protocol" }</th><th scope="col">{ "Ports" }</th><th scope="col">{ peer }</th><th scope="col">{ "Change" }</th></tr></thead>
                    <tbody>
                        { for rules.iter().enumerate().map(|(k, r)| html! {
                            <tr>
                                <td>{ k + 1 }</td>
                                <td>{ r.protocol.name() }</td>
                                <td>{ ports_text(r.protocol, r.ports) }</td>
                                <td>{ match &r.peer {
                                    SgPeer::Cidr(c) => html! { <span class="mono">{ c.to_string() }</span> },
                                    #[cfg(feature = "ipv6")]
                                    SgPeer::Cidr6(c) => html! { <span class="mono">{ c.to_string() }</span> },
                                    SgPeer::Group(g) => b.link(Sel::SecurityGroup(g.clone())),
                                } }</td>
                                <td>{ b.act("Remove", Action::RemoveSgRule { group: group.clone(), egress, index: k }) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </>
    }
}

pub fn sg_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(g) = net.security_group(&b.id) else {
        return html! {};
    };
    let members: Vec<Sel> = net
        .instances
        .iter()
        .filter(|i| i.security_groups.contains(&g.id))
        .map(|i| Sel::Instance(i.id.clone()))
        .collect();
    html! {
        <>
            <dl class="stats">
                { row("VPC", b.link(Sel::Vpc(g.vpc.clone()))) }
                { row("Members", if members.is_empty() {
                    html! { { "none" } }
                } else {
                    html! { <span class="vpc-inline">{ for members.into_iter().map(|s| b.link(s)) }</span> }
                }) }
            </dl>
            { sg_rules(b, false, &g.inbound) }
            { sg_rules(b, true, &g.outbound) }
            <AddSgRule ..b.clone() />
        </>
    }
}

fn acl_rules(b: &BodyProps, egress: bool) -> Html {
    let net = b.state.pg.network();
    let Some(a) = net.network_acl(&b.id) else {
        return html! {};
    };
    let acl = a.id.clone();
    let (title, peer) = if egress {
        ("Outbound rules", "Destination")
    } else {
        ("Inbound rules", "Source")
    };
    html! {
        <>
            <h3>{ title }</h3>
            <table class="data">
                <caption class="sr-only">{ format!("{title} of {acl}, in evaluation order") }</caption>
                <thead><tr><th scope="col">{ "Rule #" }</th><th scope="col">{ "Protocol" }</th><th scope="col">{ "Ports" }</th><th scope="col">{ peer }</th><th scope="col">{ "Action" }</th><th scope="col">{ "Change" }</th></tr></thead>
                <tbody>
                    { for a.ordered(egress).into_iter().map(|r| {
                        let allow = r.action == AclAction::Allow;
                        html! {
                            <tr>
                                <td>{ r.number }</td>
                                <td>{ r.protocol.name() }</td>
                                <td>{ ports_text(r.protocol, r.ports) }</td>
                                <td class="mono">{ r.cidr.to_string() }</td>
                                <td><span class={classes!("badge", if allow { "good" } else { "bad" })}>{ if allow { "allow" } else { "deny" } }</span></td>
                                <td>{ b.act("Remove", Action::RemoveNaclRule { acl: acl.clone(), number: r.number, egress }) }</td>
                            </tr>
                        }
                    }) }
                    <tr class="vpc-star">
                        <td>{ "*" }</td><td>{ "all" }</td><td>{ "all" }</td><td class="mono">{ "0.0.0.0/0" }</td>
                        <td><span class="badge bad">{ "deny" }</span></td><td><span class="vpc-hint">{ "fixed" }</span></td>
                    </tr>
                </tbody>
            </table>
        </>
    }
}

pub fn acl_body(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let Some(a) = net.network_acl(&b.id) else {
        return html! {};
    };
    let users: Vec<Sel> = net
        .subnets
        .iter()
        .filter(|s| net.acl_for_subnet(&s.id).is_some_and(|u| u.id == a.id))
        .map(|s| Sel::Subnet(s.id.clone()))
        .collect();
    html! {
        <>
            <dl class="stats">
                { row("Default ACL", html! { { if a.default { "yes" } else { "no" } } }) }
                { row("VPC", b.link(Sel::Vpc(a.vpc.clone()))) }
                { row("Used by", if users.is_empty() {
                    html! { { "no subnet" } }
                } else {
                    html! { <span class="vpc-inline">{ for users.into_iter().map(|s| b.link(s)) }</span> }
                }) }
            </dl>
            { acl_rules(b, false) }
            { acl_rules(b, true) }
            <AddAclRule ..b.clone() />
        </>
    }
}
