use super::super::{Frame, Pen, Sketch, Strip};
use super::*;
use crate::tour::Step;

const FRAME: Frame = Frame {
    width: 488.0,
    height: 200.0,
    panels: 2,
    panel_width: 232.0,
    ground: 170.0,
    names: 186.0,
};

fn kinds(layout: &Layout) -> Vec<Kind> {
    layout.marks.iter().map(|m| m.kind).collect()
}

#[test]
fn text_is_measured_at_the_estimated_width_from_its_anchor() {
    let r = Rect::of_text((100.0, 50.0), "abcd", 10.0, Anchor::Middle);
    assert_eq!(r, Rect::new(88.0, 42.0, 24.0, 10.5));
    assert_eq!(
        Rect::of_text((100.0, 50.0), "abcd", 10.0, Anchor::End).x,
        76.0
    );
    assert_eq!(
        Rect::of_text((100.0, 50.0), "abcd", 10.0, Anchor::Start).x,
        100.0
    );
}

#[test]
fn a_figure_is_one_box_and_its_own_text_is_no_label() {
    let mut s = Sketch::new(1, 300.0, 200.0);
    s.figure("Tombstone", |s| {
        s.rect(10.0, 20.0, 40.0, 60.0, &Pen::ink());
        s.text((30.0, 50.0), "RIP", 13.0, Anchor::Middle);
        // A stick figure drawn inside is part of the outer figure.
        s.stick_figure((100.0, 150.0), 80.0, &Pen::ink());
    });
    s.text((30.0, 190.0), "Tombstone", 14.0, Anchor::Middle);
    let marks = &s.layout().marks;
    assert_eq!(kinds(s.layout()), [Kind::Figure, Kind::Label]);
    assert_eq!(marks[0].what, "Tombstone");
    assert_eq!(marks[0].rect, Rect::new(10.0, 20.0, 110.0, 130.0));
    s.stick_figure((200.0, 150.0), 80.0, &Pen::ink());
    let last = &s.layout().marks[2];
    assert_eq!(
        (last.kind, last.rect),
        (Kind::Figure, Rect::new(180.0, 70.0, 40.0, 80.0))
    );
}

#[test]
fn a_bubble_records_its_box_and_its_wrapped_text_inside() {
    let mut s = Sketch::new(1, 300.0, 200.0);
    s.speech_bubble(
        (20.0, 20.0, 160.0, 60.0),
        (60.0, 150.0),
        "Deleted, not gone.",
        15.0,
        &Pen::ink(),
    );
    let m = &s.layout().marks[0];
    let Kind::Bubble { text, broke_word } = m.kind else {
        panic!("{m:?}")
    };
    assert_eq!(
        (m.rect, m.size, broke_word),
        (Rect::new(20.0, 20.0, 160.0, 60.0), 15.0, false)
    );
    assert!(m.rect.holds(&text, 0.0) && text.h > 15.0, "{text:?}");
    assert!(
        s.layout().problems().is_empty(),
        "{:?}",
        s.layout().problems()
    );
    // The words are drawn, but not as labels of their own.
    assert_eq!(s.layout().marks.len(), 1);
}

#[test]
fn bubble_text_shrinks_to_fit_but_not_below_the_minimum() {
    let long = "If 100 000 of us pile up first, reads fail!";
    let mut s = Sketch::new(1, 300.0, 300.0);
    s.speech_bubble(
        (10.0, 10.0, 98.0, 64.0),
        (50.0, 200.0),
        long,
        15.0,
        &Pen::ink(),
    );
    let shrunk = &s.layout().marks[0];
    assert!(shrunk.size < 15.0 && shrunk.size >= MIN_TEXT, "{shrunk:?}");
    assert!(
        s.layout().problems().is_empty(),
        "{:?}",
        s.layout().problems()
    );
    s.speech_bubble(
        (150.0, 10.0, 98.0, 30.0),
        (200.0, 200.0),
        long,
        15.0,
        &Pen::ink(),
    );
    let squeezed = &s.layout().marks[1];
    assert_eq!(squeezed.size, MIN_TEXT);
    let problems = s.layout().problems();
    assert!(
        problems.len() == 1 && problems[0].contains("spills out"),
        "{problems:?}"
    );
}

