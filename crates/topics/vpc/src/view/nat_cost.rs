//! NAT cost beside the AZ-failure switches: a month of one shared NAT
//! gateway against one per AZ, for this layout's AZs, with the prices as
//! inputs (us-east-1 list prices by default, their source named).

use super::super::model::{
    break_even_gb, dollars, nat_per_az, parse_gb, parse_price, shared_nat, DesignCost, NatPrices,
    HOURS_PER_MONTH, US_EAST_1,
};
use techshack_core::widgets::{field_error, value_of};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
pub struct NatCostProps {
    pub azs: usize,
    pub uid: AttrValue,
}

/// One typed input: its text as typed, and the value last read from it.
#[derive(Clone, PartialEq)]
struct Typed {
    text: String,
    value: u64,
    error: Option<String>,
}

impl Typed {
    fn new(text: &str, value: u64) -> Self {
        Self {
            text: text.to_string(),
            value,
            error: None,
        }
    }

    /// The new text; a refusal keeps the last good value and says why.
    fn read(&self, text: String, parse: fn(&str) -> Result<u64, String>) -> Self {
        match parse(&text) {
            Ok(value) => Self {
                text,
                value,
                error: None,
            },
            Err(e) => Self {
                text,
                value: self.value,
                error: Some(e),
            },
        }
    }
}

const FIELDS: [(&str, &str); 4] = [
    ("gb", "Traffic through NAT per AZ (GB a month)"),
    ("hour", "NAT gateway, $ per hour"),
    ("per-gb", "NAT processing, $ per GB"),
    ("cross", "Cross-AZ transfer, $ per GB crossing"),
];

fn input(
    uid: &str,
    k: usize,
    typed: &UseStateHandle<[Typed; 4]>,
    parse: fn(&str) -> Result<u64, String>,
) -> Html {
    let (key, label) = FIELDS[k];
    let id = format!("{uid}-nat-{key}");
    let err_id = format!("{id}-err");
    let t = &typed[k];
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*typed).clone();
            next[k] = next[k].read(value_of(&e), parse);
            typed.set(next);
        })
    };
    html! {
        <div class="vpc-f">
            <label for={id.clone()}>{ label }</label>
            <input id={id} type="text" inputmode="decimal" value={t.text.clone()} {oninput}
                aria-invalid={t.error.is_some().to_string()}
                aria-describedby={t.error.is_some().then(|| err_id.clone())} />
            { field_error(&err_id, t.error.as_deref()) }
        </div>
    }
}

fn row(name: &str, shared: String, per_az: String) -> Html {
    html! { <tr><th scope="row">{ name.to_string() }</th><td>{ shared }</td><td>{ per_az }</td></tr> }
}

fn money_rows(s: &DesignCost, e: &DesignCost) -> Html {
    html! {
        <>
            { row("NAT gateways", s.nat_gateways.to_string(), e.nat_gateways.to_string()) }
            { row(&format!("Gateway hours ({HOURS_PER_MONTH} h each)"), dollars(s.hourly), dollars(e.hourly)) }
            { row("Data processed", dollars(s.processing), dollars(e.processing)) }
            { row("Cross-AZ transfer", dollars(s.cross_az), dollars(e.cross_az)) }
            { row("Total a month", dollars(s.total()), dollars(e.total())) }
        </>
    }
}

#[function_component]
pub fn NatCost(props: &NatCostProps) -> Html {
    let typed = use_state(|| {
        [
            Typed::new("100", 100),
            Typed::new("0.045", US_EAST_1.per_hour),
            Typed::new("0.045", US_EAST_1.per_gb),
            Typed::new("0.02", US_EAST_1.cross_az_per_gb),
        ]
    });
    let uid = props.uid.as_str();
    let azs = props.azs.max(1) as u64;
    let gb = typed[0].value;
    let prices = NatPrices {
        per_hour: typed[1].value,
        per_gb: typed[2].value,
        cross_az_per_gb: typed[3].value,
    };
    let (s, e) = (shared_nat(azs, gb, prices), nat_per_az(azs, gb, prices));
    let verdict = match break_even_gb(azs, prices) {
        Some(at) => format!("Crossing AZs costs as much as the extra gateways at {at} GB per AZ a month; above that a NAT per AZ is also the cheaper design."),
        None => "With one AZ (or free crossing) the two designs cost the same.".to_string(),
    };
    html! {
        <details class="vpc-nat-cost">
            <summary>{ format!("NAT cost: one shared NAT or one per AZ ({azs} AZs)?") }</summary>
            <div class="vpc-nat-inputs">
                { input(uid, 0, &typed, parse_gb) }
                { input(uid, 1, &typed, parse_price) }
                { input(uid, 2, &typed, parse_price) }
                { input(uid, 3, &typed, parse_price) }
            </div>
            <table class="data vpc-nat-table">
                <caption>{ format!("A month of NAT for {azs} AZs, {gb} GB each") }</caption>
                <thead><tr><td></td><th scope="col">{ "One shared NAT" }</th><th scope="col">{ "NAT per AZ" }</th></tr></thead>
                <tbody>
                    { money_rows(&s, &e) }
                    { row("If an AZ fails", "if it is the NAT's AZ, every AZ loses outbound internet".into(),
                        "only that AZ loses outbound internet".into()) }
                </tbody>
            </table>
            <p>{ verdict }</p>
            <p class="vpc-hint">
                { "Defaults are us-east-1 list prices: NAT gateway $0.045 an hour and $0.045 per GB processed (" }
                <a href="https://aws.amazon.com/vpc/pricing/" target="_blank" rel="noopener">{ "Amazon VPC pricing" }</a>
                { "); traffic between AZs $0.01 per GB each way, paid on both sides (" }
                <a href="https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer_within_the_same_AWS_Region" target="_blank" rel="noopener">{ "EC2 data transfer pricing" }</a>
                { "). Internet egress is the same in both designs and left out." }
            </p>
        </details>
    }
}
