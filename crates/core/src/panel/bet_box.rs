//! A step's bet: the question, the reader's choices and "Show me"; once the
//! reader has bet, whether they were right and why. The frame applies the
//! step's reveal on the bet.

use crate::tour::{Guess, Wager};
use yew::prelude::*;

/// What the tour bar shows of a bet.
#[derive(Clone, Debug, PartialEq)]
pub struct BetCard {
    pub question: String,
    pub guess: Guess,
    pub why: String,
}

/// The bet box. A function, not a component: a component's machinery is
/// code in every topic's module.
pub fn bet_box(card: &BetCard, wager: Option<Wager>, on_bet: &Callback<Wager>) -> Html {
    let answer = |w: Wager| {
        let (class, verdict) = match w {
            Wager::Skip => (
                "bet-result",
                format!("The answer: {}. ", card.guess.answer()),
            ),
            w if card.guess.judge(w) => ("bet-result right", "Right. ".to_string()),
            _ => (
                "bet-result wrong",
                format!("Not quite: the answer is {}. ", card.guess.answer()),
            ),
        };
        html! { <p class={class} role="status"><strong>{ verdict }</strong>{ card.why.clone() }</p> }
    };
    let choice = |i: usize, c: &String| {
        let on_bet = on_bet.clone();
        html! { <button type="button" onclick={move |_| on_bet.emit(Wager::Choice(i))}>{ c.clone() }</button> }
    };
    html! {
        <div class="predict bet">
            <p><strong>{ "Your bet: " }</strong>{ card.question.clone() }</p>
            if let Some(w) = wager {
                { answer(w) }
            } else {
                <div class="bet-choices" role="group" aria-label="Your bet">
                    { for card.guess.choices.iter().enumerate().map(|(i, c)| choice(i, c)) }
                    <button type="button" class="quiet" onclick={{ let b = on_bet.clone(); move |_| b.emit(Wager::Skip) }}>{ "Show me" }</button>
                </div>
            }
        </div>
    }
}
