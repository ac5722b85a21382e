//! The comic: a Deployer and a Canary, drawn from the live pipeline. The
//! insight: a canary turns "every user meets the bug" into "a few users do".

use super::model::decimal::Trimmed;
use super::model::release::{Release, ReleaseMode};
use super::model::{CanaryStep, EnvironmentKind, Playground};
use serde::{Deserialize, Serialize};
use techshack_core::sketch::{Frame, Pen, Sketch, Strip};

const FRAME: Frame = Frame {
    width: 720.0,
    height: 270.0,
    panels: 3,
    panel_width: 232.0,
    ground: 236.0,
    names: 256.0,
};

/// The three lines of the strip: Deployer, Canary, and the punchline (with
/// who says it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub deployer: String,
    pub canary: String,
    pub last: String,
    pub canary_says_last: bool,
    pub canary_sick: bool,
}

fn pct(fraction: f64) -> String {
    format!("{}%", Trimmed(fraction * 100.0, 1))
}

fn prod_name(pg: &Playground) -> String {
    let p = pg.pipeline();
    p.order()
        .iter()
        .copied()
        .find(|&i| {
            p.target(i)
                .is_some_and(|t| t.environment == EnvironmentKind::Production)
        })
        .or_else(|| p.order().last().copied())
        .map_or_else(|| "production".to_owned(), |i| p.id(i).to_owned())
}

/// The canary target: the first canary environment, else the first target
/// with canary steps.
fn canary_of(pg: &Playground) -> Option<usize> {
    let p = pg.pipeline();
    let ts = p.targets();
    ts.iter()
        .position(|t| t.environment == EnvironmentKind::Canary)
        .or_else(|| ts.iter().position(|t| !t.canary_steps.is_empty()))
}

