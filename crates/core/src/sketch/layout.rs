//! What a drawing put where: the boxes of its panels, panel numbers, labels,
//! speech bubbles and characters, recorded as it is drawn. Comics are drawn
//! from live state, so their texts change length; recording the boxes lets a
//! native test check every state's comic for bubbles that overlap or cover a
//! label, text that spills out of its bubble, and anything that leaves its
//! panel, without a browser. Text widths are estimates (see `EM_PER_CHAR`).

use super::Anchor;
pub use crate::geom::Rect;
use crate::state::history::Undoable;
use crate::tour::Tour;

/// Estimated advance of one character of the hand font, in em. The hand
/// font is narrow; in the wider faces a browser may fall back to (DejaVu
/// Sans, Liberation Sans) the comics' sentences measure 0.45–0.53 em per
/// character, so 0.6 errs on the wide side and a comic that passes here
/// still reads in a fallback.
pub const EM_PER_CHAR: f64 = 0.6;
/// How far a glyph reaches above its baseline, and below it, in em.
const ASCENT: f64 = 0.8;
const DESCENT: f64 = 0.25;
/// The smallest text a comic may use, in px: smaller is not worth reading.
pub const MIN_TEXT: f64 = 12.0;
/// Rough strokes wander a pixel or two: boxes may touch by this much.
const SLACK: f64 = 1.0;

/// Measuring text in the comics' hand, which only the sketch layer knows.
impl Rect {
    /// The box of one line of text drawn at `at` (its baseline).
    pub fn of_text((x, y): (f64, f64), text: &str, size: f64, anchor: Anchor) -> Rect {
        let w = text.chars().count() as f64 * EM_PER_CHAR * size;
        let left = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        Rect::new(left, y - ASCENT * size, w, (ASCENT + DESCENT) * size)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A comic panel's frame: everything else must stay inside one.
    Panel,
    /// The numbered circle giving a panel's reading order.
    PanelNumber,
    /// Free text: a name, a caption.
    Label,
    /// A speech bubble's box (its tail is left out: it is thin and points
    /// at the speaker), with the box of its wrapped text and whether the
    /// wrap had to break a word.
    Bubble { text: Rect, broke_word: bool },
    /// A character: everything drawn inside one `Sketch::figure`.
    Figure,
}

/// One recorded box. `what` is the text shown, or a figure's name, so a
/// failed check says which thing is in the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub kind: Kind,
    pub rect: Rect,
    pub what: String,
    /// The font size of a label's or bubble's text; 0 for shapes.
    pub size: f64,
}

impl Mark {
    fn describe(&self) -> String {
        let kind = match self.kind {
            Kind::Panel => "panel",
            Kind::PanelNumber => "panel number",
            Kind::Label => "label",
            Kind::Bubble { .. } => "bubble",
            Kind::Figure => "figure",
        };
        let r = self.rect;
        format!(
            "{kind} '{}' at ({:.0}, {:.0}, {:.0}×{:.0})",
            self.what, r.x, r.y, r.w, r.h
        )
    }
}

/// Everything a drawing recorded, in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub marks: Vec<Mark>,
}

impl Layout {
    pub(super) fn add(&mut self, kind: Kind, rect: Rect, what: &str, size: f64) {
        self.marks.push(Mark {
            kind,
            rect,
            what: what.to_string(),
            size,
        });
    }

    /// Why this drawing does not read, one line per problem; empty if it
    /// does. Checked: no two of its bubbles, labels, figures and panel
    /// numbers overlap (so no bubble overlaps another or covers a label);
    /// every bubble's text fits inside it, in whole words, at a readable
    /// size; nothing leaves its panel.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let (panels, others): (Vec<&Mark>, Vec<&Mark>) =
            self.marks.iter().partition(|m| m.kind == Kind::Panel);
        for m in &others {
            let (cx, cy) = m.rect.centre();
            let home = panels.iter().find(|p| {
                let r = p.rect;
                (r.x..=r.x + r.w).contains(&cx) && (r.y..=r.y + r.h).contains(&cy)
            });
            match home {
                None if !panels.is_empty() => out.push(format!("{} is in no panel", m.describe())),
                Some(p) if !p.rect.holds(&m.rect, SLACK) => {
                    out.push(format!("{} leaves its panel", m.describe()))
                }
                _ => {}
            }
            if m.size > 0.0 && m.size < MIN_TEXT {
                out.push(format!("{} is set in {:.1} px", m.describe(), m.size));
            }
            if let Kind::Bubble { text, broke_word } = m.kind {
                if !m.rect.holds(&text, -SLACK) {
                    out.push(format!("the text of {} spills out", m.describe()));
                }
                if broke_word {
                    out.push(format!("{} breaks a word to fit", m.describe()));
                }
            }
        }
        for (i, a) in others.iter().enumerate() {
            for b in &others[i + 1..] {
                // Any two things overlapping is one hiding the other.
                if a.rect.overlaps(&b.rect, SLACK) {
                    out.push(format!("{} overlaps {}", a.describe(), b.describe()));
                }
            }
        }
        out
    }
}

/// A comic's script in the default state and after every step of every
/// tour, named for a failure message; a script equal to one already listed
/// is left out, as it draws the same comic. Steps are applied in turn, which
/// is the same as entering each from scratch (the tours' own tests check
/// that), at a fraction of the cost.
pub fn tour_scripts<M: Undoable, S: PartialEq>(
    initial: impl Fn() -> M,
    tours: &[Tour<M::Action>],
    script: impl Fn(&M) -> S,
) -> Vec<(String, S)> {
    let mut out: Vec<(String, S)> = vec![("the default state".into(), script(&initial()))];
    for tour in tours {
        let mut m = initial();
        for (k, step) in tour.steps.iter().enumerate() {
            // A bet's step is seen before and after its reveal.
            for actions in [
                &step.actions[..],
                step.bet.as_ref().map_or(&[][..], |b| &b.reveal[..]),
            ] {
                for a in actions {
                    m.apply(a);
                }
                let s = script(&m);
                if out.iter().all(|(_, seen)| *seen != s) {
                    out.push((format!("tour '{}' step {}", tour.id, k + 1), s));
                }
            }
        }
    }
    out
}

/// Checks the comic of every named script, reporting each one that does not
/// read with its problems. `Ok` counts the scripts checked.
pub fn check_comics<S>(
    scripts: &[(String, S)],
    lay_out: impl Fn(&S) -> Layout,
) -> Result<usize, String> {
    let report: Vec<String> = scripts
        .iter()
        .filter_map(|(name, s)| {
            let problems = lay_out(s).problems();
            (!problems.is_empty()).then(|| format!("{name}:\n  {}", problems.join("\n  ")))
        })
        .collect();
    if report.is_empty() {
        Ok(scripts.len())
    } else {
        Err(report.join("\n"))
    }
}

/// `check_comics` as a test states it: every comic reads, and there were
/// more than `at_least` distinct ones (so the states really differ).
pub fn assert_comics_read<S>(
    scripts: &[(String, S)],
    lay_out: impl Fn(&S) -> Layout,
    at_least: usize,
) {
    match check_comics(scripts, lay_out) {
        Ok(checked) => assert!(checked > at_least, "only {checked} distinct comics"),
        Err(report) => panic!("comics that do not read:\n{report}"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "layout_tests.rs"]
mod tests;
