//! The all-pairs reachability matrix on a chosen protocol and port. Each
//! cell is a button that loads its trace into the tracer.

use super::super::model::{reachability_matrix, Action, Faults, Matrix, Network, Protocol};
use super::super::state::Field;
use super::field::parse_port;
use super::Props;
use std::rc::Rc;
use techshack_core::widgets::{field_error, value_of};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Everything the matrix depends on, so a new trace does not recompute it.
#[derive(Clone, PartialEq)]
struct Key {
    net: Network,
    faults: Faults,
    setting: (Protocol, u16),
    src_port: u16,
    #[cfg(feature = "ipv6")]
    ipv6: bool,
}

fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        el.scroll_into_view();
    }
}

#[function_component]
pub fn MatrixView(props: &Props) -> Html {
    let uid = &props.uid;
    let pg = &props.state.pg;
    // The IPv6 switch is a view setting: it shows once a subnet has a /64.
    #[cfg(feature = "ipv6")]
    let (has_v6, v6) = (
        !pg.network().ipv6.subnet_blocks.is_empty(),
        use_state(|| false),
    );
    let key = Key {
        net: pg.network().clone(),
        faults: pg.faults().clone(),
        setting: pg.matrix_settings(),
        src_port: pg.ephemeral_port(),
        #[cfg(feature = "ipv6")]
        ipv6: has_v6 && *v6,
    };
    let m: Rc<Matrix> = use_memo(key, |k| {
        #[cfg(feature = "ipv6")]
        if k.ipv6 {
            return super::super::model::reachability_matrix6(
                &k.net,
                &k.faults,
                k.setting.0,
                k.setting.1,
                k.src_port,
            );
        }
        reachability_matrix(&k.net, &k.faults, k.setting.0, k.setting.1, k.src_port)
    });
    #[cfg(feature = "ipv6")]
    let v6_switch = super::ipv6::matrix_switch(uid, has_v6, m.ipv6, v6);
    let (protocol, port) = pg.matrix_settings();
    let proto = use_state(|| protocol.name().to_string());
    let port_text = use_state(|| port.to_string());
    let local = use_state(|| None::<String>);
    {
        // A tour, undo or reset changes the settings: show them.
        let (proto, port_text, local) = (proto.clone(), port_text.clone(), local.clone());
        use_effect_with((protocol, port), move |(protocol, port)| {
            proto.set(protocol.name().to_string());
            port_text.set(port.to_string());
            local.set(None);
        });
    }
    let err_id = format!("{uid}-matrix-error");
    let onsubmit = {
        let (d, proto, port_text, local) = (
            props.dispatch.clone(),
            proto.clone(),
            port_text.clone(),
            local.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let protocol = match proto.as_str() {
                "udp" => Protocol::Udp,
                "icmp" => Protocol::Icmp,
                _ => Protocol::Tcp,
            };
            let port = if protocol == Protocol::Icmp {
                Ok(0)
            } else {
                parse_port("matrix port", &port_text)
            };
            match port {
                Ok(port) => {
                    local.set(None);
                    d.emit(Action::SetMatrix { protocol, port });
                }
                Err(msg) => local.set(Some(msg)),
            }
        })
    };
    let on_proto = {
        let proto = proto.clone();
        Callback::from(move |e: Event| proto.set(value_of(&e)))
    };
    let on_port = {
        let port_text = port_text.clone();
        Callback::from(move |e: InputEvent| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            port_text.set(i.value());
        })
    };
    let msg = local.as_deref().or(props.state.refused(&Field::Matrix));
    let tracer_id = format!("{uid}-tracer-h");
    let n = m.size();
    let what = if m.protocol.has_ports() {
        format!("{} {}", m.protocol.name().to_ascii_uppercase(), m.port)
    } else {
        m.protocol.name().to_ascii_uppercase()
    };
    #[cfg(feature = "ipv6")]
    let what = what + if m.ipv6 { " over IPv6" } else { "" };
    let cell = |r: usize, c: usize| -> Html {
        let (from, to) = (&m.instances[r], &m.instances[c]);
        let Some(x) = m.cell(r, c) else {
            return html! { <td /> };
        };
        let Some(spec) = m.trace_spec(r, c) else {
            return html! { <td class="vpc-self"><span aria-hidden="true">{ "—" }</span><span class="sr-only">{ "same instance" }</span></td> };
        };
        let codes: Vec<&str> = x.codes.codes().into_iter().map(|c| c.as_str()).collect();
        let label = if x.reachable {
            format!("{from} to {to}: reachable. Show the trace.")
        } else {
            format!(
                "{from} to {to}: blocked ({}). Show the trace.",
                codes.join(", ")
            )
        };
        let d = props.dispatch.clone();
        let tracer_id = tracer_id.clone();
        let onclick = Callback::from(move |_| {
            d.emit(Action::SetTrace {
                src: spec.src.clone(),
                dst: spec.dst.clone(),
                protocol: spec.protocol,
                port: u32::from(spec.port),
            });
            scroll_to(&tracer_id);
        });
        html! {
            <td>
                <button type="button" class={classes!("vpc-cell", if x.reachable { "ok" } else { "no" })}
                    aria-label={label.clone()} title={label} {onclick}>
                    { if x.reachable { "✓" } else { "✗" } }
                </button>
            </td>
        }
    };
    html! {
        <section role="group" class="card-box vpc-matrix" aria-labelledby={format!("{uid}-matrix-h")}>
            <h2 id={format!("{uid}-matrix-h")}>{ "Who can reach whom" }</h2>
            <form class="controls" {onsubmit}>
                <div class="vpc-f">
                    <label for={format!("{uid}-matrix-proto")}>{ "Protocol" }</label>
                    <select id={format!("{uid}-matrix-proto")} onchange={on_proto}>
                        { for ["tcp", "udp", "icmp"].iter().map(|p| html! {
                            <option value={*p} selected={*proto == *p}>{ p.to_ascii_uppercase() }</option>
                        }) }
                    </select>
                </div>
                <label>{ "Port" }
                    <input type="text" inputmode="numeric" value={(*port_text).clone()} oninput={on_port}
                        aria-invalid={msg.is_some().to_string()} aria-describedby={msg.map(|_| err_id.clone())} />
                </label>
                <button type="submit">{ "Show matrix" }</button>
            </form>
            { ipv6_after!(field_error(&err_id, msg); v6_switch) }
            <p class="vpc-hint">{ format!("{} of {} ordered pairs reach each other on {what}, replies included. Click a cell for its trace.",
                m.reachable_pairs(), n * n.saturating_sub(1)) }</p>
            <div class="scroll">
                <table class="data vpc-matrix-table">
                    <caption class="sr-only">{ format!("Reachability on {what}: rows are sources, columns destinations") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "from ↓ to →" }</th>
                            { for m.instances.iter().map(|i| html! { <th scope="col">{ i.clone() }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for (0..n).map(|r| html! {
                            <tr>
                                <th scope="row">{ m.instances[r].clone() }</th>
                                { for (0..n).map(|c| cell(r, c)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
