//! The panel's state: the model's playground in the core's `PlaygroundPanel`,
//! which keeps the last refusal with the control area that caused it. A
//! refused action leaves the playground as it was (the model guarantees it),
//! so the previous valid state stays in force.

use super::model::{self, Action, Playground};
use techshack_core::state::history::UndoKind;
use techshack_core::state::StepAction;
use techshack_core::tour::Tour;
use techshack_core::{Article, PanelHandle, PlaygroundPanel, PlaygroundTopic, TopicInfo};
use yew::prelude::*;

pub type PipelinePanel = PlaygroundPanel<Playground>;

/// Where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Editor,
    Release,
    Gameday,
    Slo,
    Budget,
}

/// Edits bigger than this are bulk pastes: they clear the undo history rather
/// than keep a hundred copies of a megabyte.
pub const BULK_EDIT_BYTES: usize = 64 * 1024;

/// Views dispatch model actions as they are; `undo_kind` merges the ticks.
impl StepAction for Action {}

impl TopicInfo for Playground {
    const ID: &'static str = "pipeline";
    const TITLE: &'static str = "Pipeline stepper";
    const SUMMARY: &'static str = "Airbnb-style deploy pipelines as config, stepped release by release, with gamedays, rollback and error budgets.";
    const ICON: &'static str = "🚦";
    const ARTICLE: Article = Article {
        title: "Introducing Deploy Pipelines to Airbnb (Airbnb Engineering, 2018)",
        url: "https://medium.com/airbnb-engineering/introducing-deploy-pipelines-to-airbnb-fc804ac2a157",
    };
    const WORKSHOP: &'static [techshack_core::workshop::Block] = crate::workshop::BLOCKS;
}

impl PlaygroundTopic for Playground {
    // 2: links are postcard, not JSON (v1 links get the older-version notice).
    const STATE_VERSION: u32 = 2;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = &[
        (
            "ordering",
            "Order and gates: dev → staging → canary → production",
        ),
        ("canary", "A bad build meets the canary"),
        ("cowboy", "Cowboy mode: straight to production"),
        ("error-budget", "Error budgets: what the nines allow"),
        (
            "gameday",
            "Gamedays: break it on purpose, have incidents only once",
        ),
        ("monorepo", "A monorepo fanning out to regions"),
        ("broken-config", "Validation: a broken config never wins"),
        (
            "your-turn",
            "Your turn: order the targets, file the gameday",
        ),
    ];

    type Snapshot = model::Snapshot;
    type Comic = super::comic::Script;
    type Field = Field;
    type Gesture = Action;

    fn field_of(action: &Action) -> Field {
        match action {
            Action::EditConfig(_) | Action::LoadPreset(_) => Field::Editor,
            Action::InjectFailure(_) | Action::Classify { .. } => Field::Gameday,
            Action::SetSlo(_) => Field::Slo,
            Action::NewBudgetWindow => Field::Budget,
            _ => Field::Release,
        }
    }

    fn undo_kind(action: &Action) -> UndoKind {
        match action {
            Action::Tick => UndoKind::Transient,
            Action::EditConfig(text) if text.len() > BULK_EDIT_BYTES => UndoKind::Barrier,
            _ => UndoKind::Step,
        }
    }

    fn snapshot(&self) -> model::Snapshot {
        Playground::snapshot(self)
    }

    fn restore(snapshot: model::Snapshot) -> Result<Self, String> {
        Playground::from_snapshot(snapshot).map_err(|e| e.to_string())
    }

    fn tours() -> Vec<Tour<Action>> {
        model::tours()
    }

    fn comic_script(&self) -> super::comic::Script {
        super::comic::script(self)
    }

    fn draw_comic(script: &super::comic::Script) -> String {
        super::comic::draw(script)
    }

    fn zines() -> Vec<(&'static str, techshack_core::sketch::Zine)> {
        super::zine::all()
    }

    fn view(handle: PanelHandle<PipelinePanel>) -> Html {
        html! { <super::view::PipelineView {handle} /> }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::presets::Preset;
    use techshack_core::state::history::Undoable;
    use techshack_core::PanelModel;

    #[test]
    fn a_refusal_is_shown_where_it_happened_and_cleared_by_success() {
        let mut p = PipelinePanel::default();
        p.apply(&Action::Approve("production".into()));
        assert!(p.refused(&Field::Release).is_some());
        assert!(p.refused(&Field::Editor).is_none());
        let before = p.pg.clone();
        p.apply(&Action::EditConfig("#".repeat(2 << 20)));
        assert_eq!(p.pg, before, "the oversized paste changed nothing");
        assert!(p
            .refused(&Field::Editor)
            .is_some_and(|m| m.contains("limit is 1048576 bytes")));
        p.apply(&Action::LoadPreset(Preset::Monorepo));
        assert_eq!(p.feedback, None);
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
