//! The right choice of each tour bet, read off the playground once the bet's
//! reveal has run. A choice the model's state matches none of gets an index
//! past the end, which the tours' tests refuse, so a model change cannot
//! leave a bet quietly pointing at a wrong answer.

use techshack_core::tour::Guess;

pub use super::tour_guesses_reliability::*;

use super::budget::Window;
use super::playground::Playground;
use super::status::TargetStatus;

/// No choice fits: caught by the tests, never shown as a right answer.
pub(super) const NONE_FITS: usize = usize::MAX;

/// The bucket `x` falls in: the first whose upper bound is above it.
fn bucket(x: f64, upper_bounds: &[f64]) -> usize {
    upper_bounds
        .iter()
        .position(|&b| x < b)
        .unwrap_or(upper_bounds.len())
}

/// The choice that names exactly `items`, in the form "a", "a and b",
/// "a, b and c".
fn naming(choices: &[&str], items: &[String]) -> usize {
    let said = match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    choices.iter().position(|c| *c == said).unwrap_or(NONE_FITS)
}

pub(super) fn ids(pg: &Playground, keep: impl Fn(TargetStatus) -> bool) -> Vec<String> {
    pg.statuses()
        .iter()
        .enumerate()
        .filter(|(_, s)| keep(**s))
        .map(|(i, _)| pg.pipeline().id(i).to_owned())
        .collect()
}

/// Which of `targets` a release waits at; `targets.len()` (the "it runs to
/// the end" choice) when no gate holds it.
pub fn stops_at(pg: &Playground, targets: &[&str]) -> usize {
    match pg.awaiting_approval().first() {
        Some(t) => targets.iter().position(|c| c == t).unwrap_or(NONE_FITS),
        None => targets.len(),
    }
}

pub const AIRBNB_GATES: [&str; 3] = ["staging", "canary", "production"];
pub const AIRBNB_STOPS: [&str; 4] = [
    "At staging",
    "At canary",
    "At production",
    "Nowhere: it runs to the end",
];

pub fn airbnb_stop(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(&AIRBNB_STOPS, stops_at(pg, &AIRBNB_GATES))
}

/// Who starts deploying as a release opens.
pub fn first_movers(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = ["dev and staging", "All four at once", "dev"];
    Guess::choice(
        &CHOICES,
        naming(&CHOICES, &ids(pg, TargetStatus::is_active)),
    )
}

pub fn release_length(_: &Playground, pg: &Playground) -> Guess {
    let minutes = pg.release().map_or(0, |r| r.minutes());
    Guess::choice(
        &["Under 30 minutes", "30 to 60 minutes", "Over an hour"],
        bucket(f64::from(minutes), &[30.0, 60.0]),
    )
}

pub fn yaml_keyword(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = ["after:", "depends_on:", "needs:"];
    let yaml = pg.github_actions_yaml();
    let right = CHOICES
        .iter()
        .position(|k| yaml.lines().any(|l| l.trim_start().starts_with(k)))
        .unwrap_or(NONE_FITS);
    Guess::choice(&CHOICES, right)
}

/// Whether dev or staging stopped the release before the canary had users.
pub fn past_staging(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = [
        "dev catches it",
        "staging catches it",
        "Neither: the canary gets it",
    ];
    let caught = pg
        .release()
        .and_then(|r| r.trips().next().map(|t| t.target));
    let right = match caught.map(|t| pg.pipeline().id(t)) {
        Some("dev") => 0,
        Some("staging") => 1,
        _ if canary_serves(pg) => 2,
        _ => NONE_FITS,
    };
    Guess::choice(&CHOICES, right)
}

fn canary_serves(pg: &Playground) -> bool {
    pg.canary_traffic().is_some_and(|w| w > 0)
}

/// The weight a failed canary's traffic goes back to.
pub fn canary_weight_after(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = ["It stays at 10%", "Back to 0%", "On to 50%"];
    let right = match pg.canary_traffic() {
        Some(10) => 0,
        Some(0) => 1,
        Some(50) => 2,
        _ => NONE_FITS,
    };
    Guess::choice(&CHOICES, right)
}

