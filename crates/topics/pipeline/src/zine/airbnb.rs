//! Airbnb's deploy pipelines as a zine page ("Introducing Deploy Pipelines
//! to Airbnb", 2018): config checked against a spec, a DAG of targets in
//! order, disabled targets that say why, a canary that catches a bad build
//! and rolls it back, and the error budget that saves. Drawn from the
//! pipeline model's default (Airbnb-style) pipeline.

use super::{board, scenes};
use crate::comic::{bird, script};
use crate::model::budget::Availability;
use crate::model::presets::Preset;
use crate::model::{Action, ConfigErrorKind, Playground};
use techshack_core::sketch::{Anchor, Pen, Whole, Zine};

pub(super) const ID: &str = "airbnb";
/// The SLO of the budget panel, in percent, and how long the cowboy deploy
/// of the same bad build is left running, in minutes.
pub(super) const SLO: f64 = 99.9;
pub(super) const COWBOY_MINUTES: u32 = 10;

/// The page drawn but not finished (see `PanelModel::zines`).
pub(super) fn draw() -> Zine {
    let mut z = Zine::new(
        2018,
        "Deploy pipelines at Airbnb",
        "Airbnb engineering, \"Introducing Deploy Pipelines to Airbnb\" (2018) · drawn from the pipeline model",
        6,
    );
    let pg = Playground::default();
    board::config(
        &mut z,
        0,
        &pg,
        "Service owners write their deploy procedure as config, checked against a spec and saved.",
    );
    dag(&mut z, 1);
    let a = z.caption(
        2,
        "The UI puts the targets in order and disables those whose dependencies have not succeeded.",
    );
    board::draw(&mut z, (a.x + 4.0, a.y + 6.0), &board::rows(&pg));
    canary(&mut z, 3, &pg);
    let bad = scenes::bad_canary(SLO);
    caught(&mut z, 4, &bad);
    budget(&mut z, 5, &bad);
    z
}

fn dag(z: &mut Zine, k: usize) {
    let a = z.caption(
        k,
        "A pipeline must be a DAG. A config with a cycle is refused; the pipeline in force stays.",
    );
    let pg = scenes::after(&[Action::LoadPreset(Preset::BrokenCycle)]);
    let cycle = pg.editor_errors().iter().find_map(|e| match &e.kind {
        ConfigErrorKind::Cycle { path } => Some(path.join(" → ")),
        _ => None,
    });
    let feet = (a.x + 34.0, a.bottom());
    z.stick_figure(feet, 100.0, &Pen::ink().width(2.0));
    let said = match &cycle {
        Some(path) => format!("Refused: {path} is a cycle."),
        None => "Accepted.".to_owned(),
    };
    let head = (feet.0 + 10.0, feet.1 - 100.0);
    z.say_on(
        "var(--bad-soft)",
        "Validator",
        (a.x + 76.0, a.y + 4.0, 270.0, 84.0),
        head,
        &said,
    );
    let kept = format!("in force: {} targets, still", pg.pipeline().len());
    z.text((a.x + 90.0, a.y + 130.0), &kept, 15.0, Anchor::Start);
    let order: Vec<&str> = pg
        .pipeline()
        .order()
        .iter()
        .map(|&i| pg.pipeline().id(i))
        .collect();
    let line = order.join(" → ");
    z.text_coloured(
        (a.x + 90.0, a.y + 156.0),
        &line,
        13.0,
        Anchor::Start,
        "var(--muted)",
    );
}

fn canary(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "The canary takes a slice of real traffic first, and checks its health at every step.",
    );
    let c = scenes::canary(pg);
    let Some(t) = pg.pipeline().target(c) else {
        return;
    };
    bird(z, (a.x + 40.0, a.bottom() - 30.0), false);
    scenes::canary_bars(z, pg, (a.x + 120.0, a.bottom() - 2.0), 78.0, 140.0);
    if let Some(rate) = t.health.and_then(|h| h.max_error_rate) {
        let line = format!("stops above {}% errors", Whole(rate * 100.0));
        z.text((a.x + 4.0, a.y + 16.0), &line, 15.0, Anchor::Start);
    }
}

fn caught(z: &mut Zine, k: usize, bad: &Playground) {
    let a = z.caption(
        k,
        "A bad build trips the canary's check. It rolls back, and production stays disabled.",
    );
    let sc = script(bad);
    bird(z, (a.x + 40.0, a.y + 40.0), sc.canary_sick);
    z.say_on(
        "var(--bad-soft)",
        "Canary",
        (a.x + 90.0, a.y + 2.0, 260.0, 50.0),
        (a.x + 60.0, a.y + 20.0),
        &sc.canary,
    );
    board::draw(z, (a.x + 4.0, a.y + 84.0), &board::rows(bad));
}

fn budget(z: &mut Zine, k: usize, bad: &Playground) {
    let a = z.caption(
        k,
        "What the canary saved: the same bad build shipped to everyone at once burns the budget.",
    );
    let cowboy = scenes::after(&[
        Action::SetSlo(SLO),
        Action::CowboyDeploy { bad_build: true },
        Action::Advance {
            minutes: COWBOY_MINUTES,
        },
    ]);
    let allowed = bad.budget().allowed();
    let slo = Availability::from_percent(SLO).unwrap_or(Availability::TWO_NINES);
    let top = format!("{slo} allows {} per 30 days", allowed.format_minutes());
    z.text((a.x + 4.0, a.y + 18.0), &top, 15.0, Anchor::Start);
    let full = a.w - 20.0;
    let cowboy_for = format!("cowboy, {COWBOY_MINUTES} minutes");
    let rows = [
        ("through the pipeline", bad.budget().consumed()),
        (cowboy_for.as_str(), cowboy.budget().consumed()),
    ];
    for (i, (what, spent)) in rows.iter().enumerate() {
        let y = a.y + 44.0 + i as f64 * 78.0;
        let share = (spent.micros as f64 / allowed.micros.max(1) as f64).clamp(0.0, 1.0);
        z.rect(a.x + 4.0, y, full, 22.0, &Pen::ink());
        let pen = Pen::ink().fill("var(--bad)").solid();
        z.rect(a.x + 4.0, y, (full * share).max(2.0), 22.0, &pen);
        let line = format!("{what}: {}", spent.format_minutes());
        z.text((a.x + 4.0, y + 46.0), &line, 15.0, Anchor::Start);
    }
}
