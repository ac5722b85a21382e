//! The tour strip: step text, a bet or a task, and step buttons; on the
//! last step, a recap. Arrow keys are handled by the panel frame so they work
//! wherever focus is in the panel (and by the page's loader elsewhere).
//! The bar names the element its step talks about in `data-focus` and its
//! place in `data-step`; the loader marks that element `data-tour-focus` and
//! scrolls it into view (there, not here: each hook is code in every topic's
//! module).

use super::bet_box::{bet_box, BetCard};
use super::task_box::{task_box, TaskCard};
use crate::tour::{Tour, Wager};
use crate::Article;
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

/// What the tour bar shows. A plain struct and function, not a component:
/// the bar keeps no state of its own, and a component's props builder and
/// comparison are code in every topic's module.
pub struct TourBarProps {
    pub title: AttrValue,
    pub pos: TourPos,
    pub len: usize,
    pub text: String,
    /// The selector of the element this step talks about; the picture if none.
    pub focus: Option<AttrValue>,
    /// The step's bet, if it asks for one, and the reader's bet on it.
    pub bet: Option<BetCard>,
    pub wager: Option<Wager>,
    /// While the step's state is still being made in slices: what is under
    /// way. The bet waits for it.
    pub working: Option<AttrValue>,
    pub on_bet: Callback<Wager>,
    /// The step's task, if it is one, and how far the reader has got.
    pub task: Option<TaskCard>,
    pub on_solve: Callback<MouseEvent>,
    /// The reader's bets on this tour so far: right, and made.
    pub score: (usize, usize),
    /// The answers of the steps before the last, for the recap.
    pub seen: Vec<String>,
    /// The newsletter's point the tour shows, and the piece it comes from,
    /// for the recap.
    pub seed: AttrValue,
    pub source: Article,
    pub on_go: Callback<Option<TourPos>>,
}

pub fn tour_bar(p: TourBarProps) -> Html {
    let go = |pos: Option<TourPos>| {
        let on_go = p.on_go.clone();
        Callback::from(move |_| on_go.emit(pos))
    };
    // Next waits for an open task's goal; the button stays focusable, so a
    // keyboard reader finds it and hears why it does nothing yet.
    let blocked = p.task.as_ref().is_some_and(|t| !t.done);
    let last = p.pos.step + 1 >= p.len;
    html! {
        <aside class="tour" tabindex="-1" aria-label={format!("Guided tour: {}", p.title)}
            data-step={format!("{}-{}", p.pos.tour, p.pos.step)}
            data-focus={p.focus.clone().unwrap_or(AttrValue::Static("[data-picture]"))}>
            <header>
                <strong>{ p.title.clone() }</strong>
                <span class="tour-count" aria-live="polite">{ format!("Step {} of {}", p.pos.step + 1, p.len) }</span>
            </header>
            <p class="tour-text">{ p.text.clone() }</p>
            // A live region but not a status: the bet's result is the
            // tour's status, and it follows once the work is done.
            if let Some(what) = &p.working {
                <p class="tour-working" aria-live="polite">
                    { "Working… " }{ what.clone() }
                </p>
            } else if let Some(card) = &p.bet {
                { bet_box(card, p.wager, &p.on_bet) }
            }
            if let Some(card) = &p.task {
                { task_box(card, p.on_solve.clone()) }
            }
            if last {
                <section class="tour-recap" aria-label="Recap">
                    <strong>{ "Recap" }</strong>
                    if p.score.1 > 0 {
                        <span class="tour-score">{ format!(" · your bets: {} of {} right", p.score.0, p.score.1) }</span>
                    }
                    if !p.seen.is_empty() {
                        <details>
                            <summary>{ format!("What you saw ({} answers)", p.seen.len()) }</summary>
                            <ul>{ for p.seen.iter().map(|a| html! { <li>{ a.clone() }</li> }) }</ul>
                        </details>
                    }
                    // Every tour has its point (a registry test says so).
                    <p class="tour-seed">{ "The point: " }{ p.seed.clone() }</p>
                    <p>{ "Source: " }<a href={p.source.url} target="_blank" rel="noopener">{ p.source.title }{ " ↗" }</a></p>
                </section>
            }
            <nav class="tour-nav" aria-label="Tour steps">
                <button onclick={go(Some(p.pos.prev()))} disabled={p.pos.step == 0}>{ "← Back" }</button>
                if last {
                    <button onclick={go(None)}>{ "Finish" }</button>
                } else {
                    <button onclick={if blocked { Callback::noop() } else { go(Some(p.pos.next())) }}
                        aria-disabled={blocked.then_some("true")}>{ "Next →" }</button>
                }
                <button onclick={go(None)} class="quiet">{ "Close tour" }</button>
            </nav>
        </aside>
    }
}

/// The reader's bets on `tour` so far: how many were right, and how many made
/// ("Show me" is not a bet).
pub(super) fn score<A>(bets: &[(TourPos, Wager)], t: &Tour<A>, tour: usize) -> (usize, usize) {
    bets.iter()
        .filter(|(at, w)| at.tour == tour && *w != Wager::Skip)
        .fold((0, 0), |(right, made), (at, w)| {
            let ok = t
                .steps
                .get(at.step)
                .and_then(|s| s.bet.as_ref())
                .is_some_and(|b| b.guess.judge(*w));
            (right + usize::from(ok), made + 1)
        })
}
