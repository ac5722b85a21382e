//! The comic: a Route table and a NAT gateway, drawn from the live layout.
//! The insight: a route table keeps pointing at its NAT gateway when that
//! NAT's AZ fails, so one NAT is one AZ's worth of luck for every subnet.

use super::model::{
    is_public_subnet, Endpoint, Network, Playground, Protocol, Target, TraceSpec,
    DEFAULT_EPHEMERAL_PORT,
};
use serde::{Deserialize, Serialize};
use techshack_core::sketch::{Frame, Pen, Strip};

const FRAME: Frame = Frame {
    width: 760.0,
    height: 270.0,
    panels: 4,
    panel_width: 180.0,
    ground: 236.0,
    names: 254.0,
};

/// The lines of the strip, with the names of its two characters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Script {
    pub table: String,
    pub nat: String,
    pub nat_down: bool,
    pub table_says: String,
    pub nat_says: String,
    pub third: String,
    pub last: String,
    pub reach: usize,
    pub private: usize,
}

fn nat_target(net: &Network, subnet: &str) -> Option<String> {
    let t = net.table_for_subnet(subnet)?;
    t.routes
        .iter()
        .find(|r| r.destination.prefix_len() == 0)
        .and_then(|r| match &r.target {
            Target::Nat(id) => Some(id.clone()),
            _ => None,
        })
}

pub fn script(pg: &Playground) -> Script {
    let net = pg.network();
    let faults = pg.faults();
    let private: Vec<&str> = net
        .instances
        .iter()
        .filter(|i| !is_public_subnet(net, &i.subnet))
        .map(|i| i.id.as_str())
        .collect();
    let reach = private
        .iter()
        .filter(|id| {
            let spec = TraceSpec {
                src: Endpoint::Instance(id.to_string()),
                dst: Endpoint::Internet,
                protocol: Protocol::Tcp,
                port: 443,
                src_port: DEFAULT_EPHEMERAL_PORT,
            };
            pg.trace_of(&spec).is_ok_and(|t| t.reachable)
        })
        .count();
    let nat_down = |nat: &str| net.nat_az(nat).is_some_and(|az| faults.is_failed(az));
    // The telling subnet: alive itself but routed through a dead NAT; else
    // any private subnet with instances.
    let subnets: Vec<&str> = private
        .iter()
        .filter_map(|id| net.instance(id).map(|i| i.subnet.as_str()))
        .collect();
    let telling = subnets
        .iter()
        .find(|s| {
            let alive = net.subnet(s).is_some_and(|s| !faults.is_failed(&s.az));
            alive && nat_target(net, s).is_some_and(|n| nat_down(&n))
        })
        .or_else(|| subnets.first())
        .copied();
    let table = telling
        .and_then(|s| net.table_for_subnet(s))
        .map_or("rt-main".to_string(), |t| t.id.clone());
    let target = telling.and_then(|s| nat_target(net, s));
    let nat = target
        .clone()
        .or_else(|| net.nat_gateways.first().map(|n| n.id.clone()))
        .unwrap_or_else(|| "NAT".into());
    let down = nat_down(&nat);
    let nats = net.nat_gateways.len();
    let azs = net.azs().len();
    let table_says = match (&target, telling) {
        (_, None) => "No private subnets here. Nobody needs me!".to_string(),
        (Some(n), _) => format!("Internet? Off to {n}!"),
        (None, _) => "Internet? I have no route for that.".to_string(),
    };
    let nat_az = net.nat_az(&nat).unwrap_or("no AZ").to_string();
    let nat_says = match nats {
        0 => "There is no NAT gateway at all.".to_string(),
        1 => format!("I'm the only NAT. I live in {nat_az}."),
        n if n >= azs => format!("We're {n} NATs, one per AZ."),
        n => format!("We're {n} NATs for {azs} AZs."),
    };
    let failed: Vec<&String> = faults.failed_azs.iter().collect();
    let third = match (failed.first(), down) {
        (Some(az), true) => format!("{az} fails. Still sending you traffic!"),
        (Some(az), false) => format!("{az} fails. My NAT lives elsewhere."),
        (None, _) => "What if an AZ fails?".to_string(),
    };
    let last = if private.is_empty() {
        "No private instances, so no NAT story.".to_string()
    } else {
        format!(
            "{reach} of {} private instances reach the internet.",
            private.len()
        )
    };
    Script {
        table,
        nat,
        nat_down: down,
        table_says,
        nat_says,
        third,
        last,
        reach,
        private: private.len(),
    }
}

/// A character named underneath; `struck` crosses it out (a NAT whose AZ
/// is down).
fn character(s: &mut Strip, feet: (f64, f64), name: &str, pen: &Pen, struck: bool) {
    s.figure(name, |s| {
        s.stick_figure(feet, 86.0, pen);
        if struck {
            let (x, y) = feet;
            let bad = Pen::ink().stroke("var(--bad)").width(3.0);
            s.line((x - 26.0, y - 90.0), (x + 26.0, y - 30.0), &bad);
            s.line((x + 26.0, y - 90.0), (x - 26.0, y - 30.0), &bad);
        }
    });
    s.name(feet.0, name);
}

