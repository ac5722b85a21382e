//! Answers to the tours' questions, read off the playground after each step.

use super::budget::Window;
use super::decimal::{Fixed, Trimmed};
use super::events::EventKind;
use super::playground::Playground;
use super::release::Outcome;
use super::status::TargetStatus;

fn ids(pg: &Playground, keep: impl Fn(usize) -> bool) -> Vec<String> {
    (0..pg.pipeline().len())
        .filter(|&i| keep(i))
        .map(|i| pg.pipeline().id(i).to_owned())
        .collect()
}

pub fn enabled_now(_: &Playground, pg: &Playground) -> String {
    let en = pg.enablement();
    let enabled = ids(pg, |i| en.get(i).is_some_and(|e| e.is_enabled()));
    let waiting: Vec<String> = pg
        .enablement_reasons()
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            r.as_ref()
                .map(|r| format!("{} says \"{r}\"", pg.pipeline().id(i)))
        })
        .collect();
    format!("Only {}. {}.", enabled.join(", "), waiting.join("; "))
}

pub fn where_it_waits(_: &Playground, pg: &Playground) -> String {
    let Some(r) = pg.release() else {
        return "No release is running.".to_owned();
    };
    let waiting = pg.awaiting_approval();
    if waiting.is_empty() {
        return format!(
            "It did not stop at a gate: after {} minutes the release {}.",
            r.minutes(),
            outcome_label(r.outcome())
        );
    }
    let done = ids(pg, |i| r.status(i) == TargetStatus::Succeeded);
    format!(
        "At {}, after {} minutes: a manual gate waits for someone to approve. {} succeeded first.",
        waiting.join(", "),
        r.minutes(),
        done.join(", ")
    )
}

pub fn release_summary(_: &Playground, pg: &Playground) -> String {
    let Some(r) = pg.release() else {
        return String::new();
    };
    format!(
        "{} simulated minutes; the release {}. Now: {}.",
        r.minutes(),
        outcome_label(r.outcome()),
        versions_text(pg)
    )
}

