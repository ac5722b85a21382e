//! The comic: a Support Vector holding up the margin while the other points
//! lounge, drawn from the live model. The insight: only the few points on or
//! inside the margin decide the boundary; the rest could leave and nothing moves.

use super::model::Playground;
use serde::{Deserialize, Serialize};
use techshack_core::sketch::{Anchor, Frame, Pen, Sketch, Strip};

const PANEL_W: f64 = 232.0;
const FRAME: Frame = Frame {
    width: 720.0,
    height: 270.0,
    panels: 3,
    panel_width: PANEL_W,
    ground: 236.0,
    names: 256.0,
};

/// The three lines of the strip.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub crowd: String,
    pub support: String,
    pub rest: String,
}

pub fn script(pg: &Playground) -> Script {
    let n = pg.points().len();
    let Some(fit) = pg.fit() else {
        return Script {
            crowd: format!("{n} points here. Who draws the line?"),
            support: "Nobody yet: we need two classes.".into(),
            rest: "Add a point of the other class!".into(),
        };
    };
    let k = fit.support_indices().len();
    Script {
        crowd: format!("{n} points. Who decides the line?"),
        support: format!("Only {k} of {n} points hold up this margin."),
        rest: if k == n {
            "Every one of us holds it: nobody may leave.".into()
        } else {
            format!(
                "The other {} have α = 0. Delete them: nothing moves.",
                n - k
            )
        },
    }
}

/// A lounging point: a small marker with a face.
fn dot(s: &mut Sketch, at: (f64, f64), square: bool) {
    s.figure("a point", |s| dot_body(s, at, square));
}

fn dot_body(s: &mut Sketch, at: (f64, f64), square: bool) {
    let pen = if square {
        Pen::ink().fill("var(--accent)").solid()
    } else {
        Pen::ink().fill("var(--blue)").solid()
    };
    if square {
        s.rect(at.0 - 7.0, at.1 - 7.0, 14.0, 14.0, &pen);
    } else {
        s.ellipse(at, 7.0, 7.0, &pen);
    }
}

/// The strip for a script, as SVG; seeded, so the same script draws the
/// same strip (this runs in the topic's extras module).
pub fn draw(sc: &Script) -> String {
    strip(sc).finish(&[
        ("A point", &sc.crowd),
        ("The Support Vector", &sc.support),
        ("The rest", &sc.rest),
    ])
}

/// The strip drawn but not finished, so tests can read its layout.
fn strip(sc: &Script) -> Strip {
    let mut s = Strip::new(2019, FRAME);
    let ground = s.ground();
    // 1: the crowd of points.
    for (i, (x, y)) in [
        (40.0, 200.0),
        (70.0, 215.0),
        (100.0, 195.0),
        (150.0, 210.0),
        (180.0, 192.0),
        (205.0, 214.0),
    ]
    .into_iter()
    .enumerate()
    {
        dot(&mut s, (x, y), i >= 3);
    }
    s.line(
        (125.0, 150.0),
        (125.0, ground + 10.0),
        &Pen::ink().stroke("var(--muted)").width(1.5),
    );
    s.say((30.0, 44.0, 190.0, 80.0), (70.0, 200.0), &sc.crowd, 17.0);
    // 2: the Support Vector holds the margin overhead.
    let cx = FRAME.left(1) + PANEL_W / 2.0;
    let hands = ground - 96.0;
    s.figure("Support Vector", |s| {
        s.stick_figure((cx, ground), 88.0, &Pen::ink().width(2.0));
        s.line(
            (cx, ground - 60.0),
            (cx - 24.0, hands),
            &Pen::ink().width(2.0),
        );
        s.line(
            (cx, ground - 60.0),
            (cx + 24.0, hands),
            &Pen::ink().width(2.0),
        );
        s.line(
            (cx - 100.0, hands),
            (cx + 100.0, hands),
            &Pen::ink().stroke("var(--accent)").width(4.0),
        );
        // The ring marks it as a support vector; it ends 4 px under its
        // feet, clear of its name below.
        s.ellipse(
            (cx, ground - 48.0),
            40.0,
            52.0,
            &Pen::ink().stroke("var(--good)").width(2.5),
        );
    });
    s.name(cx, "Support Vector");
    s.say_on(
        "var(--accent-soft)",
        (cx - 105.0, 36.0, 210.0, 66.0),
        (cx + 14.0, hands - 4.0),
        &sc.support,
        17.0,
    );
    // 3: the rest, at ease.
    let x3 = FRAME.left(2);
    for (i, x) in [40.0, 90.0, 140.0, 190.0].into_iter().enumerate() {
        s.figure("a sleeping point", |s| {
            dot(s, (x3 + x, ground - 4.0), i % 2 == 1);
            s.text((x3 + x + 10.0, ground - 16.0), "z", 12.0, Anchor::Start);
        });
    }
    s.name(x3 + PANEL_W / 2.0, "α = 0");
    s.say(
        (x3 + 20.0, 40.0, 196.0, 96.0),
        (x3 + 90.0, ground - 20.0),
        &sc.rest,
        17.0,
    );
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "comic_layout_tests.rs"]
mod layout_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::model::Action;
    use super::*;
    use techshack_core::sketch::words_in as words;

    #[test]
    fn the_default_comic_counts_the_live_support_vectors() {
        let pg = Playground::default();
        let svg = draw(&script(&pg));
        let k = pg.support_count();
        assert!(k > 0 && k < 40);
        assert!(svg.contains(&format!("Only {k} of 40 points")), "{svg}");
        assert!(svg.contains(&format!("The other {} have", 40 - k)));
        let w = words(&svg);
        assert!(w < 60, "{w} words");
    }

    #[test]
    fn no_model_and_all_support_vectors_have_their_own_lines() {
        let mut pg = Playground::default();
        pg.apply(&Action::Clear).unwrap();
        pg.apply(&Action::AddPoint {
            x: 0.0,
            y: 0.0,
            label: 1,
        })
        .unwrap();
        let sc = script(&pg);
        assert!(sc.support.contains("two classes"));
        assert!(roxmltree::Document::parse(&draw(&script(&pg))).is_ok());
        pg.apply(&Action::AddPoint {
            x: 0.5,
            y: 0.5,
            label: -1,
        })
        .unwrap();
        assert_eq!(
            script(&pg).support,
            "Only 2 of 2 points hold up this margin."
        );
        assert!(script(&pg).rest.contains("nobody may leave"));
    }
}
