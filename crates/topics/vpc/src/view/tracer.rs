//! The tracer's form (source, destination, protocol, port, or pick on the
//! diagram) and its verdict: reachable, or every blocker with its code.

use super::super::model::{Action, Endpoint, Protocol};
use super::super::state::{Field, VpcPanel};
use super::field::parse_port;
use super::select::endpoint_name;
use super::{Pick, TraceResult};
use techshack_core::widgets::{field_error, value_of};
use techshack_core::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct TraceFormProps {
    pub state: Shared<VpcPanel>,
    pub dispatch: Callback<Action>,
    pub uid: AttrValue,
    pub trace: TraceResult,
    pub pick: Pick,
    pub on_pick_mode: Callback<bool>,
}

/// The form's values while the user edits them.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    src: String,
    dst: String,
    protocol: Protocol,
    port: String,
}

/// Service addresses to trace to: one inside each us-east-1 prefix list
/// the model's gateway endpoints carry (`model::Service::cidrs`), and an S3
/// address of us-west-2 (52.218.128.0/17 in AWS's ip-ranges.json), which no
/// endpoint of this Region carries.
const SERVICES: [(&str, &str); 3] = [
    ("ip:52.216.8.10", "S3, us-east-1 (52.216.8.10)"),
    ("ip:52.94.0.10", "DynamoDB, us-east-1 (52.94.0.10)"),
    ("ip:52.218.128.10", "S3, us-west-2 (52.218.128.10)"),
];

fn endpoint_value(e: &Endpoint) -> String {
    match e {
        Endpoint::Instance(id) => format!("i:{id}"),
        Endpoint::Internet => "internet".into(),
        Endpoint::Ip(ip) => format!("ip:{ip}"),
        #[cfg(feature = "ipv6")]
        Endpoint::Instance6(id) => format!("i6:{id}"),
        #[cfg(feature = "ipv6")]
        Endpoint::Internet6 => "internet6".into(),
    }
}

fn parse_endpoint(v: &str) -> Endpoint {
    #[cfg(feature = "ipv6")]
    if let Some(e) = super::ipv6::parse_endpoint6(v) {
        return e;
    }
    match v.strip_prefix("i:") {
        Some(id) => Endpoint::Instance(id.to_string()),
        None => match v.strip_prefix("ip:").and_then(|ip| ip.parse().ok()) {
            Some(ip) => Endpoint::Ip(ip),
            None => Endpoint::Internet,
        },
    }
}

fn protocol_of(v: &str) -> Protocol {
    match v {
        "udp" => Protocol::Udp,
        "icmp" => Protocol::Icmp,
        _ => Protocol::Tcp,
    }
}