fn versions_text(pg: &Playground) -> String {
    let v = pg.current_versions();
    (0..pg.pipeline().len())
        .map(|i| {
            format!(
                "{} v{}",
                pg.pipeline().id(i),
                v.get(i).copied().unwrap_or(0)
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn versions(_: &Playground, pg: &Playground) -> String {
    format!("{}.", versions_text(pg))
}

pub fn yaml_needs(_: &Playground, pg: &Playground) -> String {
    let yaml = pg.github_actions_yaml();
    let needs = yaml
        .lines()
        .find(|l| l.trim_start().starts_with("needs:"))
        .map(str::trim)
        .unwrap_or("needs");
    let gated = pg
        .pipeline()
        .targets()
        .iter()
        .find(|t| t.gate == super::spec::Gate::Manual)
        .map_or("", |t| t.id.as_str());
    format!("`needs` (e.g. {needs}). The manual gate becomes the \"{gated}\" environment; give it required reviewers and the job waits for approval.")
}

/// Where the release stands once it has reached the canary: who passed it
/// on, and how many real users the canary now serves.
pub fn reached_canary(_: &Playground, pg: &Playground) -> String {
    let Some(r) = pg.release() else {
        return String::new();
    };
    if let Some(t) = r.trips().next() {
        return format!(
            "{} caught it at minute {}: {}.",
            pg.pipeline().id(t.target),
            t.tick,
            t.describe()
        );
    }
    let passed = ids(pg, |i| r.status(i) == TargetStatus::Succeeded).join(" and ");
    let weight = pg.canary_traffic().unwrap_or(0);
    format!(
        "Neither: {passed} passed it on, since only real users' traffic triggers the bug. The canary now sends {weight}% of real users to the new build."
    )
}

pub fn canary_abort(_: &Playground, pg: &Playground) -> String {
    let Some(r) = pg.release() else {
        return String::new();
    };
    let Some(trip) = r.trips().next() else {
        return "Nothing failed.".to_owned();
    };
    let who = pg.pipeline().id(trip.target);
    let weight = r
        .events()
        .iter()
        .rev()
        .filter(|e| e.target == Some(trip.target) && e.tick <= trip.tick)
        .find_map(|e| match e.kind {
            EventKind::WeightSet(w) => Some(w),
            _ => None,
        })
        .unwrap_or(0);
    let skipped = ids(pg, |i| r.status(i) == TargetStatus::Skipped);
    let back = r.events().iter().find_map(|e| match e.kind {
        EventKind::RolledBack { to_version } if e.target == Some(trip.target) => {
            Some((e.tick, to_version))
        }
        _ => None,
    });
    let back = back.map_or(String::new(), |(t, v)| {
        format!(", and at minute {t} {who} rolls back to v{v}")
    });
    format!(
        "The analysis at {weight}% weight trips ({}): the canary aborts and its weight goes back to 0%, {} skipped{back}.",
        trip.describe(),
        if skipped.is_empty() { "nothing is".to_owned() } else { format!("{} is", skipped.join(", ")) }
    )
}

pub fn budget_used(_: &Playground, pg: &Playground) -> String {
    let b = pg.budget();
    format!(
        "{} of the {} allowed per 30 days ({}%).",
        b.consumed().format_minutes(),
        b.allowed().format_minutes(),
        Fixed(b.consumed_fraction() * 100.0, 1)
    )
}

pub fn budget_left(_: &Playground, pg: &Playground) -> String {
    let b = pg.budget();
    format!(
        "{} left of {}: every minute at 100% of users costs a full minute.",
        b.remaining().format_minutes(),
        b.allowed().format_minutes()
    )
}

pub fn blocker(_: &Playground, pg: &Playground) -> String {
    match pg.release_blocker() {
        Some(e) => format!("No: {e}."),
        None => "Yes: nothing blocks a new release.".to_owned(),
    }
}

pub fn what_rollback_undid(before: &Playground, _: &Playground) -> String {
    let items: Vec<String> = before
        .rollback_preview()
        .iter()
        .map(|i| {
            format!(
                "{} v{} → v{} ({}% of its traffic was on v{})",
                i.target, i.from_version, i.to_version, i.new_traffic_percent, i.from_version
            )
        })
        .collect();
    format!("{}.", items.join("; "))
}

pub fn budget_week(_: &Playground, pg: &Playground) -> String {
    let budget = Trimmed(pg.budget().target.budget_fraction() * 100.0, 6);
    format!(
        "{} a week: {budget}% of 10,080 minutes.",
        window_downtime(pg, Window::Week)
    )
}

pub fn budget_30d(_: &Playground, pg: &Playground) -> String {
    format!("{} per 30 days.", window_downtime(pg, Window::ThirtyDays))
}

pub fn budget_year(_: &Playground, pg: &Playground) -> String {
    format!("{} per 365-day year.", window_downtime(pg, Window::Year))
}

pub fn affected_now(_: &Playground, pg: &Playground) -> String {
    format!(
        "{}% of users: nothing stands between the build and them.",
        Fixed(pg.affected_fraction() * 100.0, 0)
    )
}

pub fn gameday_result(_: &Playground, pg: &Playground) -> String {
    let Some(report) = pg.gameday_report() else {
        return String::new();
    };
    let rolled = pg.release().map_or(Vec::new(), |r| {
        ids(pg, |i| r.status(i) == TargetStatus::RolledBack)
    });
    let rolled = if rolled.is_empty() {
        String::new()
    } else {
        format!(" Rolled back: {}.", rolled.join(", "))
    };
    format!("{}{rolled}", report.summary())
}

pub fn repeat_flag(_: &Playground, pg: &Playground) -> String {
    let log = pg.incidents();
    log.records()
        .last()
        .and_then(|r| r.repeat_warning(log))
        .unwrap_or_else(|| "No repeats.".to_owned())
}

/// After a classification: whether the log calls it a repeat, and where
/// each target stands.
pub fn repeat_and_versions(before: &Playground, pg: &Playground) -> String {
    format!(
        "{} Each target runs: {}",
        repeat_flag(before, pg),
        versions(before, pg)
    )
}

pub fn columns(_: &Playground, pg: &Playground) -> String {
    let p = pg.pipeline();
    let last = p.columns().last().map_or(Vec::new(), |c| {
        c.iter().map(|&i| p.id(i).to_owned()).collect()
    });
    format!(
        "{} columns; the last holds {} side by side.",
        p.columns().len(),
        last.join(", ")
    )
}

pub fn busy_count(_: &Playground, pg: &Playground) -> String {
    let busy = ids(pg, |i| pg.statuses().get(i).is_some_and(|s| s.is_active()));
    format!("{}: {}.", busy.len(), busy.join(", "))
}

pub fn rolled_back(_: &Playground, pg: &Playground) -> String {
    let back = ids(pg, |i| {
        pg.statuses().get(i) == Some(&TargetStatus::RolledBack)
    });
    let trip = pg.gameday_report().and_then(|g| {
        g.caught.map(|t| {
            format!(
                "{} tripped ({}). ",
                pg.pipeline().id(t.target),
                t.describe()
            )
        })
    });
    format!(
        "{}Everything the release touched: {}.",
        trip.unwrap_or_default(),
        back.join(", ")
    )
}

pub fn in_force(_: &Playground, pg: &Playground) -> String {
    format!(
        "The \"{}\" pipeline ({} targets) is in force; the editor shows {} error(s). A failed import never replaces the last valid pipeline.",
        pg.pipeline().service(),
        pg.pipeline().len(),
        pg.editor_errors().len()
    )
}

pub fn first_error(_: &Playground, pg: &Playground) -> String {
    pg.editor_errors()
        .first()
        .map_or("No errors.".to_owned(), |e| e.to_string())
}

pub fn all_errors(_: &Playground, pg: &Playground) -> String {
    let errs: Vec<String> = pg.editor_errors().iter().map(ToString::to_string).collect();
    format!("{}: {}", errs.len(), errs.join("; "))
}

/// The downtime a window allows, in words (and minutes where they differ).
fn window_downtime(pg: &Playground, w: Window) -> String {
    let d = pg.budget().target.allowed_downtime(w);
    let (human, minutes) = (d.human(), d.format_minutes());
    if human == minutes {
        human
    } else {
        format!("{human} ({minutes})")
    }
}

fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::InProgress => "still in progress",
        Outcome::Succeeded => "succeeded",
        Outcome::Failed => "failed, waiting for a rollback",
        Outcome::RolledBack => "rolled back",
    }
}
