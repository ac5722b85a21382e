//! A panel that says plainly it is coming. Used while a topic's real panel is
//! being built, so the shell, routes and tests cover every registered topic.

/// Declares `Playground`, a placeholder panel model, in the calling module.
macro_rules! placeholder_topic {
    ($id:literal, $title:literal, $summary:literal, $icon:literal) => {
        use crate::sketch::{Anchor, Pen, Sketch};
        use crate::state::history::Undoable;
        use crate::topics::{PanelHandle, PanelModel};
        use crate::tour::{Step, Tour};
        use yew::prelude::*;

        #[derive(Clone, Debug, PartialEq, Default)]
        pub struct Playground {
            pub acknowledged: bool,
        }

        #[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum Action {
            Acknowledge,
        }

        impl Undoable for Playground {
            type Action = Action;
            fn apply(&mut self, _: &Action) {
                self.acknowledged = true;
            }
        }

        impl PanelModel for Playground {
            const ID: &'static str = $id;
            const TITLE: &'static str = $title;
            const SUMMARY: &'static str = $summary;
            const ICON: &'static str = $icon;
            const STATE_VERSION: u32 = 0;
            type Snapshot = bool;

            fn initial() -> Self {
                Playground::default()
            }
            fn snapshot(&self) -> bool {
                self.acknowledged
            }
            fn restore(s: bool) -> Result<Self, String> {
                Ok(Playground { acknowledged: s })
            }
            fn tours() -> Vec<Tour<Action>> {
                vec![Tour {
                    id: "coming",
                    title: "What this panel will show",
                    steps: vec![Step::new($summary, vec![Action::Acknowledge])],
                }]
            }
            fn comic(&self) -> String {
                let mut s = Sketch::new(1, 320.0, 120.0);
                s.rect(8.0, 8.0, 304.0, 104.0, &Pen::ink());
                s.text((160.0, 66.0), "This panel is coming soon", 18.0, Anchor::Middle);
                s.finish(concat!($title, ": coming soon"))
            }
            fn view(_: PanelHandle<Self>) -> Html {
                html! {
                    <div class="placeholder">
                        <p><strong>{ "This panel is coming." }</strong>{ " It is being built now; nothing here is simulated yet." }</p>
                        <p>{ $summary }</p>
                    </div>
                }
            }
        }
    };
}

pub(crate) use placeholder_topic;