/// The strip for a script, as SVG; seeded, so the same script draws the
/// same strip (this runs in the topic's extras module).
pub fn draw(sc: &Script) -> String {
    let then = format!("{} {}", sc.third, sc.last);
    strip(sc).finish(&[
        (&sc.table, &sc.table_says),
        (&sc.nat, &sc.nat_says),
        ("Then", &then),
    ])
}

/// The strip drawn but not finished, so tests can read its layout.
fn strip(sc: &Script) -> Strip {
    let mut s = Strip::new(201_901, FRAME);
    let ground = s.ground();
    let x = |k: usize| FRAME.left(k);
    let ink = Pen::ink().width(2.0);
    let nat_pen = if sc.nat_down {
        Pen::ink().stroke("var(--bad)").width(2.0)
    } else {
        Pen::ink().stroke("var(--accent)").width(2.0)
    };
    // 1: the route table points the way.
    let rt = (x(0) + 60.0, ground);
    character(&mut s, rt, &sc.table, &ink, false);
    s.say(
        (x(0) + 34.0, 44.0, 140.0, 74.0),
        (rt.0 + 8.0, rt.1 - 86.0),
        &sc.table_says,
        15.0,
    );
    // 2: the NAT gateway introduces itself.
    let nat = (x(1) + 60.0, ground);
    character(&mut s, nat, &sc.nat, &nat_pen, false);
    s.say(
        (x(1) + 30.0, 44.0, 144.0, 74.0),
        (nat.0 + 8.0, nat.1 - 86.0),
        &sc.nat_says,
        15.0,
    );
    // 3: both, when an AZ fails (the NAT greyed out and struck through if down).
    let (a, b) = ((x(2) + 45.0, ground), (x(2) + 135.0, ground));
    character(&mut s, a, &sc.table, &ink, false);
    character(&mut s, b, &sc.nat, &nat_pen, sc.nat_down);
    s.say(
        (x(2) + 18.0, 40.0, 150.0, 78.0),
        (a.0 + 6.0, a.1 - 86.0),
        &sc.third,
        15.0,
    );
    // 4: the route table counts what is left.
    let colour = if sc.reach == sc.private {
        "var(--good-soft)"
    } else {
        "var(--bad-soft)"
    };
    let rt4 = (x(3) + 90.0, ground);
    character(&mut s, rt4, &sc.table, &ink, false);
    s.say_on(
        colour,
        (x(3) + 12.0, 40.0, 156.0, 96.0),
        (rt4.0 + 6.0, rt4.1 - 86.0),
        &sc.last,
        16.0,
    );
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "comic_layout_tests.rs"]
mod layout_tests;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::model::{Action, PresetId};
    use super::*;
    use techshack_core::sketch::words_in as words;

    fn after(actions: &[Action]) -> Playground {
        let mut pg = Playground::default();
        for a in actions {
            pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
        }
        pg
    }

    fn fail_a() -> Action {
        Action::FailAz {
            az: "us-east-1a".into(),
            failed: true,
        }
    }

    #[test]
    fn the_article_layout_survives_an_az_with_one_nat_per_az() {
        let pg = after(&[fail_a()]);
        let sc = script(&pg);
        assert_eq!((sc.reach, sc.private), (2, 3));
        assert_eq!(sc.nat_says, "We're 3 NATs, one per AZ.");
        let svg = draw(&script(&pg));
        assert!(svg.contains("2 of 3 private instances"), "{svg}");
        assert!(words(&svg) < 60, "{} words", words(&svg));
    }

    #[test]
    fn a_single_nat_takes_every_private_subnet_down_with_its_az() {
        let pg = after(&[
            Action::LoadPreset {
                preset: PresetId::SingleNat,
            },
            fail_a(),
        ]);
        let sc = script(&pg);
        assert_eq!((sc.reach, sc.private), (0, 3));
        assert!(sc.nat_down);
        assert_eq!(sc.nat, "nat-a");
        assert_ne!(sc.table, "rt-2a", "the telling table is in a live AZ");
        assert_eq!(sc.third, "us-east-1a fails. Still sending you traffic!");
        assert!(sc.nat_says.contains("only NAT"));
        let svg = draw(&script(&pg));
        assert!(svg.contains("0 of 3 private instances"));
        assert!(words(&svg) < 60, "{} words", words(&svg));
    }

    #[test]
    fn every_preset_and_tour_end_draws_valid_short_svg() {
        let mut states: Vec<Playground> = PresetId::ALL
            .iter()
            .map(|&p| Playground::with_preset(p))
            .collect();
        for t in super::super::model::tours() {
            let mut pg = Playground::default();
            for a in t.actions_revealed(usize::MAX) {
                let _ = pg.apply(&a);
            }
            states.push(pg);
        }
        for pg in states {
            let svg = draw(&script(&pg));
            assert!(words(&svg) < 60, "{} words: {svg}", words(&svg));
        }
    }
}
