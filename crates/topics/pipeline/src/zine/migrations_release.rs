//! The migrations page's release panels: incremental steps through the
//! canary, the rollback a bad build gets, and the error budget it spent.

use super::scenes;
use crate::comic::{bird, script};
use crate::model::budget::Availability;
use crate::model::Playground;
use techshack_core::sketch::{Anchor, Pen, Tenths, Zine};

pub(super) fn steps(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Make incremental changes: the new build meets a few users first, then more.",
    );
    bird(z, (a.x + 36.0, a.bottom() - 30.0), false);
    scenes::canary_bars(z, pg, (a.x + 110.0, a.bottom() - 2.0), 76.0, 100.0);
}

pub(super) fn rollback(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Always have a rollback plan. A bad build trips the canary and rolls back on its own.",
    );
    let sc = script(pg);
    bird(z, (a.x + 36.0, a.bottom() - 30.0), sc.canary_sick);
    z.say_on(
        "var(--bad-soft)",
        "Canary",
        (a.x + 84.0, a.y, 270.0, 48.0),
        (a.x + 56.0, a.bottom() - 56.0),
        &sc.canary,
    );
    let c = scenes::canary(pg);
    if let Some(r) = pg.release() {
        let back = pg.current_versions().get(c).copied().unwrap_or(0);
        let line = format!(
            "{}: v{} rolled back to v{back}",
            pg.pipeline().id(c),
            r.version()
        );
        z.text((a.x + 90.0, a.y + 82.0), &line, 14.0, Anchor::Start);
    }
    let last = sc.last.trim_start_matches("Rolled back: ");
    z.text((a.x + 90.0, a.y + 106.0), last, 14.0, Anchor::Start);
}

pub(super) fn budget(z: &mut Zine, k: usize, pg: &Playground) {
    let a = z.caption(
        k,
        "Spend the error budget on purpose: the canary kept this bad build to a sliver of it.",
    );
    let b = pg.budget();
    let slo = Availability::from_percent(99.99).unwrap_or(Availability::TWO_NINES);
    let top = format!("{slo} allows {} per 30 days", b.allowed().format_minutes());
    z.text((a.x, a.y + 18.0), &top, 15.0, Anchor::Start);
    let full = a.w - 10.0;
    z.rect(a.x, a.y + 30.0, full, 24.0, &Pen::ink());
    let spent = b.consumed_fraction().clamp(0.0, 1.0);
    let pen = Pen::ink().fill("var(--bad)").solid();
    z.rect(a.x, a.y + 30.0, (full * spent).max(2.0), 24.0, &pen);
    let used = format!(
        "the bad build used {} ({}%)",
        b.consumed().format_minutes(),
        Tenths(spent * 100.0)
    );
    z.text((a.x, a.y + 80.0), &used, 15.0, Anchor::Start);
    let left = format!("{} left for the month", b.remaining().format_minutes());
    z.text((a.x, a.y + 104.0), &left, 15.0, Anchor::Start);
}
