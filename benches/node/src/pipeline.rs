use std::cell::RefCell;
use topic_pipeline::model::generator::{generate_dag, GeneratedPipeline};
use topic_pipeline::model::{analyze, enablement, validate_str, PipelineSpec};
use wasm_bindgen::prelude::*;

thread_local! {
    static DAG: RefCell<Option<GeneratedPipeline>> = const { RefCell::new(None) };
}

/// Generates the benchmark pipeline (not timed).
#[wasm_bindgen]
pub fn pipeline_prepare(targets: usize, edges: usize) -> usize {
    let g = generate_dag(2019, targets, edges);
    let n = g.text.len();
    DAG.with(|d| *d.borrow_mut() = Some(g));
    n
}

fn with_dag(f: impl FnOnce(&GeneratedPipeline) -> usize) -> usize {
    DAG.with(|d| d.borrow().as_ref().map_or(0, f))
}

/// Validation of the graph, ordering and enablement from the parsed spec.
#[wasm_bindgen]
pub fn pipeline_validate_order_enable() -> usize {
    with_dag(|g| {
        let spec: PipelineSpec = g.spec.clone();
        analyze(spec, &g.text).map_or(0, |p| {
            enablement(&p, &[])
                .iter()
                .filter(|e| e.is_enabled())
                .count()
                + p.columns().len()
        })
    })
}

/// The same from TOML text: what a keystroke in the editor costs.
#[wasm_bindgen]
pub fn pipeline_from_text() -> usize {
    with_dag(|g| {
        validate_str(&g.text).map_or(0, |p| {
            enablement(&p, &[])
                .iter()
                .filter(|e| e.is_enabled())
                .count()
        })
    })
}

/// Each preset's re-validation, as on every keystroke.
#[wasm_bindgen]
pub fn pipeline_presets() -> usize {
    use topic_pipeline::model::presets::Preset;
    Preset::ALL
        .iter()
        .map(|p| validate_str(p.toml()).map_or(1, |p| p.order().len()))
        .sum()
}
