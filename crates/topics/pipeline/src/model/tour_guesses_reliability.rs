//! The right choices of the reliability tours' bets (gamedays, the
//! monorepo, the broken config); see `tour_guesses`.

use techshack_core::tour::Guess;

use super::playground::Playground;
use super::status::TargetStatus;
use super::tour_guesses::{ids, stops_at, NONE_FITS};

/// Where a gameday's failure was caught, on the Airbnb pipeline.
pub fn gameday_catch(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 4] = ["At dev", "At staging", "At canary", "In production"];
    let right = pg
        .gameday_report()
        .and_then(|g| g.caught)
        .map_or(NONE_FITS, |t| t.target);
    Guess::choice(&CHOICES, right)
}

pub fn sick_node(_: &Playground, pg: &Playground) -> Guess {
    let right = match pg.gameday_report().and_then(|g| g.caught) {
        None => 0,
        Some(_) if !ids(pg, |s| s == TargetStatus::RolledBack).is_empty() => 2,
        Some(_) => 1,
    };
    Guess::choice(
        &[
            "Nothing: the build is good, so it ships",
            "It stops and waits for a person",
            "A health check trips and it rolls back",
        ],
        right,
    )
}

pub fn repeat_incident(_: &Playground, pg: &Playground) -> Guess {
    let log = pg.incidents();
    let repeat = log
        .records()
        .last()
        .is_some_and(|r| r.repeat_warning(log).is_some());
    Guess::choice(
        &[
            "A new incident, like any other",
            "A repeat: this class of failure happened before",
        ],
        usize::from(repeat),
    )
}

pub fn column_count(_: &Playground, pg: &Playground) -> Guess {
    const CHOICES: [&str; 3] = ["3", "4", "6"];
    let n = pg.pipeline().columns().len().to_string();
    Guess::choice(
        &CHOICES,
        CHOICES.iter().position(|c| *c == n).unwrap_or(NONE_FITS),
    )
}

pub const MONOREPO_GATES: [&str; 3] = ["integration", "canary", "prod-us-east"];

pub fn monorepo_stop(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &[
            "At integration",
            "At canary",
            "At prod-us-east",
            "Nowhere: it runs to the end",
        ],
        stops_at(pg, &MONOREPO_GATES),
    )
}

pub fn busy_at_once(_: &Playground, pg: &Playground) -> Guess {
    let busy = ids(pg, TargetStatus::is_active).len();
    let right = match busy {
        1 => 0,
        n if n == pg.pipeline().len() => 2,
        3 => 1,
        _ => NONE_FITS,
    };
    Guess::choice(
        &[
            "One: the regions take turns",
            "Three, side by side",
            "All six",
        ],
        right,
    )
}

pub fn pipeline_rollback(_: &Playground, pg: &Playground) -> Guess {
    let back = ids(pg, |s| s == TargetStatus::RolledBack).len();
    let right = match back {
        1 => 0,
        n if n == pg.pipeline().len() => 2,
        3 => 1,
        _ => NONE_FITS,
    };
    Guess::choice(
        &[
            "Only prod-us-east",
            "The three regions",
            "Everything the release touched",
        ],
        right,
    )
}

/// Which pipeline is in force after an import, against the one before it.
pub fn import_kept(before: &Playground, pg: &Playground) -> Guess {
    let right = if pg.pipeline() == before.pipeline() {
        1
    } else if pg.pipeline().is_empty() {
        2
    } else {
        0
    };
    Guess::choice(
        &[
            "The new one, errors and all",
            "The old one, unchanged",
            "None: the graph empties",
        ],
        right,
    )
}

pub fn typo_verdict(_: &Playground, pg: &Playground) -> Guess {
    let first = pg.editor_errors().first().map(ToString::to_string);
    let right = match first {
        None => 0,
        Some(e) if e.contains("did you mean") => 1,
        Some(_) => 2,
    };
    Guess::choice(
        &[
            "Nothing: unknown fields are ignored",
            "Unknown field, with a did-you-mean",
            "A cycle: staging now depends on nothing",
        ],
        right,
    )
}

pub fn error_count(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &["None", "One", "Two", "Three or more"],
        pg.editor_errors().len().min(3),
    )
}

pub fn errors_after_valid_import(_: &Playground, pg: &Playground) -> Guess {
    Guess::choice(
        &[
            "They stay until fixed by hand",
            "They go: the valid config replaces the editor's text",
        ],
        usize::from(pg.editor_errors().is_empty()),
    )
}
