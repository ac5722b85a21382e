//! The tour strip: step text, predict-then-reveal, and step buttons. Arrow keys
//! are handled by the panel frame so they work wherever focus is in the panel.

use crate::tour::Predict;
use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TourPos {
    pub tour: usize,
    pub step: usize,
}

impl TourPos {
    pub fn start(tour: usize) -> Self {
        TourPos { tour, step: 0 }
    }
    pub fn next(self) -> Self {
        TourPos {
            step: self.step + 1,
            ..self
        }
    }
    pub fn prev(self) -> Self {
        TourPos {
            step: self.step.saturating_sub(1),
            ..self
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct TourBarProps {
    pub title: AttrValue,
    pub pos: TourPos,
    pub len: usize,
    pub text: String,
    pub question: Option<Predict>,
    /// The previous step's question, whose answer this step reveals.
    pub previous: Option<Predict>,
    pub on_go: Callback<Option<TourPos>>,
}

#[function_component]
pub fn TourBar(p: &TourBarProps) -> Html {
    let revealed = use_state(|| false);
    {
        let revealed = revealed.clone();
        use_effect_with(p.pos, move |_| revealed.set(false));
    }
    let go = |pos: Option<TourPos>| {
        let on_go = p.on_go.clone();
        Callback::from(move |_| on_go.emit(pos))
    };
    let last = p.pos.step + 1 >= p.len;
    html! {
        <aside class="tour" tabindex="-1" aria-label={format!("Guided tour: {}", p.title)}>
            <header>
                <strong>{ p.title.clone() }</strong>
                <span class="tour-count" aria-live="polite">{ format!("Step {} of {}", p.pos.step + 1, p.len) }</span>
            </header>
            if let Some(prev) = &p.previous {
                <p class="tour-answer"><strong>{ "Answer: " }</strong>{ prev.answer.clone() }</p>
            }
            <p class="tour-text">{ p.text.clone() }</p>
            if let Some(q) = &p.question {
                <div class="predict">
                    <p><strong>{ "Predict first: " }</strong>{ q.question.clone() }</p>
                    if *revealed {
                        <p class="tour-answer" role="status">{ q.answer.clone() }</p>
                    } else {
                        <button onclick={{ let r = revealed.clone(); move |_| r.set(true) }}>{ "Reveal answer" }</button>
                    }
                </div>
            }
            <nav class="tour-nav" aria-label="Tour steps">
                <button onclick={go(Some(p.pos.prev()))} disabled={p.pos.step == 0}>{ "← Back" }</button>
                if last {
                    <button onclick={go(None)}>{ "Finish" }</button>
                } else {
                    <button onclick={go(Some(p.pos.next()))}>{ "Next →" }</button>
                }
                <button onclick={go(None)} class="quiet">{ "Close tour" }</button>
            </nav>
        </aside>
    }
}
