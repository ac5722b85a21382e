//! Forms that add a route, a security group rule or a network ACL rule.
//! Numbers are checked here (is it a number?); everything else is the
//! model's to refuse, and its message shows under the form.

use super::super::super::model::{
    AclAction, AclRuleInput, Action, PeerInput, Protocol, SgRuleInput, Target, ACL_RULE_MAX,
    ACL_RULE_MIN,
};
use super::super::super::state::Field;
use super::add_forms::{text, use_reset_on_success};
use super::BodyProps;
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

fn protocol_of(v: &str) -> Protocol {
    match v {
        "udp" => Protocol::Udp,
        "icmp" => Protocol::Icmp,
        "all" => Protocol::All,
        _ => Protocol::Tcp,
    }
}

/// A number from a form; blank means `default`.
fn number(what: &str, text: &str, default: u32) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(default);
    }
    t.parse()
        .map_err(|_| format!("{what}: \"{t}\" is not a whole number"))
}

/// A rule number: it has no default, so a blank field says what to enter
/// (it used to count as rule 0 and be refused as out of range).
fn rule_number(text: &str) -> Result<u32, String> {
    if text.trim().is_empty() {
        return Err(format!(
            "rule number: enter a whole number from {ACL_RULE_MIN} to {ACL_RULE_MAX}"
        ));
    }
    number("rule number", text, 0)
}

/// A select with its own label (not wrapped, so its name is the label alone).
fn select(
    id: String,
    label: &str,
    options: &[(&str, &str)],
    value: &UseStateHandle<String>,
) -> Html {
    let v = value.clone();
    let onchange = Callback::from(move |e: Event| v.set(value_of(&e)));
    html! {
        <div class="vpc-f">
            <label for={id.clone()}>{ label.to_string() }</label>
            <select {id} {onchange}>
                { for options.iter().map(|(val, text)| html! {
                    <option value={val.to_string()} selected={**value == *val}>{ text.to_string() }</option>
                }) }
            </select>
        </div>
    }
}

const PROTOCOLS: [(&str, &str); 4] = [
    ("tcp", "TCP"),
    ("udp", "UDP"),
    ("icmp", "ICMP"),
    ("all", "All"),
];
const DIRECTIONS: [(&str, &str); 2] = [("in", "Inbound"), ("out", "Outbound")];

#[function_component]
pub fn AddRoute(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let table = b.id.to_string();
    let refused = b.state.refused(&Field::Table(table.clone()));
    let vpc = net
        .route_table(&table)
        .map(|t| t.vpc.clone())
        .unwrap_or_default();
    let in_vpc = |subnet: &str| net.subnet(subnet).is_some_and(|s| s.vpc == vpc);
    let mut targets: Vec<(String, String)> = Vec::new();
    for g in net.internet_gateways.iter().filter(|g| g.vpc == vpc) {
        targets.push((
            format!("igw:{}", g.id),
            format!("internet gateway {}", g.id),
        ));
    }
    #[cfg(feature = "ipv6")]
    super::super::ipv6::eigw_targets(net, &vpc, &mut targets);
    for n in net.nat_gateways.iter().filter(|n| in_vpc(&n.subnet)) {
        targets.push((format!("nat:{}", n.id), format!("NAT gateway {}", n.id)));
    }
    for p in net.peerings.iter().filter(|p| p.other_side(&vpc).is_some()) {
        targets.push((format!("pcx:{}", p.id), format!("peering {}", p.id)));
    }
    for i in net.instances.iter().filter(|i| in_vpc(&i.subnet)) {
        targets.push((format!("instance:{}", i.id), format!("instance {}", i.id)));
    }
    let dest = use_state(String::new);
    let target = use_state(|| targets.first().map(|t| t.0.clone()).unwrap_or_default());
    {
        let dest = dest.clone();
        use_reset_on_success(b.epoch(), refused.is_some(), move || {
            dest.set(String::new())
        });
    }
    let err_id = b.el("add-route-error");
    let onsubmit = {
        let (d, dest, target) = (b.dispatch.clone(), dest.clone(), target.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (kind, id) = target.split_once(':').unwrap_or(("", ""));
            let id = id.to_string();
            #[cfg(feature = "ipv6")]
            if let Some(a) = super::super::ipv6::route6_action(kind, id.clone(), &table, &dest) {
                return d.emit(a);
            }
            let target = match kind {
                "igw" => Target::Igw(id),
                "nat" => Target::Nat(id),
                "pcx" => Target::Peering(id),
                _ => Target::Instance(id),
            };
            d.emit(Action::AddRoute {
                table: table.clone(),
                destination: (*dest).clone(),
                target,
            });
        })
    };
    let opts: Vec<(&str, &str)> = targets
        .iter()
        .map(|(v, t)| (v.as_str(), t.as_str()))
        .collect();
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a route" }</h3>
            <div class="controls">
                { text(b.el("route-dest"), "Destination", &dest, refused.map(|_| err_id.as_str()), "0.0.0.0/0") }
                { select(b.el("route-target"), "Target", &opts, &target) }
                <button type="submit" disabled={targets.is_empty()}>{ "Add route" }</button>
            </div>
            { field_error(&err_id, refused) }
        </form>
    }
}

