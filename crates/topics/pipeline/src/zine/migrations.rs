//! The migrations talk as a zine page (Julia Evans, "High Reliability
//! Infrastructure Migrations", KubeCon 2018): how to move infrastructure
//! without breaking what works, one practice per panel, each shown on the
//! pipeline model (its error budget, gamedays, incident log, canary and
//! rollback), so the figures are the model's.

use super::{board, migrations_release as release, scenes};
use crate::model::budget::{Availability, Window};
use crate::model::gameday::{FailureClass, FailureKind};
use crate::model::{CanaryStep, Gate, Playground};
use techshack_core::sketch::{Anchor, Pen, Zine};

pub(super) const ID: &str = "migrations";

/// Allowed downtime at `percent` in `window`, as the model words it.
pub(super) fn allowed(percent: f64, window: Window) -> String {
    Availability::from_percent(percent)
        .unwrap_or(Availability::TWO_NINES)
        .allowed_downtime(window)
        .format_minutes()
}

/// The page drawn but not finished (see `PanelModel::zines`).
pub(super) fn draw() -> Zine {
    let mut z = Zine::new(
        1804,
        "High-reliability infrastructure migrations",
        "Julia Evans (Stripe), KubeCon 2018 · the numbers come from the pipeline model",
        8,
    );
    nines(&mut z, 0);
    design(&mut z, 1);
    gameday(&mut z, 2);
    let filed = scenes::gamedays(2);
    classify(&mut z, 3, &filed);
    only_once(&mut z, 4, &filed);
    let bad = scenes::bad_canary(99.99);
    release::steps(&mut z, 5, &bad);
    release::rollback(&mut z, 6, &bad);
    release::budget(&mut z, 7, &bad);
    z
}

fn nines(z: &mut Zine, k: usize) {
    let (two, four) = (
        allowed(99.0, Window::ThirtyDays),
        allowed(99.99, Window::ThirtyDays),
    );
    let a = z.caption(
        k,
        "The goal: from 99% to 99.99% reliable. The budget for downtime shrinks a hundredfold.",
    );
    let full = a.w - 10.0;
    z.text(
        (a.x, a.y + 16.0),
        &format!("99%: {two} per 30 days"),
        15.0,
        Anchor::Start,
    );
    z.rect(a.x, a.y + 26.0, full, 20.0, &Pen::ink().fill("var(--good)"));
    let week = allowed(99.99, Window::Week);
    let line = format!("99.99%: {four} per 30 days");
    z.text((a.x, a.y + 80.0), &line, 15.0, Anchor::Start);
    let ratio = Availability::from_percent(99.99).map_or(0.0, |t| {
        t.budget_fraction() / Availability::TWO_NINES.budget_fraction()
    });
    let pen = Pen::ink().fill("var(--bad)").solid();
    z.rect(a.x, a.y + 90.0, (full * ratio).max(2.0), 20.0, &pen);
    let note = format!("{week} a week: all a migration may break");
    z.text_coloured(
        (a.x + 16.0, a.y + 106.0),
        &note,
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

/// What the Airbnb-style pipeline does at a target, in a few words.
fn what_it_does(pg: &Playground, id: &str) -> String {
    let p = pg.pipeline();
    let Some(t) = p.find(id).and_then(|i| p.target(i)) else {
        return String::new();
    };
    let weights: Vec<String> = t
        .canary_steps
        .iter()
        .filter_map(|s| match s {
            CanaryStep::SetWeight(w) => Some(format!("{w}%")),
            _ => None,
        })
        .collect();
    if !weights.is_empty() {
        format!(
            "{} of traffic, then {}",
            weights[0],
            weights[1..].join(", ")
        )
    } else if t.gate == Gate::Manual {
        "a person approves".to_owned()
    } else {
        format!("bakes {} min", t.bake_minutes)
    }
}

fn design(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "Understand the design first: what runs where, in which order, and who checks it.",
    );
    let pg = Playground::default();
    let mut rows = board::rows(&pg);
    for row in &mut rows {
        row.note = what_it_does(&pg, &row.id);
        row.look = board::Look::Open;
    }
    z.stick_figure((a.x + 26.0, a.bottom()), 96.0, &Pen::ink().width(2.0));
    board::draw(z, (a.x + 60.0, a.y + 6.0), &rows);
}

fn gameday(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "Run gamedays: break it on purpose, on your terms, and watch what catches it.",
    );
    let pg = scenes::gamedays(1);
    let kind = FailureKind::BadConfig;
    z.stick_figure((a.x + 26.0, a.bottom()), 96.0, &Pen::ink().width(2.0));
    let line = format!("Gameday! Let's {}.", kind.label());
    z.say(
        "Engineer",
        (a.x + 64.0, a.y, 220.0, 50.0),
        (a.x + 40.0, a.bottom() - 96.0),
        &line,
    );
    let report = pg.incidents().records().first().map(|r| r.report.clone());
    if let Some((at, trip)) = report.and_then(|r| r.caught_at.zip(r.caught)) {
        let at_line = format!("Caught at {at}:");
        z.text((a.x + 70.0, a.y + 92.0), &at_line, 15.0, Anchor::Start);
        z.text(
            (a.x + 70.0, a.y + 114.0),
            &trip.describe(),
            15.0,
            Anchor::Start,
        );
    }
}

