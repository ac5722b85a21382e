//! A step's bet: the question, the reader's choices (buttons, or a number
//! with a Bet button) and "Show me"; once the reader has bet, whether they
//! were right and why. The frame applies the step's reveal on the bet.

use crate::tour::{read_number, Guess, Wager};
use crate::widgets::{field_error, value_of};
use yew::prelude::*;

/// What the tour bar shows of a bet.
#[derive(Clone, Debug, PartialEq)]
pub struct BetCard {
    pub question: String,
    pub guess: Guess,
    pub why: String,
}

/// What the reader has typed into a number bet, and why it was refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub text: String,
    pub error: Option<String>,
}

/// The bet box. A function, not a component: the tour bar keeps the draft
/// (and resets it with the step), and a component's machinery is code in
/// every topic's module.
pub fn bet_box(
    card: &BetCard,
    wager: Option<Wager>,
    on_bet: &Callback<Wager>,
    draft: &UseStateHandle<Draft>,
    err_id: &str,
) -> Html {
    let result = wager.map(|w| {
        let answer = card.guess.answer();
        let (class, verdict) = match w {
            Wager::Skip => ("bet-result", format!("The answer: {answer}. ")),
            w if card.guess.judge(w) => ("bet-result right", "Right. ".to_string()),
            _ => (
                "bet-result wrong",
                format!("Not quite: the answer is {answer}. "),
            ),
        };
        html! { <p class={class} role="status"><strong>{ verdict }</strong>{ card.why.clone() }</p> }
    });

    let submit_number = {
        let (draft, on_bet) = (draft.clone(), on_bet.clone());
        Callback::from(move |_: ()| match read_number(&draft.text) {
            Ok(x) => on_bet.emit(Wager::Number(x)),
            Err(why) => draft.set(Draft {
                error: Some(why),
                ..(*draft).clone()
            }),
        })
    };

    let choices = match &card.guess {
        Guess::Choice { choices, .. } => html! {
            { for choices.iter().enumerate().map(|(i, c)| {
                let on_bet = on_bet.clone();
                html! { <button type="button" onclick={move |_| on_bet.emit(Wager::Choice(i))}>{ c.clone() }</button> }
            }) }
        },
        Guess::Number { unit, .. } => {
            let label = if unit.is_empty() {
                "Your answer".to_string()
            } else {
                format!("Your answer ({unit})")
            };
            let (on_enter, on_click) = (submit_number.clone(), submit_number);
            let invalid = draft.error.is_some();
            html! {
                <>
                    <label>{ label }
                        <input type="text" inputmode="decimal" value={draft.text.clone()}
                            aria-invalid={invalid.then_some("true")}
                            aria-describedby={invalid.then(|| err_id.to_string())}
                            oninput={{ let d = draft.clone(); move |e: InputEvent| d.set(Draft { text: value_of(&e), error: d.error.clone() }) }}
                            onkeydown={move |e: KeyboardEvent| if e.key() == "Enter" { e.prevent_default(); on_enter.emit(()) }} />
                    </label>
                    <button type="button" onclick={move |_| on_click.emit(())}>{ "Bet" }</button>
                </>
            }
        }
    };

    html! {
        <div class="predict bet">
            <p><strong>{ "Your bet: " }</strong>{ card.question.clone() }</p>
            if let Some(result) = result {
                { result }
            } else {
                <div class="bet-choices" role="group" aria-label="Your bet">
                    { choices }
                    <button type="button" class="quiet" onclick={{ let b = on_bet.clone(); move |_| b.emit(Wager::Skip) }}>{ "Show me" }</button>
                </div>
                { field_error(err_id, draft.error.as_deref()) }
            }
        </div>
    }
}
