//! A task step's box: whether the goal holds yet, a hint (after a while or
//! on request) and "Do it for me". The step's text states the goal; the
//! frame checks it against the model after every change the reader makes.

use yew::prelude::*;

/// What the tour bar shows of a task.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskCard {
    pub hint: String,
    /// The model says the goal holds.
    pub done: bool,
}

/// The task box. A function, not a component: a component's machinery is
/// code in every topic's module.
pub fn task_box(
    card: &TaskCard,
    hint_shown: bool,
    on_hint: Callback<MouseEvent>,
    on_solve: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class={classes!("task", card.done.then_some("done"))}>
            <p role="status">
                if card.done {
                    <strong>{ "Done. " }</strong>{ "The goal holds: go on with Next." }
                } else {
                    <strong>{ "Your turn. " }</strong>{ "Work the panel until the goal holds; Next opens then." }
                }
            </p>
            if hint_shown {
                <p class="task-hint"><strong>{ "Hint: " }</strong>{ card.hint.clone() }</p>
            }
            if !card.done {
                <div class="task-actions">
                    if !hint_shown {
                        <button type="button" class="quiet" onclick={on_hint}>{ "Hint" }</button>
                    }
                    <button type="button" class="quiet" onclick={on_solve}>{ "Do it for me" }</button>
                </div>
            }
        </div>
    }
}