#[function_component]
pub fn AddSgRule(b: &BodyProps) -> Html {
    let net = b.state.pg.network();
    let group = b.id.to_string();
    let refused = b.state.refused(&Field::Group(group.clone()));
    let local = use_state(|| None::<String>);
    let dir = use_state(|| "in".to_string());
    let proto = use_state(|| "tcp".to_string());
    let from = use_state(|| "443".to_string());
    let to = use_state(|| "443".to_string());
    let peer_kind = use_state(|| "cidr".to_string());
    let cidr = use_state(|| "0.0.0.0/0".to_string());
    let groups: Vec<String> = net.security_groups.iter().map(|g| g.id.clone()).collect();
    let peer_group = use_state(|| groups.first().cloned().unwrap_or_default());
    {
        let local = local.clone();
        use_reset_on_success(b.epoch(), refused.is_some(), move || local.set(None));
    }
    let err_id = b.el("add-sg-error");
    let onsubmit = {
        let d = b.dispatch.clone();
        let (local, dir, proto, from, to) = (
            local.clone(),
            dir.clone(),
            proto.clone(),
            from.clone(),
            to.clone(),
        );
        let (peer_kind, cidr, peer_group) = (peer_kind.clone(), cidr.clone(), peer_group.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let ports = number("from port", &from, 0)
                .and_then(|f| number("to port", &to, 65535).map(|t| (f, t)));
            let (from_port, to_port) = match ports {
                Ok(p) => p,
                Err(m) => return local.set(Some(m)),
            };
            local.set(None);
            let peer = if *peer_kind == "group" {
                PeerInput::Group((*peer_group).clone())
            } else {
                PeerInput::Cidr((*cidr).clone())
            };
            d.emit(Action::AddSgRule {
                group: group.clone(),
                egress: *dir == "out",
                rule: SgRuleInput {
                    protocol: protocol_of(&proto),
                    from_port,
                    to_port,
                    peer,
                },
            });
        })
    };
    let msg = local.as_deref().or(refused);
    let err = msg.map(|_| err_id.as_str());
    let group_opts: Vec<(&str, &str)> = groups.iter().map(|g| (g.as_str(), g.as_str())).collect();
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a rule" }</h3>
            <div class="controls">
                { select(b.el("sg-direction"), "Direction", &DIRECTIONS, &dir) }
                { select(b.el("sg-protocol"), "Protocol", &PROTOCOLS, &proto) }
                { text(b.el("sg-from"), "From port", &from, err, "0") }
                { text(b.el("sg-to"), "To port", &to, err, "65535") }
                { select(b.el("sg-peer"), "Peer", &[("cidr", "CIDR"), ("group", "Security group")], &peer_kind) }
                if *peer_kind == "group" {
                    { select(b.el("sg-group"), "Group", &group_opts, &peer_group) }
                } else {
                    { text(b.el("sg-cidr"), "CIDR", &cidr, err, "0.0.0.0/0") }
                }
                <button type="submit">{ "Add rule" }</button>
            </div>
            { field_error(&err_id, msg) }
        </form>
    }
}

#[function_component]
pub fn AddAclRule(b: &BodyProps) -> Html {
    let acl = b.id.to_string();
    let refused = b.state.refused(&Field::Acl(acl.clone()));
    let local = use_state(|| None::<String>);
    let num = use_state(|| "120".to_string());
    let dir = use_state(|| "out".to_string());
    let action = use_state(|| "allow".to_string());
    let proto = use_state(|| "tcp".to_string());
    let from = use_state(|| "1024".to_string());
    let to = use_state(|| "65535".to_string());
    let cidr = use_state(|| "0.0.0.0/0".to_string());
    {
        let local = local.clone();
        use_reset_on_success(b.epoch(), refused.is_some(), move || local.set(None));
    }
    let err_id = b.el("add-acl-error");
    let onsubmit = {
        let d = b.dispatch.clone();
        let (local, num, dir, action, proto) = (
            local.clone(),
            num.clone(),
            dir.clone(),
            action.clone(),
            proto.clone(),
        );
        let (from, to, cidr) = (from.clone(), to.clone(), cidr.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parsed = rule_number(&num).and_then(|n| {
                number("from port", &from, 0)
                    .and_then(|f| number("to port", &to, 65535).map(|t| (n, f, t)))
            });
            let (number, from_port, to_port) = match parsed {
                Ok(p) => p,
                Err(m) => return local.set(Some(m)),
            };
            local.set(None);
            d.emit(Action::AddNaclRule {
                acl: acl.clone(),
                rule: AclRuleInput {
                    number,
                    egress: *dir == "out",
                    action: if *action == "deny" {
                        AclAction::Deny
                    } else {
                        AclAction::Allow
                    },
                    protocol: protocol_of(&proto),
                    from_port,
                    to_port,
                    cidr: (*cidr).clone(),
                },
            });
        })
    };
    let msg = local.as_deref().or(refused);
    let err = msg.map(|_| err_id.as_str());
    html! {
        <form class="vpc-add" {onsubmit}>
            <h3>{ "Add a rule" }</h3>
            <div class="controls">
                { text(b.el("acl-num"), "Rule #", &num, err, "100") }
                { select(b.el("acl-direction"), "Direction", &DIRECTIONS, &dir) }
                { select(b.el("acl-action"), "Action", &[("allow", "Allow"), ("deny", "Deny")], &action) }
                { select(b.el("acl-protocol"), "Protocol", &PROTOCOLS, &proto) }
                { text(b.el("acl-from"), "From port", &from, err, "0") }
                { text(b.el("acl-to"), "To port", &to, err, "65535") }
                { text(b.el("acl-cidr"), "CIDR", &cidr, err, "0.0.0.0/0") }
                <button type="submit">{ "Add rule" }</button>
            </div>
            { field_error(&err_id, msg) }
        </form>
    }
}
