//! Presets, an AZ-failure switch per availability zone with the NAT cost of
//! both designs beside them, and the layout's headline numbers.

use super::super::model::{Action, PresetId};
use super::super::state::Field;
use super::Props;
use techshack_core::widgets::field_error;
use yew::prelude::*;

fn short_name(p: PresetId) -> &'static str {
    match p {
        PresetId::Article => "Article: NAT per AZ",
        PresetId::SingleNat => "Single NAT",
        PresetId::LockedNacl => "Locked NACL",
        PresetId::Peering => "Peering",
    }
}

pub fn controls(props: &Props) -> Html {
    let pg = &props.state.pg;
    let uid = &props.uid;
    let current = pg.preset();
    let edited = !pg.edits().is_empty();
    let presets = PresetId::ALL.iter().map(|&preset| {
        let d = props.dispatch.clone();
        let pressed = preset == current;
        html! {
            <button type="button" aria-pressed={pressed.to_string()} title={preset.title()}
                onclick={move |_| d.emit(Action::LoadPreset { preset })}>
                { short_name(preset) }
            </button>
        }
    });
    let azs = pg.network().azs().into_iter().map(|az| {
        let failed = pg.faults().is_failed(&az);
        let d = props.dispatch.clone();
        let id = format!("{uid}-az-{az}");
        let a = az.clone();
        html! {
            <label class={classes!("vpc-az", failed.then_some("failed"))} for={id.clone()}>
                <span><input type="checkbox" id={id} checked={failed}
                    onchange={move |_| d.emit(Action::FailAz { az: a.clone(), failed: !failed })} />
                { format!(" {az} failed") }</span>
            </label>
        }
    });
    let s = pg.stats();
    let stat =
        |name: &str, v: usize| html! { <div><dt>{ name.to_string() }</dt><dd>{ v }</dd></div> };
    html! {
        <section role="group" class="card-box vpc-controls" aria-labelledby={format!("{uid}-controls-h")}>
            <h2 id={format!("{uid}-controls-h")} class="sr-only">{ "Layout and failures" }</h2>
            <div class="controls" role="group" aria-label="Presets">
                <span class="vpc-label">{ "Preset:" }</span>
                { for presets }
                if edited {
                    <span class="vpc-hint">{ format!("({} edits since loading it)", pg.edits().len()) }</span>
                }
            </div>
            { field_error(&format!("{uid}-preset-error"), props.state.refused(&Field::Preset)) }
            <div class="controls" role="group" aria-label="Availability zone failures">
                <span class="vpc-label">{ "Fail an AZ:" }</span>
                { for azs }
            </div>
            { field_error(&format!("{uid}-az-error"), props.state.refused(&Field::Az)) }
            <super::nat_cost::NatCost azs={pg.network().azs().len()} uid={uid.clone()} />
            <dl class="stats vpc-stats">
                { stat("VPCs", s.vpcs) }
                { stat("Subnets", s.subnets) }
                { stat("Public subnets", s.public_subnets) }
                { stat("Instances", s.instances) }
                { stat("NAT gateways", s.nat_gateways) }
                { stat("Route tables", s.route_tables) }
                { stat("Blackhole routes", s.blackhole_routes) }
                { stat("Failed AZs", s.failed_azs) }
            </dl>
        </section>
    }
}
