//! The VPC and subnet inspectors: CIDR blocks edited in place (refusals
//! and rounding notices next to the field), associations, residents.

use super::super::super::model::{is_public_subnet, total_addresses, usable_addresses, Action};
use super::super::super::state::Field;
use super::super::field::CommitField;
use super::super::select::Sel;
use super::add_forms::{AddInstance, AddNat, AddSubnet};
use super::{row, BodyProps};
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

pub fn vpc_body(b: &BodyProps) -> Html {
    let st = &b.state;
    let net = st.pg.network();
    let Some(v) = net.vpc(&b.id) else {
        return html! {};
    };
    let id = v.id.clone();
    let subnets: Vec<_> = net.subnets.iter().filter(|s| s.vpc == id).collect();
    let azs = {
        let mut a: Vec<&str> = subnets.iter().map(|s| s.az.as_str()).collect();
        a.sort_unstable();
        a.dedup();
        a.join(", ")
    };
    let igw = net.internet_gateways.iter().find(|g| g.vpc == id);
    let total: u64 = v.cidrs().map(total_addresses).sum();
    let set_cidr = {
        let (d, id) = (b.dispatch.clone(), id.clone());
        Callback::from(move |cidr: String| {
            d.emit(Action::SetVpcCidr {
                vpc: id.clone(),
                cidr,
            })
        })
    };
    let add_secondary = {
        let (d, id) = (b.dispatch.clone(), id.clone());
        Callback::from(move |cidr: String| {
            d.emit(Action::AddSecondaryCidr {
                vpc: id.clone(),
                cidr,
            })
        })
    };
    let at = |f: Field| st.refused(&f).map(AttrValue::from);
    let note = |f: Field| st.notice(&f).map(AttrValue::from);
    html! {
        <>
            <dl class="stats">
                { row("Addresses", html! { { total } }) }
                { row("Subnets", html! { { subnets.len() } }) }
                { row("AZs", html! { { if azs.is_empty() { "none".to_string() } else { azs } } }) }
                { row("Internet gateway", match igw {
                    Some(g) => b.link(Sel::Igw(g.id.clone())),
                    None => html! { { "none" } },
                }) }
            </dl>
            <CommitField id={b.el("cidr")} label="Primary CIDR block (/16 to /28)" value={v.cidr.to_string()}
                error={at(Field::VpcCidr(id.clone()))} notice={note(Field::VpcCidr(id.clone()))}
                on_commit={set_cidr} epoch={b.epoch()} />
            <h3>{ "Secondary CIDR blocks" }</h3>
            if v.secondary_cidrs.is_empty() {
                <p class="vpc-hint">{ "None." }</p>
            } else {
                <ul class="vpc-list">
                    { for v.secondary_cidrs.iter().map(|c| html! {
                        <li>{ c.to_string() }{ " " }
                            { b.act("Remove", Action::RemoveSecondaryCidr { vpc: id.clone(), cidr: c.to_string() }) }
                        </li>
                    }) }
                </ul>
            }
            <CommitField id={b.el("secondary")} label="Add a secondary CIDR block" value=""
                button="Add" error={at(Field::Vpc(id.clone()))} notice={note(Field::Vpc(id.clone()))}
                on_commit={add_secondary} epoch={b.epoch()} />
            if igw.is_none() {
                <p>{ b.act("Attach an internet gateway", Action::AddIgw { id: format!("igw-{id}"), vpc: id.clone() }) }</p>
            }
            <h3>{ "Subnets" }</h3>
            <ul class="vpc-list">
                { for subnets.iter().map(|s| html! {
                    <li>{ b.link(Sel::Subnet(s.id.clone())) }{ format!(" {} in {}", s.cidr, s.az) }</li>
                }) }
            </ul>
            <AddSubnet ..b.clone() />
            { ipv6_after!(super::super::endpoint::vpc_endpoints(b); super::super::ipv6::vpc_section(b)) }
            { ipv4_only!(super::super::ipv6_offer::vpc_section(b)) }
        </>
    }
}