/// The highest weight the canary reached in this release.
fn peak_weight(r: &Release, i: usize) -> u8 {
    let set = r
        .events()
        .iter()
        .filter(|e| e.target == Some(i))
        .filter_map(|e| match e.kind {
            super::model::events::EventKind::WeightSet(w) => Some(w),
            super::model::events::EventKind::Promoted => Some(100),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    set.max(r.new_traffic(i))
}

pub fn script(pg: &Playground) -> Script {
    let prod = prod_name(pg);
    let shares = pg.user_shares();
    let Some(c) = canary_of(pg) else {
        return Script {
            deployer: format!("Shipping to {prod}!"),
            canary: format!("No canary in {}!", pg.pipeline().service()),
            last: format!("So {prod}'s users test every build."),
            canary_says_last: false,
            canary_sick: false,
        };
    };
    let share = shares.get(c).copied().unwrap_or(0.0);
    let first_weight = pg
        .pipeline()
        .target(c)
        .and_then(|t| {
            t.canary_steps.iter().find_map(|s| match s {
                CanaryStep::SetWeight(w) => Some(*w),
                _ => None,
            })
        })
        .unwrap_or(100);
    let Some(r) = pg.release() else {
        return Script {
            deployer: format!("New build. Straight to {prod}?"),
            canary: format!("Send me {first_weight}% first."),
            last: format!(
                "If I get sick, {} of users notice, not 100%.",
                pct(share * f64::from(first_weight) / 100.0)
            ),
            canary_says_last: true,
            canary_sick: false,
        };
    };
    let v = r.version();
    if r.mode() == ReleaseMode::Cowboy {
        let affected = pg.affected_fraction();
        return Script {
            deployer: format!("v{v} straight to {prod}. Cowboy!"),
            canary: "Nobody asked me.".into(),
            last: if affected > 0.0 {
                format!("{} of users got the bug at once.", pct(affected))
            } else {
                format!("v{v} reached every user at once. Lucky.")
            },
            canary_says_last: false,
            canary_sick: false,
        };
    }
    let weight = peak_weight(r, c);
    let run = r.run(c);
    if let Some(trip) = run.and_then(|x| x.trip) {
        return Script {
            deployer: format!("Shipping v{v} to {prod}."),
            canary: format!("{} at {weight}%! Stop!", trip.describe()),
            last: format!(
                "Rolled back: {} of users met v{v}, not 100%.",
                pct(share * f64::from(weight) / 100.0)
            ),
            canary_says_last: false,
            canary_sick: true,
        };
    }
    let status = r.status(pg.pipeline().find(&prod).unwrap_or(0));
    let health = run
        .and_then(|x| x.last_sample)
        .map_or_else(String::new, |s| format!(", {} errors", pct(s.error_rate)));
    Script {
        deployer: format!("Shipping v{v} to {prod}."),
        canary: format!("{weight}% of traffic on me{health}. Fine!"),
        last: format!("{prod}: {status}."),
        canary_says_last: false,
        canary_sick: false,
    }
}

/// The Canary: a bird with a beak, an eye (crossed when sick) and legs.
pub(crate) fn bird(s: &mut Sketch, at: (f64, f64), sick: bool) {
    s.figure("Canary", |s| bird_body(s, at, sick));
}

fn bird_body(s: &mut Sketch, (x, y): (f64, f64), sick: bool) {
    let body = Pen::ink().fill("var(--warn)");
    s.ellipse((x, y), 24.0, 16.0, &body);
    s.ellipse((x + 20.0, y - 16.0), 11.0, 11.0, &body);
    s.polygon(
        &[
            (x + 30.0, y - 19.0),
            (x + 41.0, y - 15.0),
            (x + 30.0, y - 12.0),
        ],
        &Pen::ink().fill("var(--accent)").solid(),
    );
    if sick {
        s.line((x + 20.0, y - 21.0), (x + 26.0, y - 15.0), &Pen::ink());
        s.line((x + 26.0, y - 21.0), (x + 20.0, y - 15.0), &Pen::ink());
    } else {
        s.ellipse(
            (x + 23.0, y - 18.0),
            1.8,
            1.8,
            &Pen::ink().fill("var(--ink)").solid(),
        );
    }
    s.line((x - 8.0, y - 2.0), (x + 8.0, y + 4.0), &Pen::ink());
    s.line((x - 5.0, y + 15.0), (x - 8.0, y + 27.0), &Pen::ink());
    s.line((x + 5.0, y + 15.0), (x + 8.0, y + 27.0), &Pen::ink());
}

/// The strip for a script, as SVG; seeded, so the same script draws the
/// same strip (this runs in the topic's extras module).
pub fn draw(sc: &Script) -> String {
    strip(sc).finish(&[
        ("Deployer", &sc.deployer),
        ("Canary", &sc.canary),
        ("Then", &sc.last),
    ])
}

/// The strip drawn but not finished, so tests can read its layout.
fn strip(sc: &Script) -> Strip {
    let mut s = Strip::new(2019, FRAME);
    let ground = s.ground();
    // 1: the Deployer, eager.
    let (dx, cx) = (70.0, FRAME.left(1) + 120.0);
    s.stick_figure((dx, ground), 92.0, &Pen::ink().width(2.0));
    s.name(dx, "Deployer");
    s.say(
        (40.0, 40.0, 190.0, 82.0),
        (dx + 10.0, ground - 92.0),
        &sc.deployer,
        17.0,
    );
    // 2: the Canary, on its perch at the front of the pipeline.
    bird(&mut s, (cx, ground - 26.0), sc.canary_sick);
    s.line(
        (cx - 50.0, ground + 2.0),
        (cx + 50.0, ground + 2.0),
        &Pen::ink().width(3.0),
    );
    s.name(cx, "Canary");
    s.say(
        (cx - 100.0, 40.0, 200.0, 90.0),
        (cx + 10.0, ground - 52.0),
        &sc.canary,
        17.0,
    );
    // 3: the punchline.
    let x3 = FRAME.left(2);
    let speaker = if sc.canary_says_last {
        bird(&mut s, (x3 + 70.0, ground - 26.0), false);
        (x3 + 80.0, ground - 52.0)
    } else {
        s.stick_figure((x3 + 60.0, ground), 92.0, &Pen::ink().width(2.0));
        (x3 + 70.0, ground - 92.0)
    };
    s.say_on(
        "var(--accent-soft)",
        (x3 + 24.0, 40.0, 196.0, 90.0),
        speaker,
        &sc.last,
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

    fn after(actions: &[Action]) -> Playground {
        let mut pg = Playground::default();
        for a in actions {
            pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
        pg
    }

    #[test]
    fn default_comic_uses_the_live_canary_weight_and_share() {
        let svg = draw(&script(&Playground::default()));
        assert!(svg.contains("Send me 10% first."), "{svg}");
        assert!(
            svg.contains("1% of users notice"),
            "canary share 10% × weight 10%"
        );
        assert!(words(&svg) < 60, "{} words", words(&svg));
    }

    #[test]
    fn a_failed_canary_and_a_cowboy_deploy_tell_different_stories() {
        let failed = after(&[
            Action::StartRelease { bad_build: true },
            Action::RunUntilBlocked,
        ]);
        let sc = script(&failed);
        assert!(sc.canary_sick);
        assert!(sc.canary.contains("at 10%! Stop!"), "{sc:?}");
        assert!(sc.last.contains("1% of users met v43"), "{sc:?}");
        let cowboy = after(&[Action::CowboyDeploy { bad_build: true }]);
        let sc = script(&cowboy);
        assert_eq!(sc.last, "100% of users got the bug at once.");
        for pg in [failed, cowboy] {
            let svg = draw(&script(&pg));
            assert!(words(&svg) < 60, "{} words", words(&svg));
        }
    }

    #[test]
    fn user_target_ids_are_text_not_markup() {
        let cfg = "service = \"s\"\n[[targets]]\nid = \"prod\"\nenvironment = \"production\"\n";
        let pg = after(&[Action::EditConfig(cfg.into())]);
        let svg = draw(&script(&pg));
        assert!(roxmltree::Document::parse(&svg).is_ok());
        assert!(svg.contains("No canary in s!"));
    }
}
