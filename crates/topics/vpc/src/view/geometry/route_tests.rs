//! The drawn trace, checked over many traces: every preset and tour state,
//! with each AZ failed in turn, between every pair of endpoints. Lines are
//! orthogonal, never cross a label, and a blocked trace ends at its blocker.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::super::super::model::{
    tours, Action, Endpoint, Playground, PresetId, Protocol, Target, Trace, TraceSpec,
    DEFAULT_EPHEMERAL_PORT,
};
use super::super::highlight::{highlight, hop_key};
use super::*;

/// A playground state worth drawing, with a name for failure messages.
struct State {
    name: String,
    pg: Playground,
}

fn with(preset: PresetId, actions: &[Action]) -> Playground {
    let mut pg = Playground::with_preset(preset);
    for a in actions {
        pg.apply(a).unwrap_or_else(|e| panic!("{a:?}: {e}"));
    }
    pg
}

/// Every preset as loaded and with each of its AZs failed, then every step
/// of every tour.
fn states() -> Vec<State> {
    let mut out = Vec::new();
    for preset in PresetId::ALL {
        let pg = Playground::with_preset(preset);
        let azs: BTreeSet<String> = pg.network().subnets.iter().map(|s| s.az.clone()).collect();
        out.push(State {
            name: format!("{preset:?}"),
            pg,
        });
        for az in azs {
            let fail = Action::FailAz {
                az: az.clone(),
                failed: true,
            };
            out.push(State {
                name: format!("{preset:?} with {az} failed"),
                pg: with(preset, &[fail]),
            });
        }
    }
    // Gateways on two of three VPCs (wires that bend), a default route out
    // of one, and an instance with a long id and a public address.
    let edits = [
        Action::AddIgw {
            id: "igw-a".into(),
            vpc: "vpc-a".into(),
        },
        Action::AddIgw {
            id: "igw-c-with-a-long-name".into(),
            vpc: "vpc-c".into(),
        },
        Action::AddRoute {
            table: "rt-a".into(),
            destination: "0.0.0.0/0".into(),
            target: Target::Igw("igw-a".into()),
        },
        Action::AddInstance {
            id: "i-0123456789abcdef0".into(),
            subnet: "subnet-a".into(),
            private_ip: "10.1.1.200".into(),
            public_ip: Some("198.151.100.250".into()),
            security_groups: vec!["sg-a".into()],
        },
    ];
    out.push(State {
        name: "Peering with gateways".into(),
        pg: with(PresetId::Peering, &edits),
    });
    for tour in tours() {
        // Each step as it opens, and once its bet is revealed.
        for k in 0..tour.steps.len() {
            for (actions, when) in [
                (tour.actions_through(k), "opened"),
                (tour.actions_revealed(k), "revealed"),
            ] {
                let mut pg = Playground::default();
                for a in actions {
                    pg.apply(&a)
                        .unwrap_or_else(|e| panic!("{}: {a:?}: {e}", tour.id));
                }
                out.push(State {
                    name: format!("tour {} step {k} {when}", tour.id),
                    pg,
                });
            }
        }
    }
    out
}

/// Every instance to the internet, from the internet, and to each other.
fn specs(pg: &Playground) -> Vec<TraceSpec> {
    let mut ends = vec![Endpoint::Internet];
    ends.extend(
        pg.network()
            .instances
            .iter()
            .map(|i| Endpoint::Instance(i.id.clone())),
    );
    let mut out = Vec::new();
    for src in &ends {
        for dst in &ends {
            if src == dst {
                continue;
            }
            for port in [443, 22] {
                out.push(TraceSpec {
                    src: src.clone(),
                    dst: dst.clone(),
                    protocol: Protocol::Tcp,
                    port,
                    src_port: DEFAULT_EPHEMERAL_PORT,
                });
            }
        }
    }
    out.push(pg.trace_spec().clone());
    out
}

/// One trace as drawn on its state's diagram.
struct Drawn {
    what: String,
    state: usize,
    trace: Trace,
    stops: Vec<Stop>,
    legs: Vec<Leg>,
}

