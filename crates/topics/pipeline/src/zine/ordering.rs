//! A comic about ordering and disabled targets (Airbnb, "Introducing Deploy
//! Pipelines to Airbnb", 2018): a pipeline is config, the model orders its
//! targets, and a target stays disabled, saying why, until what it depends
//! on has succeeded, so nobody skips staging or the canary.

use super::board::{self, Look};
use super::scenes;
use crate::model::Playground;
use techshack_core::sketch::{Anchor, Pen, Zine};

pub(super) const ID: &str = "ordering";

/// The page drawn but not finished (see `PanelModel::zines`).
pub(super) fn draw() -> Zine {
    let mut z = Zine::new(
        2018,
        "Ordering and disabled targets",
        "Airbnb, \"Introducing Deploy Pipelines to Airbnb\" (2018) · drawn from the pipeline model",
        6,
    );
    let pg = Playground::default();
    board::config(
        &mut z,
        0,
        &pg,
        "A pipeline is data: the service owner writes each target and what it depends on.",
    );
    order(&mut z, 1, &pg);
    let a = z.caption(
        2,
        "Before a release, only the first target is enabled. The others say why they wait.",
    );
    board::draw(&mut z, (a.x + 4.0, a.y + 6.0), &board::rows(&pg));
    gate(&mut z, 3, &scenes::at_the_gate());
    let bad = scenes::bad_canary(99.9);
    let a = z.caption(
        4,
        "A bad build trips the canary, which rolls back. Production stays disabled, and says why.",
    );
    board::draw(&mut z, (a.x + 4.0, a.y + 6.0), &board::rows(&bad));
    no_skipping(&mut z, 5, &bad);
    z
}

/// The deploy order the model computed, each target after what it needs.
fn order(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "The model orders the targets from their dependencies: nobody has to get it right by hand.",
    );
    let p = pg.pipeline();
    let mut rows = board::rows(pg);
    for (row, &i) in rows.iter_mut().zip(p.order()) {
        let deps: Vec<&str> = p.deps(i).iter().map(|&d| p.id(d)).collect();
        row.note = if deps.is_empty() {
            "goes first".to_owned()
        } else {
            format!("after {}", deps.join(", "))
        };
        row.look = Look::Open;
    }
    board::draw(z, (a.x + 4.0, a.y + 6.0), &rows);
}

/// A good build stops at the manual gate before production.
fn gate(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "A good build walks down in order, and waits at production's gate for a person.",
    );
    board::draw(z, (a.x + 4.0, a.y + 6.0), &board::rows(pg));
    let feet = (a.x + 30.0, a.bottom());
    z.stick_figure(feet, 76.0, &Pen::ink().width(2.0));
    let line = match pg.release() {
        Some(r) => format!("v{} waits for my approval.", r.version()),
        None => "Nothing waits for me.".to_owned(),
    };
    z.say(
        "Approver",
        (a.x + 70.0, a.bottom() - 64.0, 230.0, 44.0),
        (feet.0 + 10.0, feet.1 - 60.0),
        &line,
    );
}

/// The punchline: the UI will not let anyone deploy a disabled target.
fn no_skipping(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Disabled targets are the point: nobody skips staging or the canary, not even in a hurry.",
    );
    let p = pg.pipeline();
    let last = p.order().last().copied().unwrap_or(0);
    let reason = pg
        .enablement()
        .get(last)
        .and_then(|e| e.reason(p))
        .unwrap_or_else(|| "go ahead".to_owned());
    let feet = (a.x + 40.0, a.bottom());
    z.stick_figure(feet, 110.0, &Pen::ink().width(2.0));
    let ask = format!("Can I just deploy {}?", p.id(last));
    z.say(
        "Deployer",
        (a.x + 80.0, a.y, 200.0, 50.0),
        (feet.0 + 10.0, feet.1 - 110.0),
        &ask,
    );
    // The deploy button, greyed out, and the reason the UI gives under it.
    let button = (a.x + 140.0, a.y + 84.0, 200.0, 36.0);
    let grey = Pen::ink()
        .stroke("var(--muted)")
        .fill("var(--line)")
        .solid();
    z.rect(button.0, button.1, button.2, button.3, &grey);
    let label = format!("Deploy {}", p.id(last));
    let at = (button.0 + button.2 / 2.0, button.1 + 24.0);
    z.text_coloured(at, &label, 15.0, Anchor::Middle, "var(--muted)");
    let reason = format!("No: {reason}.");
    let under = (at.0, button.1 + button.3 + 2.0);
    z.say_on(
        "var(--accent-soft)",
        "Pipeline",
        (a.x + 110.0, a.y + 150.0, 240.0, 56.0),
        under,
        &reason,
    );
}
