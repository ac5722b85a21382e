//! The VPC panel's view: the diagram with its inspector, the packet tracer
//! and its hop list, the reachability matrix, the CIDR explorer and the
//! Terraform export. Derived data (trace, diagram geometry) is memoised on
//! the shared state, so a render that changes nothing computes nothing.

/// `base`, followed in the IPv6 build by `extra`. The IPv4 build expands to
/// `base` alone and never compiles `extra`: the IPv6 markup hangs on a child
/// the view has anyway, so the IPv4 module's code is exactly what it was
/// without IPv6 (an empty placeholder child, or even a `let` around `base`,
/// changes temporaries and codegen and costs bytes). Defined before the
/// modules so they all see it.
#[cfg(not(feature = "ipv6"))]
macro_rules! ipv6_after {
    ($base:expr; $extra:expr) => {
        $base
    };
}
#[cfg(feature = "ipv6")]
macro_rules! ipv6_after {
    ($base:expr; $extra:expr) => {
        html! { <>{ $base }{ $extra }</> }
    };
}

/// `offer` in the IPv4 build (where the IPv6 build has its IPv6 controls,
/// the offer to load that build), nothing in the IPv6 build, which never
/// compiles `offer`.
#[cfg(not(feature = "ipv6"))]
macro_rules! ipv4_only {
    ($offer:expr) => {
        $offer
    };
}
#[cfg(feature = "ipv6")]
macro_rules! ipv4_only {
    ($offer:expr) => {
        Html::default()
    };
}

mod cidr;
mod controls;
mod diagram;
mod docs;
mod endpoint;
mod field;
mod geometry;
mod highlight;
mod hops;
mod inspector;
#[cfg(feature = "ipv6")]
mod ipv6;
// Without `ipv6`, the VPC's inspector offers to load the module that has it.
#[cfg(not(feature = "ipv6"))]
mod ipv6_offer;
mod matrix;
mod nat_cost;
mod select;
mod split_bar;
mod terraform;
mod tracer;

use super::model::{Action, Endpoint, Trace};
use super::state::VpcPanel;
use select::Sel;
use std::rc::Rc;
use techshack_core::{use_panel_uid, RootProps, Shared};
use yew::prelude::*;

/// What most components receive.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Shared<VpcPanel>,
    pub dispatch: Callback<Action>,
    /// Prefix for element ids, unique per panel on the page.
    pub uid: AttrValue,
}

/// The current trace, or why it cannot run.
pub type TraceResult = Rc<Result<Trace, String>>;

/// Trace mode: clicking two things on the diagram sets the trace.
#[derive(Clone, Debug, PartialEq)]
pub enum Pick {
    Off,
    Source,
    Destination(Endpoint),
}

#[function_component]
pub fn VpcView(props: &RootProps<VpcPanel>) -> Html {
    let uid = use_panel_uid("vpc");
    let p = Props {
        state: props.handle.state.clone(),
        dispatch: props.handle.dispatch.clone(),
        uid,
    };
    let trace: Rc<TraceResult> = use_memo(p.state.clone(), |s| {
        Rc::new(s.pg.trace().map_err(|e| e.to_string()))
    });
    let trace: TraceResult = (*trace).clone();
    let selected = use_state(|| None::<Sel>);
    let pick = use_state(|| Pick::Off);
    let upgrade = techshack_core::extras::use_upgrade::<VpcPanel>(&p.state);
    let net = p.state.pg.network();
    let sel = (*selected).clone().filter(|s| s.exists(net));

    let on_select = {
        let selected = selected.clone();
        Callback::from(move |s: Sel| selected.set(Some(s)))
    };
    // A click on the diagram: select it, or in trace mode pick an endpoint.
    let on_pick = {
        let (selected, pick, dispatch) = (selected.clone(), pick.clone(), p.dispatch.clone());
        let spec = p.state.pg.trace_spec().clone();
        Callback::from(move |s: Sel| {
            match ((*pick).clone(), s.endpoint()) {
                (Pick::Source, Some(src)) => pick.set(Pick::Destination(src)),
                (Pick::Destination(src), Some(dst)) => {
                    dispatch.emit(Action::SetTrace {
                        src,
                        dst,
                        protocol: spec.protocol,
                        port: u32::from(spec.port),
                    });
                    pick.set(Pick::Off);
                }
                _ => {}
            }
            selected.set(Some(s));
        })
    };
    let on_pick_mode = {
        let pick = pick.clone();
        Callback::from(move |on: bool| pick.set(if on { Pick::Source } else { Pick::Off }))
    };
    let focus_subnet: Option<AttrValue> = sel
        .as_ref()
        .and_then(|s| s.subnet(net))
        .map(|s| AttrValue::from(s.to_string()));

    let (state, dispatch, id) = (p.state.clone(), p.dispatch.clone(), p.uid.clone());
    html! {
        <div class="vpc">
            { controls::controls(&p) }
            <tracer::TraceForm state={state.clone()} dispatch={dispatch.clone()} uid={id.clone()}
                trace={trace.clone()} pick={(*pick).clone()} on_pick_mode={on_pick_mode} />
            <div class="vpc-main">
                <div class="vpc-picture" data-picture="diagram">
                    <diagram::DiagramView state={state.clone()} dispatch={dispatch.clone()} uid={id.clone()}
                        trace={trace.clone()} selected={sel.clone()} pick={(*pick).clone()} on_pick={on_pick} />
                </div>
                { inspector::inspector(&inspector::InspectorProps { state: state.clone(), dispatch: dispatch.clone(),
                    uid: id.clone(), selected: sel.clone(), on_select: on_select.clone(), upgrade }) }
            </div>
            { hops::hop_list(&hops::HopListProps { state: state.clone(), dispatch: dispatch.clone(),
                uid: id.clone(), trace: trace.clone(), on_select: on_select.clone() }) }
            <div class="vpc-pair">
                <cidr::CidrExplorer state={state.clone()} dispatch={dispatch.clone()} uid={id.clone()} focus={focus_subnet} />
                <matrix::MatrixView ..p.clone() />
            </div>
            <terraform::TerraformExport ..p />
        </div>
    }
}