/// Every state's diagram and every trace drawn on it, computed once and
/// shared by the tests below (routing a few thousand traces takes a while
/// in a debug build).
fn drawn() -> &'static (Vec<Diagram>, Vec<Drawn>) {
    static ALL: OnceLock<(Vec<Diagram>, Vec<Drawn>)> = OnceLock::new();
    ALL.get_or_init(|| {
        let (mut diagrams, mut out) = (Vec::new(), Vec::new());
        for (n, State { name, pg }) in states().into_iter().enumerate() {
            let d = layout(pg.network(), pg.faults());
            let router = Router::new(&d);
            for spec in specs(&pg) {
                let Ok(trace) = pg.trace_of(&spec) else {
                    continue;
                };
                let stops = highlight(&trace).stops;
                let legs = legs(&d, &router, &stops);
                out.push(Drawn {
                    what: format!("{name}: {:?} → {:?} port {}", spec.src, spec.dst, spec.port),
                    state: n,
                    legs,
                    trace,
                    stops,
                });
            }
            diagrams.push(d);
        }
        (diagrams, out)
    })
}

fn each_trace(mut check: impl FnMut(&str, &Diagram, &Trace, &[Stop], &[Leg])) {
    let (diagrams, all) = drawn();
    for t in all {
        let Some(d) = diagrams.get(t.state) else {
            panic!("{}: no diagram", t.what);
        };
        check(&t.what, d, &t.trace, &t.stops, &t.legs);
    }
}

/// Whether `inner` lies inside `outer` (edges may touch).
fn holds(outer: &Rect, inner: &Rect) -> bool {
    const EPS: f64 = 1e-6;
    inner.x >= outer.x - EPS
        && inner.y >= outer.y - EPS
        && inner.right() <= outer.right() + EPS
        && inner.bottom() <= outer.bottom() + EPS
}

/// Whether the segment a-b passes through the inside of `r` (counted on the
/// segment's bounding box, so a slanted one is caught too); running along
/// an edge does not count.
fn cuts(r: &Rect, a: Point, b: Point) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    let open = |lo: f64, hi: f64, from: f64, to: f64| {
        if lo == hi {
            from < lo && lo < to
        } else {
            lo < to && from < hi
        }
    };
    open(x0, x1, r.x, r.right()) && open(y0, y1, r.y, r.bottom())
}

fn segments(points: &[Point]) -> impl Iterator<Item = (Point, Point)> + '_ {
    points.windows(2).map(|w| (w[0], w[1]))
}

/// Whether `p` lies on the outline of `r`.
fn on_edge(p: Point, r: &Rect) -> bool {
    const EPS: f64 = 0.01;
    let within = |v: f64, lo: f64, hi: f64| v >= lo - EPS && v <= hi + EPS;
    let near = |a: f64, b: f64| (a - b).abs() <= EPS;
    (within(p.0, r.x, r.right()) && (near(p.1, r.y) || near(p.1, r.bottom())))
        || (within(p.1, r.y, r.bottom()) && (near(p.0, r.x) || near(p.0, r.right())))
}

#[test]
fn every_trace_line_is_orthogonal_and_runs_box_to_box() {
    let mut count = 0;
    each_trace(|what, d, _, stops, drawn| {
        for leg in drawn {
            count += 1;
            assert!(!leg.points.is_empty(), "{what}: empty leg {leg:?}");
            for (a, b) in segments(&leg.points) {
                assert!(
                    a.0 == b.0 || a.1 == b.1,
                    "{what}: {} → {} has a slanted segment {a:?}-{b:?}",
                    leg.from,
                    leg.to
                );
            }
            let (from, to) = (d.item(&leg.from), d.item(&leg.to));
            let (Some(from), Some(to), Some(first), Some(last)) =
                (from, to, leg.points.first(), leg.points.last())
            else {
                panic!("{what}: leg {leg:?} is not between drawn items");
            };
            assert!(on_edge(*first, &from.outline()), "{what}: {leg:?}");
            assert!(on_edge(*last, &to.outline()), "{what}: {leg:?}");
        }
        // Every link between two drawn hops is drawn: no route is missing.
        let linked = stops
            .windows(2)
            .filter(|w| !w[1].gap_before && w[0].key != w[1].key)
            .filter(|w| d.item(&w[0].key).is_some() && d.item(&w[1].key).is_some())
            .count();
        assert_eq!(linked, drawn.len(), "{what}: a leg has no route");
    });
    assert!(count > 5000, "only {count} legs checked");
}