pub fn subnet_body(b: &BodyProps) -> Html {
    let st = &b.state;
    let net = st.pg.network();
    let Some(s) = net.subnet(&b.id) else {
        return html! {};
    };
    let id = s.id.clone();
    let public = is_public_subnet(net, &id);
    let failed = st.pg.faults().is_failed(&s.az);
    let table = net.table_for_subnet(&id);
    let explicit_table = table
        .filter(|t| t.subnets.contains(&id))
        .map(|t| t.id.clone());
    let acl = net.acl_for_subnet(&id);
    let explicit_acl = acl
        .filter(|a| a.subnets.contains(&id))
        .map(|a| a.id.clone());
    let edit_cidr = {
        let (d, id) = (b.dispatch.clone(), id.clone());
        Callback::from(move |cidr: String| {
            d.emit(Action::EditSubnetCidr {
                subnet: id.clone(),
                cidr,
            })
        })
    };
    let set_table = {
        let (d, id) = (b.dispatch.clone(), id.clone());
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            d.emit(Action::SetAssociation {
                subnet: id.clone(),
                table: (!v.is_empty()).then_some(v),
            })
        })
    };
    let set_acl = {
        let (d, id) = (b.dispatch.clone(), id.clone());
        Callback::from(move |e: Event| {
            let v = value_of(&e);
            d.emit(Action::SetAclAssociation {
                subnet: id.clone(),
                acl: (!v.is_empty()).then_some(v),
            })
        })
    };
    let main = net.route_tables.iter().find(|t| t.vpc == s.vpc && t.main);
    let default_acl = net
        .network_acls
        .iter()
        .find(|a| a.vpc == s.vpc && a.default);
    let residents: Vec<Sel> = net
        .nat_gateways
        .iter()
        .filter(|n| n.subnet == id)
        .map(|n| Sel::Nat(n.id.clone()))
        .chain(
            net.instances
                .iter()
                .filter(|i| i.subnet == id)
                .map(|i| Sel::Instance(i.id.clone())),
        )
        .collect();
    html! {
        <>
            <dl class="stats">
                { row("AZ", html! { { if failed { format!("{} (failed)", s.az) } else { s.az.clone() } } }) }
                { row("Usable addresses", html! { { usable_addresses(s.cidr) } }) }
                { row("Route table", match table { Some(t) => b.link(Sel::RouteTable(t.id.clone())), None => html! { { "none" } } }) }
                { row("Network ACL", match acl { Some(a) => b.link(Sel::Acl(a.id.clone())), None => html! { { "none (allows all)" } } }) }
                { row("VPC", b.link(Sel::Vpc(s.vpc.clone()))) }
            </dl>
            <CommitField id={b.el("cidr")} label="CIDR block (/16 to /28)" value={s.cidr.to_string()}
                error={st.refused(&Field::SubnetCidr(id.clone())).map(AttrValue::from)}
                notice={st.notice(&Field::SubnetCidr(id.clone())).map(AttrValue::from)}
                on_commit={edit_cidr} epoch={b.epoch()} />
            <p class="vpc-hint">{ "The CIDR explorer below shows this block bit by bit." }</p>
            <div class="controls">
                <div class="vpc-f">
                    <label for={b.el("table")}>{ "Route table" }</label>
                    <select id={b.el("table")} onchange={set_table}>
                        <option value="" selected={explicit_table.is_none()}>
                            { format!("main table ({})", main.map_or("none", |t| t.id.as_str())) }
                        </option>
                        { for net.route_tables.iter().filter(|t| t.vpc == s.vpc).map(|t| html! {
                            <option value={t.id.clone()} selected={explicit_table.as_deref() == Some(t.id.as_str())}>{ t.id.clone() }</option>
                        }) }
                    </select>
                </div>
                <div class="vpc-f">
                    <label for={b.el("acl")}>{ "Network ACL" }</label>
                    <select id={b.el("acl")} onchange={set_acl}>
                        <option value="" selected={explicit_acl.is_none()}>
                            { format!("default ACL ({})", default_acl.map_or("none", |a| a.id.as_str())) }
                        </option>
                        { for net.network_acls.iter().filter(|a| a.vpc == s.vpc && !a.default).map(|a| html! {
                            <option value={a.id.clone()} selected={explicit_acl.as_deref() == Some(a.id.as_str())}>{ a.id.clone() }</option>
                        }) }
                    </select>
                </div>
                { b.act("Remove this subnet", Action::RemoveSubnet { subnet: id.clone() }) }
            </div>
            { ipv6_after!(field_error(&b.el("assoc-error"), st.refused(&Field::Subnet(id.clone())));
                super::super::ipv6::subnet_section(b)) }
            <p class="vpc-hint">{ if public {
                "Public: its route table sends 0.0.0.0/0 to the internet gateway."
            } else {
                "Private: no route to the internet gateway."
            } }</p>
            <h3>{ "In this subnet" }</h3>
            if residents.is_empty() {
                <p class="vpc-hint">{ "Nothing yet." }</p>
            } else {
                <ul class="vpc-list">{ for residents.into_iter().map(|r| html! { <li>{ b.link(r) }</li> }) }</ul>
            }
            <AddInstance ..b.clone() />
            if public { <AddNat ..b.clone() /> }
        </>
    }
}
