//! The SVM panel's view: small components over the shared state. The plot and
//! its class picker on the left, readouts and kernel controls on the right,
//! step mode, data and export below.

mod analysis;
mod bulk;
mod canvas;
mod class_picker;
mod contour;
mod csv_import;
mod data;
mod duals;
mod export;
mod field;
mod format;
mod gap_chart;
mod gesture;
mod kernel;
mod live;
mod log_slider;
mod marker_layer;
mod palette;
mod paste_guard;
mod plot;
mod raster;
mod readout;
mod scene;
mod shading;
mod slider_scale;
mod stepper;
mod summary;
mod timing;

use super::model::Fit;
use super::state::{PanelAction, SvmPanel};
use analysis::Analysis;
use std::rc::Rc;
use techshack_core::{use_panel_uid, RootProps, Shared};
use yew::prelude::*;

/// The model the plot and readouts show (the step run's while stepping) and
/// what is read off it, computed once per state and compared by identity.
#[derive(Clone)]
pub struct ShownFit(pub Rc<Option<(Fit, Analysis)>>);

impl ShownFit {
    fn of(state: &SvmPanel) -> ShownFit {
        ShownFit(Rc::new(state.pg.shown_fit().map(|f| {
            let a = Analysis::of(&f);
            (f, a)
        })))
    }

    pub fn get(&self) -> Option<(&Fit, &Analysis)> {
        self.0.as_ref().as_ref().map(|(f, a)| (f, a))
    }
}

impl PartialEq for ShownFit {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What most components receive.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub state: Shared<SvmPanel>,
    pub dispatch: Callback<PanelAction>,
    pub shown: ShownFit,
    /// Prefix for element ids, unique per panel on the page.
    pub uid: AttrValue,
}

#[function_component]
pub fn SvmView(props: &RootProps<SvmPanel>) -> Html {
    let uid = use_panel_uid("svm");
    let state = props.handle.state.clone();
    let bulk = use_state(|| false);
    // A restored link may also hand over a run in chunks (model/restore.rs).
    let in_chunks = *bulk || state.pg.stepping().is_some_and(|s| s.is_in_chunks());
    // While a big import trains in chunks, only the points are drawn: a
    // preview of thousands of points would cost more than the chunk itself.
    let shown = use_memo((state.clone(), in_chunks), |(s, bulk)| {
        if *bulk && s.pg.stepping().is_some_and(|x| !x.is_finished()) {
            ShownFit(Rc::new(None))
        } else {
            ShownFit::of(s)
        }
    });
    let p = Props {
        state: state.clone(),
        dispatch: props.handle.dispatch.clone(),
        shown: (*shown).clone(),
        uid,
    };
    let picked = use_state(|| None::<i32>);
    let options = class_picker::options(state.pg.points());
    let class = picked.filter(|c| options.contains(c)).unwrap_or(options[0]);
    let other = class_picker::other(&options, class);
    let summary = AttrValue::from(summary::text(&state.pg, shown.get()));
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |c: i32| picked.set(Some(c)))
    };

    // The point last reached, with the number of points then: an index is
    // only that point until points are added or removed. `_eq`: a pointer
    // moving over the same point re-renders nothing.
    let inspected = use_state_eq(|| None::<(usize, usize)>);
    let on_inspect = {
        let (inspected, n) = (inspected.clone(), state.pg.points().len());
        Callback::from(move |i: usize| inspected.set(Some((i, n))))
    };
    let point_info = inspected
        .filter(|&(_, n)| n == state.pg.points().len())
        .and_then(|(i, _)| shown.get().and_then(|(fit, an)| duals::describe(fit, an, i)))
        .unwrap_or_else(|| {
            "Point at a point, or move the keyboard cross onto it, to see its α, y·f(x) and slack ξ.".to_string()
        });

    let on_bulk = {
        let bulk = bulk.clone();
        Callback::from(move |on: bool| bulk.set(on))
    };

    html! {
        <div class="svm">
            if in_chunks {
                <bulk::BulkTrainer p={p.clone()} on_done={on_bulk.reform(|_| false)} />
            }
            <div class="svm-main">
                <div class="svm-plot card-box" data-picture="plot">
                    <class_picker::ClassPicker options={options.clone()} {class} {on_pick} uid={p.uid.clone()} />
                    <canvas::PlotCanvas p={p.clone()} {class} {other} summary={summary.clone()} {on_inspect} />
                    <p class="svm-point-info" aria-live="polite">{ point_info }</p>
                    <live::LiveSummary summary={summary} />
                    <p class="svm-help" id={format!("{}-plot-help", p.uid)}>
                        { "Click: add a point of the chosen class. Shift-click: the other class. Drag: move. \
                           Right-click or long-press: delete. Keyboard: focus the plot, arrows move the cross \
                           (Shift: faster), Enter adds, Shift+Enter adds the other class, Delete removes the nearest point." }
                    </p>
                    <Legend />
                    if let Some(msg) = state.refused(&super::state::Field::Canvas) {
                        <p class="field-error" role="alert">{ msg }</p>
                    }
                </div>
                <div class="svm-side">
                    { readout::readout(&p) }
                    { kernel::kernel_controls(&p) }
                </div>
            </div>
            <duals::DualTable shown={p.shown.clone()} uid={p.uid.clone()} />
            <stepper::StepMode ..p.clone() />
            <div class="cols">
                <data::DataControls ..p.clone() />
                <csv_import::CsvImport p={p.clone()} on_bulk={on_bulk.reform(|_| true)} />
            </div>
            <export::ModelExport ..p.clone() />
        </div>
    }
}

#[function_component]
fn Legend() -> Html {
    html! {
        <ul class="svm-legend" aria-label="Legend">
            <li><span class="svm-key boundary" aria-hidden="true"></span>{ "boundary f = 0" }</li>
            <li><span class="svm-key margin" aria-hidden="true"></span>{ "margins f = ±1" }</li>
            <li><span class="svm-key ring" aria-hidden="true"></span>{ "support vector (ring grows with α)" }</li>
            <li><span class="svm-key bounded" aria-hidden="true"></span>{ "bounded SV, α = C" }</li>
            <li><span class="svm-key slack" aria-hidden="true"></span>{ "slack ξ of a margin violator" }</li>
        </ul>
    }
}
