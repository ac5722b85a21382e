//! The generic panel state over a toy topic: a tally that refuses to go
//! negative and rounds odd amounts (with a notice), dragged by a slider.

use super::*;
use crate::state::history::{Change, History};
use crate::state::Stroke;
use crate::tour::Step;
use crate::Article;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Default)]
struct Tally {
    total: i64,
    rounded: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Act {
    Add(i64),
    Slide(i64),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Field {
    Amount,
    Slider,
}

#[derive(Serialize, Deserialize)]
struct Snap(i64);

impl Playground for Tally {
    type Action = Act;
    type Refusal = String;

    fn apply(&mut self, action: &Act) -> Result<(), String> {
        let (Act::Add(n) | Act::Slide(n)) = *action;
        if self.total + n < 0 {
            return Err(format!(
                "the tally cannot go below 0 (got {})",
                self.total + n
            ));
        }
        self.rounded = n % 2 != 0;
        self.total += n - n % 2;
        Ok(())
    }

    fn notices(&self) -> Vec<String> {
        if self.rounded {
            vec!["rounded to an even amount".into()]
        } else {
            Vec::new()
        }
    }
}

impl TopicInfo for Tally {
    const ID: &'static str = "tally";
    const TITLE: &'static str = "Tally";
    const SUMMARY: &'static str = "Counts.";
    const ICON: &'static str = "#";
    const ARTICLE: Article = Article {
        title: "Counting",
        url: "https://example.com/",
    };
    const WORKSHOP: &'static [crate::workshop::Block] = &[];
}

impl PlaygroundTopic for Tally {
    const STATE_VERSION: u32 = 1;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = &[("t", "T")];
    type Snapshot = Snap;
    type Comic = i64;
    type Field = Field;
    type Gesture = Stroke<Act>;

    fn field_of(action: &Act) -> Field {
        match action {
            Act::Add(_) => Field::Amount,
            Act::Slide(_) => Field::Slider,
        }
    }

    fn undo_kind(action: &Act) -> UndoKind {
        match action {
            Act::Add(n) if *n > 1000 => UndoKind::Barrier,
            _ => UndoKind::Step,
        }
    }

    fn snapshot(&self) -> Snap {
        Snap(self.total)
    }

    fn restore(s: Snap) -> Result<Self, String> {
        if s.0 < 0 {
            return Err("negative".into());
        }
        Ok(Tally {
            total: s.0,
            rounded: false,
        })
    }

    fn tours() -> Vec<Tour<Act>> {
        vec![Tour {
            id: "t".into(),
            title: "T".into(),
            seed: "".into(),
            steps: vec![Step::new("add", vec![Act::Add(2), Act::Add(4)])],
        }]
    }

    fn comic_script(&self) -> i64 {
        self.total
    }

    fn draw_comic(total: &i64) -> String {
        format!("<svg>{total}</svg>")
    }

    fn view(_: PanelHandle<PlaygroundPanel<Self>>) -> Html {
        Html::default()
    }
}

type Panel = PlaygroundPanel<Tally>;

#[test]
fn a_refusal_stays_at_its_field_and_changes_nothing_until_a_success_clears_it() {
    let mut p = Panel::initial();
    p.apply(&Stroke::Do(Act::Add(4)));
    p.apply(&Stroke::Do(Act::Add(-10)));
    assert_eq!(p.pg.total, 4, "the refused action changed nothing");
    assert_eq!(
        p.refused(&Field::Amount),
        Some("the tally cannot go below 0 (got -6)")
    );
    assert_eq!(p.refused(&Field::Slider), None);
    assert_eq!(p.notice(&Field::Amount), None);
    p.apply(&Stroke::Do(Act::Slide(2)));
    assert_eq!(p.feedback, None);
}

#[test]
fn a_notice_is_kept_with_the_field_of_a_successful_action() {
    let mut p = Panel::initial();
    p.apply(&Stroke::Do(Act::Slide(3)));
    assert_eq!(p.pg.total, 2);
    assert_eq!(p.notice(&Field::Slider), Some("rounded to an even amount"));
    assert_eq!(p.refused(&Field::Slider), None);
}

#[test]
fn a_continued_stroke_is_one_undo_step_and_the_topic_decides_the_rest() {
    let mut h = History::new(Panel::initial(), Panel::initial());
    h.change(Change::Do(Stroke::Do(Act::Slide(2))));
    for _ in 0..5 {
        h.change(Change::Do(Stroke::Continue(Act::Slide(2))));
    }
    assert_eq!(h.present().pg.total, 12);
    h.change(Change::Undo);
    assert_eq!(h.present(), &Panel::initial());
    assert_eq!(
        Panel::undo_kind(&Stroke::Continue(Act::Add(5000))),
        UndoKind::Transient
    );
    assert_eq!(
        Panel::undo_kind(&Stroke::Do(Act::Add(5000))),
        UndoKind::Barrier
    );
    assert_eq!(Panel::undo_kind(&Stroke::Do(Act::Add(1))), UndoKind::Step);
}

#[test]
fn links_tours_and_the_comic_come_from_the_topic() {
    let mut p = Panel::initial();
    p.apply(&Stroke::Do(Act::Add(-1)));
    let back = Panel::restore(Snap(8)).unwrap();
    assert_eq!((back.pg.total, &back.feedback), (8, &None));
    assert!(Panel::restore(Snap(-1)).is_err());
    assert_eq!(Panel::snapshot(&back).0, 8);
    let tours = Panel::tours();
    assert_eq!(
        tours[0].actions_through(0),
        vec![Stroke::Do(Act::Add(2)), Stroke::Do(Act::Add(4))]
    );
    assert_eq!(back.comic(), "<svg>8</svg>");
    assert_eq!((Panel::ID, Panel::STATE_VERSION), ("tally", 1));
}

/// The page fetches a topic's upgrade module only for a link its own module
/// cannot read as any state of its panel (one made with the upgrade's extra
/// actions); an old or garbled link is the panel's own to explain.
#[test]
fn only_a_state_of_no_panel_sends_the_page_to_the_upgrade_module() {
    use crate::embed::reads_state;
    use crate::state::url_codec::encode;
    type P = PlaygroundPanel<Tally>;
    assert!(reads_state::<P>(&encode(1, &Snap(3))));
    // An enum variant this build does not have (an upgrade's action) looks,
    // to postcard, like bytes that are no state: here an overlong varint.
    let no_state = encode(1, &[0xffu8; 12]);
    assert!(!reads_state::<P>(&no_state), "{no_state}");
    assert!(reads_state::<P>(&encode(0, &Snap(3))), "an older version");
    assert!(reads_state::<P>("1.*"), "garbled");
    assert!(reads_state::<P>("3"), "no version marker");
}
