//! The panel's state: the model's playground in the core's `PlaygroundPanel`,
//! which keeps the last refusal with the control that caused it. A refused
//! action leaves the playground as it was (the model guarantees it), so the
//! previous valid model stays drawn.

use super::model::{self, Action, Playground};
use techshack_core::state::history::UndoKind;
use techshack_core::state::Stroke;
use techshack_core::tour::Tour;
use techshack_core::{Article, PanelHandle, PlaygroundPanel, PlaygroundTopic, TopicInfo};
use yew::prelude::*;

pub type SvmPanel = PlaygroundPanel<Playground>;

/// What the view dispatches: a model action as a new undo step, or as the
/// continuation of the step before it (drag frames, slider moves, play ticks),
/// so one drag is one undo step.
pub type PanelAction = Stroke<Action>;

/// Where a refusal is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Canvas,
    Kernel,
    C,
    Gamma,
    Degree,
    Coef0,
    Data,
    Csv,
    Step,
}

/// Pasted CSV bigger than this clears the undo history instead of keeping
/// a hundred copies of it.
pub const BULK_CSV_BYTES: usize = 64 * 1024;

impl TopicInfo for Playground {
    const ID: &'static str = "svm";
    const TITLE: &'static str = "Live SVM margin visualizer";
    const SUMMARY: &'static str = "Click to add points and watch an exact SMO solver draw the boundary, the margins and the support vectors.";
    const ICON: &'static str = "📈";
    const ARTICLE: Article = Article {
        title: "LIBSVM, the solver this one follows (Chang & Lin)",
        url: "https://www.csie.ntu.edu.tw/~cjlin/libsvm/",
    };
    const WORKSHOP: &'static [techshack_core::workshop::Block] = crate::workshop::BLOCKS;
}

impl PlaygroundTopic for Playground {
    // 2: links are postcard, not JSON (v1 links get the older-version notice).
    const STATE_VERSION: u32 = 2;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = &[
        ("svm-margin", "Support vectors and the margin"),
        ("svm-kernels", "Kernels and γ"),
        ("svm-solver", "Inside the SMO solver"),
        ("your-turn", "Your turn: shape the street"),
    ];

    type Snapshot = model::Snapshot;
    type Comic = super::comic::Script;
    type Field = Field;
    type Gesture = PanelAction;

    fn field_of(action: &Action) -> Field {
        match action {
            Action::AddPoint { .. }
            | Action::MovePoint { .. }
            | Action::RemovePoint { .. }
            | Action::SetLabel { .. } => Field::Canvas,
            Action::SetKernel(_) => Field::Kernel,
            Action::SetC(_) => Field::C,
            Action::SetGamma(_) => Field::Gamma,
            Action::SetDegree(_) => Field::Degree,
            Action::SetCoef0(_) => Field::Coef0,
            Action::LoadPreset { .. } | Action::Clear => Field::Data,
            Action::ImportCsv(_) | Action::ImportCsvStepwise(_) => Field::Csv,
            Action::StepStart | Action::Step(_) | Action::StepFinish => Field::Step,
        }
    }

    fn undo_kind(action: &Action) -> UndoKind {
        match action {
            Action::ImportCsv(text) | Action::ImportCsvStepwise(text)
                if text.len() > BULK_CSV_BYTES =>
            {
                UndoKind::Barrier
            }
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
        super::zine::zines()
    }

    fn view(handle: PanelHandle<SvmPanel>) -> Html {
        html! { <super::view::SvmView {handle} /> }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Gamma, KernelKind};
    use techshack_core::state::history::{Change, History, Undoable};
    use techshack_core::PanelModel;

    #[test]
    fn a_refusal_is_shown_where_it_happened_and_cleared_by_success() {
        let mut p = SvmPanel::default();
        let before = p.pg.clone();
        p.apply(&PanelAction::Do(Action::SetC(0.0)));
        assert_eq!(p.pg, before, "the refused C changed nothing");
        assert!(p
            .refused(&Field::C)
            .is_some_and(|m| m.contains("C must be greater than 0")));
        assert!(p.refused(&Field::Gamma).is_none());
        p.apply(&PanelAction::Do(Action::SetDegree(11)));
        assert!(p
            .refused(&Field::Degree)
            .is_some_and(|m| m.contains("between 1 and 10")));
        p.apply(&PanelAction::Do(Action::SetGamma(Gamma::Value(-1.0))));
        assert!(p.refused(&Field::Gamma).is_some());
        p.apply(&PanelAction::Do(Action::ImportCsv(
            "x,y,label\n0,0,1\n1,abc,1".into(),
        )));
        assert!(p
            .refused(&Field::Csv)
            .is_some_and(|m| m.starts_with("CSV line 3")));
        p.apply(&PanelAction::Do(Action::SetKernel(KernelKind::Rbf)));
        assert_eq!(p.feedback, None);
    }

    #[test]
    fn one_drag_is_one_undo_step() {
        let mut h = History::new(SvmPanel::default(), SvmPanel::default());
        let mv = |x| Action::MovePoint {
            index: 0,
            x,
            y: 0.0,
        };
        h.change(Change::Do(PanelAction::Do(mv(0.1))));
        for k in 2..10 {
            h.change(Change::Do(PanelAction::Continue(mv(0.1 * f64::from(k)))));
        }
        assert_eq!(h.present().pg.points()[0].x, 0.9);
        h.change(Change::Undo);
        assert_eq!(h.present(), &SvmPanel::default());
        assert!(!h.can_undo());
    }

    #[test]
    fn big_csv_pastes_are_barriers_and_ticks_are_transient() {
        let big = "0,0,1\n".repeat(BULK_CSV_BYTES / 6 + 10);
        assert_eq!(
            SvmPanel::undo_kind(&PanelAction::Do(Action::ImportCsv(big))),
            UndoKind::Barrier
        );
        assert_eq!(
            SvmPanel::undo_kind(&PanelAction::Continue(Action::Step(1))),
            UndoKind::Transient
        );
        assert_eq!(
            SvmPanel::undo_kind(&PanelAction::Do(Action::Step(1))),
            UndoKind::Step
        );
    }

    #[test]
    fn tours_wrap_the_model_tours() {
        let ours = SvmPanel::tours();
        let theirs = model::tours();
        assert_eq!(ours.len(), theirs.len());
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!(a.steps.len(), b.steps.len());
            assert_eq!(
                a.actions_through(usize::MAX).len(),
                b.actions_through(usize::MAX).len()
            );
        }
    }
}
