//! Rollback with a preview: what would go back, from which version to which,
//! and how much traffic is on the new version, shown before confirming.

use super::super::model::Action;
use super::Props;
use yew::prelude::*;

#[function_component]
pub fn RollbackControl(props: &Props) -> Html {
    let confirming = use_state(|| false);
    let preview = props.state.pg.rollback_preview();
    let uid = &props.uid;
    let open = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(true))
    };
    let cancel = {
        let c = confirming.clone();
        Callback::from(move |_: MouseEvent| c.set(false))
    };
    let confirm = {
        let (c, d) = (confirming.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            c.set(false);
            d.emit(Action::Rollback);
        })
    };
    let preview_id = format!("{uid}-rollback-preview");
    html! {
        <div class="pl-rollback">
            if !*confirming {
                <button onclick={open} disabled={preview.is_empty()}>{ "⟲ Rollback…" }</button>
                if preview.is_empty() {
                    <span class="pl-hint">{ " Nothing to roll back: no target runs the new version." }</span>
                }
            } else {
                <div class="pl-preview" id={preview_id.clone()} role="group" aria-label="Rollback preview">
                    <p><strong>{ "Rollback will:" }</strong></p>
                    if preview.is_empty() {
                        <p>{ "Nothing left to roll back." }</p>
                    }
                    <ul>
                        { for preview.iter().map(|it| html! {
                            <li>{ format!(
                                "{}: v{} → v{} ({} now, {}% of its traffic on v{})",
                                it.target, it.from_version, it.to_version, it.status,
                                it.new_traffic_percent, it.from_version
                            ) }</li>
                        }) }
                    </ul>
                    <p class="pl-hint">{ "Targets not started yet are skipped." }</p>
                    <div class="controls">
                        <button class="pl-danger" onclick={confirm} disabled={preview.is_empty()}
                            aria-describedby={preview_id}>{ "Confirm rollback" }</button>
                        <button onclick={cancel}>{ "Cancel" }</button>
                    </div>
                </div>
            }
        </div>
    }
}
