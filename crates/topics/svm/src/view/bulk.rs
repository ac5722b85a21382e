//! Training a big import in chunks: the model starts a step run instead of
//! training at once, and this drives it with `Step(k)` ticks sized to about
//! 20 ms each, yielding to the page in between, then ends it. The ticks
//! continue the import's undo step.

use super::super::model::solver::SolverConfig;
use super::super::model::Action;
use super::super::state::PanelAction;
use super::format::num;
use super::{timing, Props};
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// Imports with more rows than this train in chunks.
pub const BULK_POINTS: usize = 800;
/// Target time of one chunk, in milliseconds.
const CHUNK_MS: f64 = 12.0;

/// How far the gap has fallen from its largest value towards the tolerance,
/// on a log scale, in [0, 1].
pub fn progress(largest: f64, gap: f64, tol: f64) -> f64 {
    if !(gap.is_finite() && largest.is_finite()) || largest <= tol {
        return 0.0;
    }
    let span = largest.ln() - tol.ln();
    ((largest.ln() - gap.max(tol).ln()) / span).clamp(0.0, 1.0)
}

#[derive(Properties, PartialEq, Clone)]
pub struct BulkProps {
    pub p: Props,
    pub on_done: Callback<()>,
}

struct Pace {
    chunk: u32,
    largest_gap: f64,
}

#[function_component]
pub fn BulkTrainer(props: &BulkProps) -> Html {
    let p = &props.p;
    let pace = use_mut_ref(|| Pace {
        chunk: 20,
        largest_gap: 0.0,
    });
    {
        let (d, done, pace) = (p.dispatch.clone(), props.on_done.clone(), pace.clone());
        use_effect_with(p.state.clone(), move |state| {
            let session = state.pg.stepping();
            let active = session.is_some_and(|s| !s.is_finished());
            let finished = session.is_some_and(|s| s.is_finished());
            let timer = Timeout::new(0, move || {
                if active {
                    let n = pace.borrow().chunk;
                    let t0 = timing::now();
                    d.emit(PanelAction::Continue(Action::Step(n)));
                    if let (Some(a), Some(b)) = (t0, timing::now()) {
                        // At most double per chunk: early iterations are cheap.
                        let scaled = f64::from(n) * CHUNK_MS / (b - a).max(1.0);
                        let next = scaled.min(2.0 * f64::from(n)).clamp(5.0, 20_000.0);
                        pace.borrow_mut().chunk = next as u32;
                    }
                } else {
                    if finished {
                        d.emit(PanelAction::Continue(Action::StepFinish));
                    }
                    done.emit(());
                }
            });
            move || drop(timer)
        });
    }
    let (iterations, gap) = p
        .state
        .pg
        .stepping()
        .map_or((0, f64::NAN), |s| s.progress());
    if gap.is_finite() && iterations > 0 {
        let mut pc = pace.borrow_mut();
        pc.largest_gap = pc.largest_gap.max(gap);
    }
    let tol = SolverConfig::default().eps;
    let value = progress(pace.borrow().largest_gap, gap, tol);
    html! {
        <div class="card-box svm-bulk" role="status">
            <p>
                { format!("Training {} points in chunks: {iterations} SMO iterations so far", p.state.pg.points().len()) }
                if gap.is_finite() && iterations > 0 {
                    { format!(", gap {} (done below {tol})", num(gap, 3)) }
                }
                { ". The plot shows the points until the model is ready." }
            </p>
            <progress class="progress" max="1" value={format!("{value:.3}")} aria-label="Training progress"></progress>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_runs_from_the_largest_gap_to_the_tolerance() {
        assert_eq!(progress(2.0, 2.0, 1e-3), 0.0);
        assert_eq!(progress(2.0, 1e-4, 1e-3), 1.0);
        let mid = progress(1.0, 10f64.powf(-1.5), 1e-3);
        assert!((mid - 0.5).abs() < 1e-12);
        assert_eq!(progress(0.0, f64::INFINITY, 1e-3), 0.0);
    }
}
