//! The CIDR explorer for one subnet: network and host bits, the five
//! addresses AWS keeps, the usable count and the split into halves.

use super::super::model::explain;
use techshack_core::widgets::value_of;
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct CidrProps {
    pub state: techshack_core::Shared<super::super::state::VpcPanel>,
    pub dispatch: Callback<super::super::model::Action>,
    pub uid: AttrValue,
    /// The subnet of the selected component, if any: the explorer follows it.
    pub focus: Option<AttrValue>,
}

/// The 32 bits of `bits` ("00001010.00000000...") split at the prefix.
fn bit_spans(bits: &str, prefix: u8) -> Html {
    let mut k = 0u8;
    html! {
        { for bits.chars().map(|c| {
            if c == '.' {
                return html! { <span class="vpc-dot">{ "." }</span> };
            }
            let net = k < prefix;
            k += 1;
            html! { <span class={classes!("vpc-bit", if net { "net" } else { "host" })}>{ c }</span> }
        }) }
    }
}

#[function_component]
pub fn CidrExplorer(props: &CidrProps) -> Html {
    let uid = &props.uid;
    let net = props.state.pg.network();
    let chosen = use_state(|| None::<String>);
    {
        let chosen = chosen.clone();
        use_effect_with(props.focus.clone(), move |_| chosen.set(None));
    }
    let subnet_id = (*chosen)
        .clone()
        .or_else(|| props.focus.as_ref().map(|f| f.to_string()))
        .filter(|id| net.subnet(id).is_some())
        .or_else(|| net.subnets.first().map(|s| s.id.clone()));
    let select_id = format!("{uid}-cidr-subnet");
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(Some(value_of(&e))))
    };
    let head = format!("{uid}-cidr-h");
    let Some(subnet) = subnet_id.and_then(|id| net.subnet(&id)) else {
        return html! {
            <section role="group" class="card-box vpc-cidr" aria-labelledby={head.clone()}>
                <h2 id={head}>{ "CIDR explorer" }</h2>
                <p>{ "There are no subnets to explore." }</p>
            </section>
        };
    };
    let x = explain(subnet.cidr);
    let bits_label = format!(
        "{}: the first {} bits are the network, the last {} pick the host",
        x.bits, x.network_bits, x.host_bits
    );
    html! {
        <section role="group" class="card-box vpc-cidr" aria-labelledby={head.clone()}>
            <h2 id={head}>{ "CIDR explorer" }</h2>
            <label for={select_id.clone()}>{ "Subnet" }</label>
            <select id={select_id} {onchange}>
                { for net.subnets.iter().map(|s| html! {
                    <option value={s.id.clone()} selected={s.id == subnet.id}>{ format!("{} ({})", s.id, s.cidr) }</option>
                }) }
            </select>
            <p class="vpc-bits-line">
                <span class="mono vpc-bits" role="img" aria-label={bits_label}>{ bit_spans(&x.bits, x.network_bits) }</span>
            </p>
            <p class="vpc-legend">
                <span class="vpc-bit net">{ "1" }</span>{ format!(" network bits: {} ", x.network_bits) }
                <span class="vpc-bit host">{ "0" }</span>{ format!(" host bits: {}", x.host_bits) }
            </p>
            <dl class="stats">
                <div><dt>{ "Block" }</dt><dd class="mono">{ x.cidr.to_string() }</dd></div>
                <div><dt>{ "Netmask" }</dt><dd class="mono">{ x.netmask.to_string() }</dd></div>
                <div><dt>{ "Addresses" }</dt><dd>{ x.total }</dd></div>
                <div><dt>{ "Usable" }</dt><dd class="vpc-usable">{ x.usable }</dd></div>
                <div><dt>{ "First usable" }</dt><dd class="mono">{ x.first_usable.map_or("none".into(), |a| a.to_string()) }</dd></div>
                <div><dt>{ "Last usable" }</dt><dd class="mono">{ x.last_usable.map_or("none".into(), |a| a.to_string()) }</dd></div>
            </dl>
            <table class="data vpc-reserved">
                <caption>{ "The 5 addresses AWS keeps in every subnet" }</caption>
                <thead><tr><th scope="col">{ "Address" }</th><th scope="col">{ "Role" }</th></tr></thead>
                <tbody>
                    { for x.reserved.iter().map(|r| html! {
                        <tr><td class="mono">{ r.address.to_string() }</td><td>{ r.description.clone() }</td></tr>
                    }) }
                </tbody>
            </table>
            <p class="vpc-halves">
                { "Split in two: " }
                { match x.halves {
                    Some((a, b)) => html! {
                        <>
                            <span class="mono">{ a.to_string() }</span>{ " and " }<span class="mono">{ b.to_string() }</span>
                            { if x.halves_fit_aws {
                                format!(", {} usable addresses each.", super::super::model::usable_addresses(a))
                            } else {
                                ", but halves that small are below AWS's /28 minimum.".to_string()
                            } }
                        </>
                    },
                    None => html! { { "this block cannot be split." } },
                } }
            </p>
            <super::split_bar::SplitBarView key={x.cidr.to_string()} block={x.cidr} uid={uid.clone()} />
        </section>
    }
}