#[test]
fn no_trace_line_crosses_a_label() {
    each_trace(|what, d, _, _, drawn| {
        let labels = d.labels();
        for leg in drawn {
            for (a, b) in segments(&leg.points) {
                for t in &labels {
                    assert!(
                        !cuts(&t.bbox(), a, b),
                        "{what}: {} → {}: {a:?}-{b:?} crosses the label {:?}",
                        leg.from,
                        leg.to,
                        t.lines
                    );
                }
            }
        }
    });
}

#[test]
fn a_blocked_trace_ends_at_the_box_that_blocks_it() {
    let (mut blocked, mut open) = (0, 0);
    each_trace(|what, d, t, stops, drawn| {
        let hops = [(&t.forward, false), (&t.ret, true)];
        let first_block = hops.iter().find_map(|(path, _)| {
            let k = path.hops.iter().position(|h| h.is_blocking())?;
            Some(hop_key(path, k))
        });
        let Some(block) = first_block else {
            open += 1;
            assert!(drawn.iter().all(|l| !l.reply), "{what}: open, reply drawn");
            return;
        };
        blocked += 1;
        let Some(key) = block.filter(|k| d.item(k).is_some()) else {
            return;
        };
        assert_eq!(
            stops.last().map(|s| &s.key),
            Some(&key),
            "{what}: the path goes on past {key}"
        );
        if stops.len() < 2 {
            // The source itself blocks: nothing is drawn.
            assert!(drawn.is_empty(), "{what}");
            return;
        }
        let (Some(leg), Some(item)) = (drawn.last(), d.item(&key)) else {
            panic!("{what}: nothing drawn up to {key}");
        };
        assert_eq!(leg.to, key, "{what}");
        let end = leg.points.last().copied().unwrap_or_default();
        assert!(on_edge(end, &item.outline()), "{what}: ends at {end:?}");
    });
    assert!(
        blocked > 100 && open > 100,
        "{blocked} blocked, {open} open"
    );
}

#[test]
fn every_label_is_at_least_12_and_fits_its_box() {
    for State { name, pg } in states() {
        let d = layout(pg.network(), pg.faults());
        let marks = d.items.iter().map(Item::mark);
        for t in d.labels().into_iter().chain(marks) {
            assert!(t.size >= 12.0, "{name}: {:?} at {}", t.lines, t.size);
        }
        for it in &d.items {
            let r = it.outline();
            let inner = Rect {
                x: r.x + 2.0,
                y: r.y + 2.0,
                w: r.w - 4.0,
                h: r.h - 4.0,
            };
            let text = it.text().bbox();
            assert!(holds(&inner, &text), "{name}: {} {text:?} in {r:?}", it.key);
        }
        for c in &d.columns {
            let head = Rect {
                x: c.x,
                y: c.y,
                w: c.w,
                h: AZ_HEAD,
            };
            assert!(holds(&head, &c.label().bbox()), "{name}: {}", c.az);
        }
    }
}

#[test]
fn gateway_wires_are_orthogonal_and_clear_of_labels() {
    for State { name, pg } in states() {
        let d = layout(pg.network(), pg.faults());
        let igws = d.items.iter().filter(|i| i.kind == Kind::Igw).count();
        let labels = d.labels();
        // The wires that start on the internet's outline.
        let internet = d.item("internet").map(Item::outline);
        let gateway_wires: Vec<&Vec<Point>> = d
            .wires
            .iter()
            .filter(|w| {
                w.first()
                    .zip(internet)
                    .is_some_and(|(p, r)| on_edge(*p, &r))
            })
            .collect();
        assert_eq!(gateway_wires.len(), igws, "{name}");
        // Every wire, the peering links too, is orthogonal.
        for w in &d.wires {
            for (a, b) in segments(w) {
                assert!(a.0 == b.0 || a.1 == b.1, "{name}: {a:?}-{b:?}");
            }
        }
        for w in gateway_wires {
            for (a, b) in segments(w) {
                for t in &labels {
                    assert!(!cuts(&t.bbox(), a, b), "{name}: wire crosses {:?}", t.lines);
                }
            }
        }
    }
}