#[test]
fn a_word_broken_to_fit_is_reported() {
    let mut s = Sketch::new(1, 300.0, 300.0);
    s.speech_bubble(
        (10.0, 10.0, 60.0, 200.0),
        (50.0, 250.0),
        "Supercalifragilistic",
        15.0,
        &Pen::ink(),
    );
    let problems = s.layout().problems();
    assert!(
        problems.iter().any(|p| p.contains("breaks a word")),
        "{problems:?}"
    );
}

#[test]
fn a_tidy_strip_reads() {
    let mut s = Strip::new(1, FRAME);
    let ground = s.ground();
    s.stick_figure((60.0, ground), 80.0, &Pen::ink());
    s.name(60.0, "Deployer");
    s.say(
        (40.0, 30.0, 180.0, 50.0),
        (60.0, 90.0),
        "Shipping v44 to production.",
        15.0,
    );
    assert_eq!(s.layout().problems(), Vec::<String>::new());
}

#[test]
fn overlaps_covered_labels_and_escapes_are_all_reported() {
    let mut s = Strip::new(1, FRAME);
    // Over panel 1's number, and over the next bubble.
    s.say(
        (10.0, 20.0, 120.0, 50.0),
        (60.0, 150.0),
        "Compaction takes you after 10 days.",
        13.0,
    );
    s.say(
        (100.0, 60.0, 120.0, 50.0),
        (160.0, 150.0),
        "If 100 000 of us pile up, reads fail!",
        13.0,
    );
    // A figure standing on its own name.
    s.figure("Support Vector", |s| {
        s.ellipse((360.0, 130.0), 40.0, 50.0, &Pen::ink())
    });
    s.name(360.0, "Support Vector");
    // A caption running out of panel 2.
    s.text((420.0, 100.0), "far too long", 14.0, Anchor::Start);
    let problems = s.layout().problems();
    let has = |a: &str, b: &str| problems.iter().any(|p| p.contains(a) && p.contains(b));
    assert!(has("panel number '1'", "Compaction"), "{problems:#?}");
    assert!(
        has("bubble 'Compaction", "overlaps bubble 'If 100 000"),
        "{problems:#?}"
    );
    assert!(
        has("figure 'Support Vector'", "label 'Support Vector'"),
        "{problems:#?}"
    );
    assert!(
        has("label 'far too long'", "leaves its panel"),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 4, "{problems:#?}");
}

#[test]
fn small_type_and_strays_outside_every_panel_are_reported() {
    let mut s = Strip::new(1, FRAME);
    s.text((60.0, 120.0), "tiny", 9.0, Anchor::Middle);
    s.text((244.0, 120.0), "gap", 6.0, Anchor::Middle);
    let problems = s.layout().problems();
    assert!(problems
        .iter()
        .any(|p| p.contains("'tiny'") && p.contains("9.0 px")));
    assert!(problems
        .iter()
        .any(|p| p.contains("'gap'") && p.contains("in no panel")));
}

/// The smallest model there is, to replay tours on.
#[derive(Clone)]
struct Counter(i32);

impl Undoable for Counter {
    type Action = i32;
    fn apply(&mut self, a: &i32) {
        self.0 += a;
    }
}

#[test]
fn tour_scripts_name_each_distinct_state_once() {
    let tour = Tour {
        id: "count".into(),
        title: "Count".into(),
        seed: "".into(),
        steps: vec![
            Step::new("a", vec![1, 1]),
            Step::new("b", vec![0]),
            Step::new("c", vec![-2]),
            Step::new("d", vec![5]),
        ],
    };
    let scripts = tour_scripts(|| Counter(0), &[tour], |c| c.0);
    let named: Vec<(&str, i32)> = scripts.iter().map(|(n, s)| (n.as_str(), *s)).collect();
    assert_eq!(
        named,
        [
            ("the default state", 0),
            ("tour 'count' step 1", 2),
            ("tour 'count' step 4", 5),
        ]
    );
}

#[test]
fn check_comics_reports_each_failing_state_by_name() {
    let scripts = vec![("fine".to_string(), 50.0), ("crowded".to_string(), 10.0)];
    let lay_out = |x: &f64| {
        let mut s = Strip::new(1, FRAME);
        s.say(
            (*x, 20.0, 150.0, 60.0),
            (100.0, 150.0),
            "Hello there.",
            15.0,
        );
        s.layout().clone()
    };
    let report = check_comics(&scripts, lay_out).unwrap_err();
    assert!(
        report.starts_with("crowded:\n  panel number '1'"),
        "{report}"
    );
    assert!(!report.contains("fine"), "{report}");
    assert_eq!(check_comics(&scripts[..1], lay_out), Ok(1));
}
