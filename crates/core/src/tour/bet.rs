//! Bets: a step that asks for a prediction holds its effect back until the
//! reader has committed to an answer. The step's own actions set the scene
//! (the reader sees the situation); the bet's `reveal` actions run only once
//! the reader has picked a choice, typed a number or asked to be shown. So
//! the answer is never on screen before the question, and the reader finds
//! out whether they were right from the panel itself.

use crate::sketch::{Tenths, Whole};
use serde::{Deserialize, Serialize};

/// A prediction the reader commits to before the step's reveal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bet<A> {
    pub question: String,
    pub guess: Guess,
    /// Why the answer is what it is, in plain words, read off the model
    /// after the reveal; shown once the reader has bet.
    pub why: String,
    /// What the step does once the reader has bet.
    pub reveal: Vec<A>,
}

/// How the reader answers, and what the model says is right.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Guess {
    /// One of two to four choices; `right` is the one the model gives.
    Choice { choices: Vec<String>, right: usize },
    /// A number, right when within `tolerance` of `value` (absolute).
    Number {
        value: f64,
        tolerance: f64,
        unit: String,
    },
}

/// What a reader did at a bet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wager {
    Choice(usize),
    Number(f64),
    /// "Show me": no bet, just the reveal.
    Skip,
}

impl Guess {
    /// Two to four choices, the model's answer at `right`.
    pub fn choice(choices: &[&str], right: usize) -> Guess {
        Guess::Choice {
            choices: choices.iter().map(|c| c.to_string()).collect(),
            right,
        }
    }

    pub fn number(value: f64, tolerance: f64, unit: &str) -> Guess {
        Guess::Number {
            value,
            tolerance,
            unit: unit.to_string(),
        }
    }

    /// Whether `wager` is right; a skip is never right.
    pub fn judge(&self, wager: Wager) -> bool {
        match (self, wager) {
            (Guess::Choice { right, .. }, Wager::Choice(i)) => *right == i,
            (
                Guess::Number {
                    value, tolerance, ..
                },
                Wager::Number(x),
            ) => (x - value).abs() <= *tolerance,
            _ => false,
        }
    }

    /// The right answer as the reader would have given it.
    pub fn answer(&self) -> String {
        match self {
            Guess::Choice { choices, right } => choices.get(*right).cloned().unwrap_or_default(),
            Guess::Number { value, unit, .. } => {
                let n = if value.fract() == 0.0 {
                    Whole(*value).to_string()
                } else {
                    Tenths(*value).to_string()
                };
                if unit.is_empty() {
                    n
                } else {
                    format!("{n} {unit}")
                }
            }
        }
    }
}

/// Reads a typed number as a reader writes it: spaces and thin spaces as
/// thousands separators, a comma as the decimal point when there is no dot,
/// a leading "≈". The message says what to type instead.
pub fn read_number(typed: &str) -> Result<f64, String> {
    let cleaned: String = typed
        .trim()
        .trim_start_matches('≈')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{2009}' | '\u{202f}' | '_'))
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let cleaned = if cleaned.contains('.') {
        cleaned.replace(',', "")
    } else {
        cleaned.replace(',', ".")
    };
    match decimal(&cleaned) {
        Some(x) => Ok(x),
        None if cleaned.is_empty() => Err("Type a number first, or choose “Show me”.".into()),
        None => Err(format!(
            "“{}” is not a number; type one such as 12 or 0.5.",
            clip(typed)
        )),
    }
}

/// A plain decimal ("-12", "0.25", ".5"): up to 15 significant digits, no
/// exponent. Written out because `str::parse::<f64>` links the standard
/// library's exact float parser and its tables (about 15 KB of wasm in
/// every topic module) for numbers a reader types into a bet.
fn decimal(s: &str) -> Option<f64> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let all = whole.bytes().chain(fraction.bytes());
    if whole.len() + fraction.len() > 15 || !all.clone().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mantissa = all.fold(0i64, |m, b| m * 10 + i64::from(b - b'0'));
    // Exact: the mantissa is below 2^53 and 10^k (k ≤ 15) is exact, so one
    // division rounds correctly.
    let x = mantissa as f64 / 10f64.powi(fraction.len() as i32);
    Some(if negative { -x } else { x })
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(24) {
        Some((at, _)) => &s[..at],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn choice() -> Guess {
        Guess::Choice {
            choices: vec!["It widens".into(), "It narrows".into()],
            right: 0,
        }
    }

    #[test]
    fn a_choice_is_right_only_when_it_is_the_models() {
        assert!(choice().judge(Wager::Choice(0)));
        assert!(!choice().judge(Wager::Choice(1)));
        assert!(!choice().judge(Wager::Skip));
        assert!(!choice().judge(Wager::Number(0.0)));
        assert_eq!(choice().answer(), "It widens");
    }

    #[test]
    fn a_number_is_right_within_its_tolerance() {
        let g = Guess::Number {
            value: 12.0,
            tolerance: 1.0,
            unit: "support vectors".into(),
        };
        assert!(g.judge(Wager::Number(11.0)) && g.judge(Wager::Number(13.0)));
        assert!(!g.judge(Wager::Number(13.5)));
        assert_eq!(g.answer(), "12 support vectors");
        let g = Guess::Number {
            value: 0.25,
            tolerance: 0.1,
            unit: String::new(),
        };
        assert_eq!(g.answer(), "0.3");
    }

    #[test]
    fn typed_numbers_read_as_people_write_them() {
        assert_eq!(read_number(" 1 000 "), Ok(1000.0));
        assert_eq!(read_number("1,000.5"), Ok(1000.5));
        assert_eq!(read_number("0,5"), Ok(0.5));
        assert_eq!(read_number("≈ 20"), Ok(20.0));
        assert_eq!(read_number("−3"), Ok(-3.0));
        assert!(read_number("").unwrap_err().contains("Type a number"));
        assert!(read_number("twelve")
            .unwrap_err()
            .contains("“twelve” is not a number"));
        assert!(read_number("inf").is_err() && read_number("NaN").is_err());
        assert_eq!(read_number(".5"), Ok(0.5));
        assert_eq!(read_number("+7."), Ok(7.0));
        assert!(
            read_number("-").is_err() && read_number(".").is_err() && read_number("1.2.3").is_err()
        );
        assert!(read_number("1e6").is_err(), "no exponents");
    }

    proptest! {
        /// Where both read a number, it is the one `str::parse` reads.
        #[test]
        fn decimals_read_as_the_standard_parser_does(whole in 0u64..10_000_000, frac in 0u32..100_000, neg: bool) {
            let text = format!("{}{whole}.{frac:05}", if neg { "-" } else { "" });
            prop_assert_eq!(decimal(&text), Some(text.parse::<f64>().unwrap()));
        }

        /// No typed text panics, and what reads is finite.
        #[test]
        fn any_text_reads_or_is_refused(s in ".{0,40}") {
            if let Ok(x) = read_number(&s) {
                prop_assert!(x.is_finite());
            }
        }

        /// Whatever a number prints as reads back within a twentieth.
        #[test]
        fn answers_read_back(x in -1.0e6f64..1.0e6) {
            let g = Guess::Number { value: x, tolerance: 0.0, unit: String::new() };
            let back = read_number(&g.answer()).unwrap();
            prop_assert!((back - x).abs() <= 0.05 + 1e-9);
        }
    }
}