/// How much of the 30-day budget has gone, in broad buckets.
pub fn budget_burnt(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &["Under 1%", "Between 1% and half", "Over half"],
        bucket(pg.budget().consumed_fraction(), &[0.01, 0.5]),
    )
}

/// Whether a new release may start, and if not, why.
pub fn next_release(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = [
        "No: the error budget is spent",
        "Yes: nothing blocks it",
        "No: the failed release must be rolled back first",
    ];
    let right = match pg.release_blocker().map(|e| e.to_string()) {
        None => 1,
        Some(e) if e.contains("budget") => 0,
        Some(e) if e.contains("Rollback") => 2,
        Some(_) => NONE_FITS,
    };
    Guess::choice(&CHOICES, right)
}

/// The targets a rollback put back (read off the state it undid).
pub fn rolled_back_targets(before: &Playground, _: &Playground) -> Guess {
    const CHOICES: [&str; 4] = [
        "canary",
        "canary and production",
        "dev, staging and canary",
        "dev, staging, canary and production",
    ];
    let items: Vec<String> = before
        .rollback_preview()
        .iter()
        .map(|i| i.target.clone())
        .collect();
    Guess::choice(&CHOICES, naming(&CHOICES, &items))
}

/// Allowed downtime per 30 days.
pub fn month_allowance(_: &Playground, pg: &Playground) -> Guess {
    let minutes = allowed_minutes(pg, Window::ThirtyDays);
    Guess::choice(
        &["About 4 minutes", "About 43 minutes", "About 7 hours"],
        bucket(minutes, &[10.0, 100.0]),
    )
}

pub fn week_allowance(_: &Playground, pg: &Playground) -> Guess {
    let minutes = allowed_minutes(pg, Window::Week);
    Guess::choice(
        &["About 10 minutes", "About an hour", "About 1 minute"],
        match bucket(minutes, &[5.0, 30.0]) {
            0 => 2,
            1 => 0,
            _ => 1,
        },
    )
}

/// The downtime, in minutes, the SLO in force allows over `window`.
fn allowed_minutes(pg: &Playground, window: Window) -> f64 {
    pg.budget().target.allowed_downtime(window).minutes()
}

pub fn year_allowance_two_nines(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &["About 9 hours", "About 3.7 days", "About 2 weeks"],
        bucket(
            allowed_minutes(pg, Window::Year),
            &[24.0 * 60.0, 7.0 * 24.0 * 60.0],
        ),
    )
}

pub fn year_allowance_five_nines(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &["About 5 minutes", "About 53 minutes", "About 9 hours"],
        bucket(allowed_minutes(pg, Window::Year), &[20.0, 120.0]),
    )
}

pub fn users_hit(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &["1%, as on a canary", "About 10%", "All of them"],
        bucket(pg.affected_fraction(), &[0.05, 0.5]),
    )
}

pub fn budget_remaining(_: &Playground, pg: &Playground) -> Guess {
    let b = pg.budget();
    let left = b.remaining().minutes() / b.allowed().minutes().max(f64::MIN_POSITIVE);
    let right = match left {
        l if l <= 0.0 => 2,
        l if l < 0.75 => 1,
        _ => 0,
    };
    Guess::choice(
        &[
            "Nearly all of it",
            "Less than half of it",
            "None: it is all spent",
        ],
        right,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_names_pick_the_matching_choice() {
        assert_eq!(bucket(4.32, &[10.0, 100.0]), 0);
        assert_eq!(bucket(43.2, &[10.0, 100.0]), 1);
        assert_eq!(bucket(432.0, &[10.0, 100.0]), 2);
        let c = ["a", "a and b", "a, b and c"];
        assert_eq!(naming(&c, &["a".into()]), 0);
        assert_eq!(naming(&c, &["a".into(), "b".into(), "c".into()]), 2);
        assert_eq!(naming(&c, &["b".into()]), NONE_FITS);
    }
}