#[function_component]
pub fn TraceForm(props: &TraceFormProps) -> Html {
    let uid = &props.uid;
    let pg = &props.state.pg;
    let spec = pg.trace_spec();
    let from_spec = Draft {
        src: endpoint_value(&spec.src),
        dst: endpoint_value(&spec.dst),
        protocol: spec.protocol,
        port: spec.port.to_string(),
    };
    let draft = use_state(|| None::<Draft>);
    let port_error = use_state(|| None::<String>);
    {
        // Once the state moves on without a refusal here, show the state again.
        let (draft, port_error) = (draft.clone(), port_error.clone());
        let refused = props.state.refused(&Field::Trace).is_some();
        let epoch = std::rc::Rc::as_ptr(&props.state.0) as usize;
        use_effect_with((epoch, refused), move |(_, refused)| {
            if !*refused {
                draft.set(None);
                port_error.set(None);
            }
        });
    }
    let shown = (*draft).clone().unwrap_or(from_spec.clone());
    let edit = |f: fn(&mut Draft, String)| {
        let (draft, shown) = (draft.clone(), shown.clone());
        Callback::from(move |e: Event| {
            let mut d = shown.clone();
            f(&mut d, value_of(&e));
            draft.set(Some(d));
        })
    };
    let on_port = {
        let (draft, shown) = (draft.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(Draft {
                port: input.value(),
                ..shown.clone()
            }));
        })
    };
    let onsubmit = {
        let (dispatch, shown, port_error) =
            (props.dispatch.clone(), shown.clone(), port_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let port = if shown.protocol == Protocol::Icmp {
                Ok(0)
            } else {
                parse_port("trace port", &shown.port)
            };
            match port {
                Ok(port) => {
                    port_error.set(None);
                    dispatch.emit(Action::SetTrace {
                        src: parse_endpoint(&shown.src),
                        dst: parse_endpoint(&shown.dst),
                        protocol: shown.protocol,
                        port,
                    });
                }
                Err(m) => port_error.set(Some(m)),
            }
        })
    };
    let instances: Vec<String> = pg
        .network()
        .instances
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let options = |chosen: &str| {
        let mut all = vec![("internet".to_string(), "Internet".to_string())];
        all.extend(instances.iter().map(|i| (format!("i:{i}"), i.clone())));
        for (v, text) in SERVICES {
            all.push((v.to_string(), text.to_string()));
        }
        #[cfg(feature = "ipv6")]
        super::ipv6::trace_options(pg.network(), &instances, &mut all);
        if let Some(ip) = chosen
            .strip_prefix("ip:")
            .filter(|_| !SERVICES.iter().any(|(v, _)| *v == chosen))
        {
            all.push((chosen.to_string(), ip.to_string()));
        }
        all.into_iter()
            .map(|(v, text)| html! { <option value={v.clone()} selected={v == chosen}>{ text }</option> })
            .collect::<Html>()
    };
    let picking = props.pick != Pick::Off;
    let toggle = {
        let cb = props.on_pick_mode.clone();
        Callback::from(move |_| cb.emit(!picking))
    };
    let port_err_id = format!("{uid}-port-error");
    let trace_err = props.state.refused(&Field::Trace);
    let icmp = shown.protocol == Protocol::Icmp;
    html! {
        <section role="group" class="card-box vpc-tracer" aria-labelledby={format!("{uid}-tracer-h")}>
            <h2 id={format!("{uid}-tracer-h")}>{ "Packet tracer" }</h2>
            <form class="controls" {onsubmit}>
                <div class="vpc-f">
                    <label for={format!("{uid}-trace-src")}>{ "Source" }</label>
                    <select id={format!("{uid}-trace-src")} onchange={edit(|d, v| d.src = v)}>{ options(&shown.src) }</select>
                </div>
                <div class="vpc-f">
                    <label for={format!("{uid}-trace-dst")}>{ "Destination" }</label>
                    <select id={format!("{uid}-trace-dst")} onchange={edit(|d, v| d.dst = v)}>{ options(&shown.dst) }</select>
                </div>
                <div class="vpc-f">
                    <label for={format!("{uid}-trace-proto")}>{ "Protocol" }</label>
                    <select id={format!("{uid}-trace-proto")} onchange={edit(|d, v| d.protocol = protocol_of(&v))}>
                        { for ["tcp", "udp", "icmp"].iter().map(|p| html! {
                            <option value={*p} selected={shown.protocol.name() == *p}>{ p.to_ascii_uppercase() }</option>
                        }) }
                    </select>
                </div>
                <label>{ "Port" }
                    <input class="vpc-port" type="text" inputmode="numeric" value={if icmp { String::new() } else { shown.port.clone() }}
                        disabled={icmp} placeholder={if icmp { "no ports in ICMP" } else { "" }}
                        oninput={on_port} aria-invalid={port_error.is_some().to_string()}
                        aria-describedby={port_error.is_some().then(|| port_err_id.clone())} />
                </label>
                <button type="submit" class="primary">{ "Trace" }</button>
                <button type="button" aria-pressed={picking.to_string()} onclick={toggle}>
                    { if picking { "Cancel picking" } else { "Pick on the diagram" } }
                </button>
            </form>
            { field_error(&port_err_id, port_error.as_deref()) }
            { field_error(&format!("{uid}-trace-error"), trace_err) }
            <Verdict trace={props.trace.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct VerdictProps {
    trace: TraceResult,
}

#[function_component]
fn Verdict(props: &VerdictProps) -> Html {
    let t = match props.trace.as_ref() {
        Ok(t) => t,
        Err(e) => {
            return html! { <p class="vpc-verdict" role="status">{ format!("No trace: {e}") }</p> }
        }
    };
    let what = format!(
        "{} → {} ({}{})",
        endpoint_name(&t.spec.src),
        endpoint_name(&t.spec.dst),
        t.spec.protocol.name().to_ascii_uppercase(),
        if t.spec.protocol.has_ports() {
            format!(" {}", t.spec.port)
        } else {
            String::new()
        }
    );
    let blockers = t.blockers();
    html! {
        <div class="vpc-verdict" role="status" aria-live="polite">
            if t.reachable {
                <p><span class="badge good">{ "✓ Reachable" }</span>{ format!(" {what}: the request and the reply both get through.") }</p>
            } else {
                <p><span class="badge bad">{ "✗ Blocked" }</span>{ format!(" {what}. What blocks it:") }</p>
                <ul class="vpc-blockers">
                    { for blockers.iter().map(|b| html! {
                        <li>
                            <strong>{ b.component.clone() }</strong>{ " " }
                            <span class="badge bad vpc-code">{ b.code.as_str() }</span>
                            { format!(" {}{}", b.detail, if b.on_return { " (on the reply's path)" } else { "" }) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
