//! The panel's state: the model's playground plus the last refusal, shown next
//! to the control that caused it. A refused action leaves the playground as it
//! was (the model guarantees it), so the previous valid state stays in force.

use super::model::{self, Action};
use techshack_core::state::history::{UndoKind, Undoable};
use techshack_core::tour::Tour;
use techshack_core::{PanelHandle, PanelModel};
use yew::prelude::*;

/// Where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Editor,
    Release,
    Gameday,
    Slo,
    Budget,
}

impl Field {
    /// The control area whose action was refused.
    pub fn of(action: &Action) -> Field {
        match action {
            Action::EditConfig(_) | Action::LoadPreset(_) => Field::Editor,
            Action::InjectFailure(_) | Action::Classify { .. } => Field::Gameday,
            Action::SetSlo(_) => Field::Slo,
            Action::NewBudgetWindow => Field::Budget,
            _ => Field::Release,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    pub field: Field,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct PipelinePanel {
    pub pg: model::Playground,
    pub refusal: Option<Refusal>,
}

impl PipelinePanel {
    /// The refusal message for `field`, if the last action there was refused.
    pub fn refused(&self, field: Field) -> Option<&str> {
        self.refusal
            .as_ref()
            .filter(|r| r.field == field)
            .map(|r| r.message.as_str())
    }
}

/// Edits bigger than this are bulk pastes: they clear the undo history rather
/// than keep a hundred copies of a megabyte.
pub const BULK_EDIT_BYTES: usize = 64 * 1024;

impl Undoable for PipelinePanel {
    type Action = Action;

    fn apply(&mut self, action: &Action) {
        self.refusal = match self.pg.apply(action) {
            Ok(()) => None,
            Err(e) => Some(Refusal {
                field: Field::of(action),
                message: e.to_string(),
            }),
        };
    }

    fn undo_kind(action: &Action) -> UndoKind {
        match action {
            Action::Tick => UndoKind::Transient,
            Action::EditConfig(text) if text.len() > BULK_EDIT_BYTES => UndoKind::Barrier,
            _ => UndoKind::Step,
        }
    }
}

impl PanelModel for PipelinePanel {
    const ID: &'static str = "pipeline";
    const TITLE: &'static str = "Pipeline stepper";
    const SUMMARY: &'static str = "Airbnb-style deploy pipelines as config, stepped release by release, with gamedays, rollback and error budgets.";
    const ICON: &'static str = "🚦";
    // 2: links are postcard, not JSON (v1 links get the older-version notice).
    const STATE_VERSION: u32 = 2;

    type Snapshot = model::Snapshot;

    fn initial() -> Self {
        PipelinePanel::default()
    }

    fn snapshot(&self) -> model::Snapshot {
        self.pg.snapshot()
    }

    fn restore(snapshot: model::Snapshot) -> Result<Self, String> {
        model::Playground::from_snapshot(snapshot)
            .map(|pg| PipelinePanel { pg, refusal: None })
            .map_err(|e| e.to_string())
    }

    fn tours() -> Vec<Tour<Action>> {
        model::tours()
    }

    fn comic(&self) -> String {
        super::comic::draw(&self.pg)
    }

    fn view(handle: PanelHandle<Self>) -> Html {
        html! { <super::view::PipelineView {handle} /> }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::presets::Preset;

    #[test]
    fn a_refusal_is_shown_where_it_happened_and_cleared_by_success() {
        let mut p = PipelinePanel::default();
        p.apply(&Action::Approve("production".into()));
        assert!(p.refused(Field::Release).is_some());
        assert!(p.refused(Field::Editor).is_none());
        let before = p.pg.clone();
        p.apply(&Action::EditConfig("#".repeat(2 << 20)));
        assert_eq!(p.pg, before, "the oversized paste changed nothing");
        assert!(p
            .refused(Field::Editor)
            .is_some_and(|m| m.contains("limit is 1048576 bytes")));
        p.apply(&Action::LoadPreset(Preset::Monorepo));
        assert_eq!(p.refusal, None);
    }

    #[test]
    fn ticks_merge_and_bulk_pastes_are_barriers() {
        assert_eq!(PipelinePanel::undo_kind(&Action::Tick), UndoKind::Transient);
        assert_eq!(
            PipelinePanel::undo_kind(&Action::EditConfig("x".repeat(BULK_EDIT_BYTES + 1))),
            UndoKind::Barrier
        );
        assert_eq!(
            PipelinePanel::undo_kind(&Action::RunUntilBlocked),
            UndoKind::Step
        );
    }

    #[test]
    fn a_link_restores_the_config_seed_and_slo() {
        let mut p = PipelinePanel::default();
        for a in [
            Action::LoadPreset(Preset::Monorepo),
            Action::SetSeed(7),
            Action::SetSlo(99.95),
        ] {
            p.apply(&a);
        }
        let back = PipelinePanel::restore(p.snapshot()).unwrap_or_default();
        assert_eq!(back.snapshot(), p.snapshot());
        assert_eq!(back.pg.pipeline().service(), "web-monorepo");
    }
}
