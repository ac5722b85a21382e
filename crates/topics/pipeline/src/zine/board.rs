//! The picture the pipeline's pages share: a pipeline's targets in order,
//! one box per target with a note beside it (its status, or why it must
//! wait), as the deploy UI lists them. Waiting targets are greyed out.

use crate::model::{Enablement, Playground, TargetStatus};
use techshack_core::sketch::{Anchor, Pen, Rect, Zine};

/// How a target's box looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Look {
    /// May deploy now, or is deploying.
    Open,
    Done,
    Broken,
    /// Disabled until a dependency succeeds: greyed out.
    Waiting,
}

pub(super) struct Row {
    pub id: String,
    pub note: String,
    pub look: Look,
}

const BOX_WIDTH: f64 = 104.0;
const BOX_HEIGHT: f64 = 26.0;
const TEXT: f64 = 13.0;

/// Each target of `pg`'s pipeline, in deploy order, with its status; a
/// disabled one notes why it waits (the model's own words).
pub(super) fn rows(pg: &Playground) -> Vec<Row> {
    let p = pg.pipeline();
    let (statuses, enabled) = (pg.statuses(), pg.enablement());
    p.order()
        .iter()
        .map(|&i| {
            let status = statuses.get(i).copied().unwrap_or_default();
            let gate = enabled.get(i).copied().unwrap_or(Enablement::Enabled);
            let look = match status {
                TargetStatus::Succeeded => Look::Done,
                TargetStatus::Failed | TargetStatus::RolledBack => Look::Broken,
                _ if !gate.is_enabled() => Look::Waiting,
                _ => Look::Open,
            };
            // A target that has not run says why it may not, as the UI does.
            let note = match (gate.reason(p), status) {
                (_, TargetStatus::Succeeded | TargetStatus::Failed | TargetStatus::RolledBack) => {
                    status.label().to_owned()
                }
                (Some(reason), _) => reason,
                (None, TargetStatus::NotStarted) => "ready to deploy".to_owned(),
                (None, _) => status.label().to_owned(),
            };
            Row {
                id: p.id(i).to_owned(),
                note,
                look,
            }
        })
        .collect()
}

/// Draws `rows` top to bottom from `top_left`, each box joined to the next.
pub(super) fn draw(z: &mut Zine, (x, y): (f64, f64), rows: &[Row]) -> Rect {
    let step = BOX_HEIGHT + 10.0;
    for (k, row) in rows.iter().enumerate() {
        let top = y + k as f64 * step;
        let (fill, ink) = match row.look {
            Look::Open => ("var(--accent-soft)", "var(--ink)"),
            Look::Done => ("var(--good-soft)", "var(--ink)"),
            Look::Broken => ("var(--bad-soft)", "var(--ink)"),
            Look::Waiting => ("var(--line)", "var(--muted)"),
        };
        let pen = Pen::ink().stroke(ink).fill(fill).solid();
        z.rect(x, top, BOX_WIDTH, BOX_HEIGHT, &pen);
        let baseline = top + BOX_HEIGHT / 2.0 + 4.5;
        z.text_coloured(
            (x + BOX_WIDTH / 2.0, baseline),
            &row.id,
            TEXT,
            Anchor::Middle,
            ink,
        );
        z.text_coloured(
            (x + BOX_WIDTH + 8.0, baseline),
            &row.note,
            TEXT,
            Anchor::Start,
            ink,
        );
        if k + 1 < rows.len() {
            let mid = x + BOX_WIDTH / 2.0;
            z.line((mid, top + BOX_HEIGHT), (mid, top + step), &Pen::ink());
        }
    }
    Rect::new(x, y, BOX_WIDTH, rows.len() as f64 * step - 10.0)
}

/// The config as its owner wrote it: each target and what it waits on.
pub(super) fn config(z: &mut Zine, k: usize, pg: &Playground, caption: &str) {
    let a = z.caption(k, caption);
    let p = pg.pipeline();
    let (left, top) = (a.x + 150.0, a.y + 56.0);
    let card = Pen::ink().fill("var(--surface)").solid();
    z.rect(left, top - 6.0, 206.0, 30.0 + 24.0 * p.len() as f64, &card);
    let service = format!("service = \"{}\"", p.service());
    z.text((left + 10.0, top + 16.0), &service, 14.0, Anchor::Start);
    for (i, t) in p.targets().iter().enumerate() {
        let deps: Vec<&str> = t.depends_on.iter().map(|d| d.id.as_str()).collect();
        let line = if deps.is_empty() {
            t.id.clone()
        } else {
            format!("{} needs {}", t.id, deps.join(", "))
        };
        z.text(
            (left + 10.0, top + 40.0 + i as f64 * 24.0),
            &line,
            13.0,
            Anchor::Start,
        );
    }
    z.stick_figure((a.x + 40.0, a.bottom()), 100.0, &Pen::ink().width(2.0));
    let head = (a.x + 40.0, a.bottom() - 100.0);
    z.say(
        "Owner",
        (a.x + 4.0, a.y, 136.0, 56.0),
        head,
        "My pipeline, as config.",
    );
}