fn classify(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Classify every failure. A class says what to fix, not just who to blame.",
    );
    let first = pg.incidents().records().first();
    let class = first.map_or(FailureClass::Config, |r| r.class);
    z.stick_figure((a.x + 26.0, a.bottom()), 96.0, &Pen::ink().width(2.0));
    let number = first.map_or(1, |r| r.number);
    let line = format!("Incident #{number} was {}.", class.label());
    z.say(
        "Engineer",
        (a.x + 60.0, a.y, 150.0, 58.0),
        (a.x + 40.0, a.bottom() - 96.0),
        &line,
    );
    let (x, w) = (a.right() - 130.0, 126.0);
    for (i, c) in FailureClass::ALL.iter().enumerate() {
        let top = a.y + i as f64 * 29.0;
        let (fill, ink) = if *c == class {
            ("var(--accent-soft)", "var(--ink)")
        } else {
            ("var(--line)", "var(--muted)")
        };
        z.rect(x, top, w, 24.0, &Pen::ink().stroke(ink).fill(fill).solid());
        z.text_coloured(
            (x + w / 2.0, top + 17.0),
            c.label(),
            13.0,
            Anchor::Middle,
            ink,
        );
        if *c == class {
            z.arrow(
                (a.x + 212.0, a.y + 30.0),
                (x - 4.0, top + 12.0),
                &Pen::ink(),
            );
        }
    }
}

fn only_once(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Have each incident only once: a repeat means the last fix did not fix the class.",
    );
    z.stick_figure((a.x + 26.0, a.bottom()), 96.0, &Pen::ink().width(2.0));
    let records = pg.incidents().records();
    let repeat = records
        .iter()
        .find_map(|r| r.repeat_of.map(|of| (r.number, of)));
    let line = match repeat {
        Some((n, of)) => format!("#{n} is a repeat of #{of}!"),
        None => "No repeats yet.".to_owned(),
    };
    z.say_on(
        "var(--bad-soft)",
        "Log",
        (a.x + 60.0, a.y, 250.0, 44.0),
        (a.x + 40.0, a.bottom() - 96.0),
        &line,
    );
    for (i, r) in records.iter().enumerate() {
        let again = r
            .repeat_of
            .map_or(String::new(), |of| format!(", repeat of #{of}"));
        let entry = format!("incident #{}: {}{again}", r.number, r.class.label());
        z.text(
            (a.x + 70.0, a.y + 80.0 + i as f64 * 22.0),
            &entry,
            14.0,
            Anchor::Start,
        );
    }
}
