//! Property tests: invariants that must hold for any pipeline and any sequence
//! of user actions.

use proptest::prelude::*;

use super::super::action::Action;
use super::super::budget::{Availability, Window};
use super::super::conditions::Defect;
use super::super::enablement::enablement;
use super::super::events::EventKind;
use super::super::gameday::FailureKind;
use super::super::generator::generate_dag;
use super::super::pipeline::Pipeline;
use super::super::playground::Playground;
use super::super::presets::Preset;
use super::super::release::Release;
use super::super::spec::{CanaryStep, EnvironmentKind, Gate, RollbackMode, RollbackScope};
use super::super::status::TargetStatus as S;
use super::super::validate::{analyze, validate_bytes, validate_str};

/// A random DAG with random gates, bakes, canaries, environments and policy.
fn random_pipeline(seed: u64, n: usize, edges: usize, knobs: &[u8]) -> Pipeline {
    let g = generate_dag(seed, n, edges);
    let mut spec = g.spec;
    let knob = |i: usize| knobs.get(i % knobs.len().max(1)).copied().unwrap_or(0);
    for (i, t) in spec.targets.iter_mut().enumerate() {
        let k = knob(i);
        t.gate = if k % 5 == 0 {
            Gate::Manual
        } else {
            Gate::Automatic
        };
        t.bake_minutes = u32::from(k % 4);
        t.environment = EnvironmentKind::ALL[usize::from(k / 5) % 5];
        t.canary_steps = match k % 3 {
            0 => vec![],
            1 => vec![CanaryStep::SetWeight(10), CanaryStep::Analysis],
            _ => vec![
                CanaryStep::SetWeight(20),
                CanaryStep::PauseMinutes(2),
                CanaryStep::Analysis,
                CanaryStep::SetWeight(50),
            ],
        };
    }
    spec.rollback.mode = if knob(0) % 2 == 0 {
        RollbackMode::Automatic
    } else {
        RollbackMode::Manual
    };
    spec.rollback.on_failure = if knob(1) % 2 == 0 {
        RollbackScope::Target
    } else {
        RollbackScope::Pipeline
    };
    analyze(spec, &g.text).unwrap_or_else(|e| panic!("{e:#?}"))
}

#[derive(Clone, Debug)]
enum Op {
    Tick(u8),
    Approve(usize),
    Rollback,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (1u8..8).prop_map(Op::Tick),
        3 => (0usize..40).prop_map(Op::Approve),
        1 => Just(Op::Rollback),
    ]
}

fn start(p: &Pipeline, bad: bool, versions: &[u32]) -> Release {
    let defects = if bad {
        vec![Defect::BadBuild, Defect::LatencyRegression]
    } else {
        vec![]
    };
    Release::start(p, 1, 100, 7, versions, &vec![false; p.len()], defects)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_target_starts_before_its_dependencies_succeed(
        seed in any::<u64>(), n in 2usize..30, e in 0usize..80, knobs in prop::collection::vec(any::<u8>(), 1..8),
        bad in any::<bool>(), ops in prop::collection::vec(op(), 1..60),
    ) {
        let p = random_pipeline(seed, n, e, &knobs);
        let mut r = start(&p, bad, &vec![5; p.len()]);
        for o in &ops {
            match o {
                Op::Tick(k) => (0..*k).for_each(|_| r.step_minute(&p)),
                Op::Approve(i) => { r.approve(i % p.len()); }
                Op::Rollback => r.rollback(),
            }
            let events = r.events();
            for (at, ev) in events.iter().enumerate() {
                let (Some(t), EventKind::Started) = (ev.target, &ev.kind) else { continue };
                for &d in p.deps(t) {
                    let ok = events[..at].iter().any(|x| x.target == Some(d) && x.kind == EventKind::Succeeded);
                    prop_assert!(ok, "{} started before {} succeeded", p.id(t), p.id(d));
                }
            }
            for (i, run) in r.runs().iter().enumerate() {
                prop_assert!(run.weight <= 100);
                if run.status == S::Succeeded {
                    prop_assert_eq!(r.version_of(i), 100);
                }
            }
        }
    }

    #[test]
    fn a_rollback_restores_every_previous_version(
        seed in any::<u64>(), n in 2usize..30, e in 0usize..80, knobs in prop::collection::vec(any::<u8>(), 1..8),
        bad in any::<bool>(), minutes in 0u32..80, previous in prop::collection::vec(1u32..99, 30),
    ) {
        let p = random_pipeline(seed, n, e, &knobs);
        let mut r = start(&p, bad, &previous);
        for _ in 0..minutes {
            r.step_minute(&p);
            for i in 0..p.len() {
                if r.status(i) == S::AwaitingApproval { r.approve(i); }
            }
        }
        r.rollback();
        for (i, &before) in previous.iter().enumerate().take(p.len()) {
            prop_assert_eq!(r.version_of(i), before);
            prop_assert_eq!(r.new_traffic(i), 0);
            prop_assert!(r.status(i).is_settled());
        }
        prop_assert!(r.is_finished());
    }

    #[test]
    fn cowboy_mode_skips_the_graph(seed in any::<u64>(), n in 1usize..30, e in 0usize..80, knobs in prop::collection::vec(any::<u8>(), 1..8)) {
        let p = random_pipeline(seed, n, e, &knobs);
        let r = Release::cowboy(&p, 1, 9, 0, &vec![8; p.len()], &vec![false; p.len()], vec![Defect::BadBuild]);
        let shares = super::super::traffic::user_shares(&p);
        let facing = p.targets().iter().any(|t| t.environment.is_user_facing());
        prop_assert_eq!(r.affected_fraction(&p, &shares) > 0.999, facing);
        for (i, t) in p.targets().iter().enumerate() {
            prop_assert_eq!(r.version_of(i), if t.environment.is_user_facing() { 9 } else { 8 });
        }
        prop_assert!(!r.events().iter().any(|e| e.kind == EventKind::Started));
    }

    #[test]
    fn enabled_means_every_dependency_succeeded(seed in any::<u64>(), n in 1usize..40, e in 0usize..120, picks in prop::collection::vec(0usize..9, 40)) {
        let p = random_pipeline(seed, n, e, &[1]);
        let statuses: Vec<S> = picks.iter().map(|&k| S::ALL[k]).collect();
        for (i, en) in enablement(&p, &statuses).iter().enumerate() {
            let all_done = p.deps(i).iter().all(|&d| statuses[d] == S::Succeeded);
            prop_assert_eq!(en.is_enabled(), all_done);
            prop_assert_eq!(en.reason(&p).is_some(), !all_done);
        }
    }

    #[test]
    fn validation_never_panics_and_always_places_errors(text in "[\\[\\]{}=\"a-z0-9_.,# \n-]{0,300}") {
        if let Err(errors) = validate_str(&text) {
            prop_assert!(!errors.is_empty());
            let lines = text.lines().count() as u32 + 1;
            for e in errors {
                prop_assert!(e.pos.line >= 1 && e.pos.line <= lines && e.pos.column >= 1, "{e}");
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = validate_bytes(&bytes);
    }

    #[test]
    fn deleting_a_line_never_panics(line in 0usize..60) {
        let text = Preset::Airbnb.toml();
        let cut: String = text.lines().enumerate().filter(|(i, _)| *i != line).map(|(_, l)| format!("{l}\n")).collect();
        let _ = validate_str(&cut);
    }

    #[test]
    fn tighter_targets_allow_less_downtime(a in 1u64..99_999_999, b in 1u64..99_999_999) {
        let (lo, hi) = (a.min(b), a.max(b));
        let t = |u: u64| Availability::from_percent(u as f64 / 1e6).unwrap_or(Availability::TWO_NINES);
        for w in Window::ALL {
            prop_assert!(t(lo).allowed_downtime(w) >= t(hi).allowed_downtime(w));
        }
        let x = t(a);
        prop_assert_eq!(x.allowed_downtime(Window::Year).micros * 7, x.allowed_downtime(Window::Week).micros * 365);
        prop_assert_eq!(x.allowed_downtime(Window::ThirtyDays).micros * 7, x.allowed_downtime(Window::Week).micros * 30);
    }

    #[test]
    fn the_playground_survives_any_actions(actions in prop::collection::vec(action(), 0..40)) {
        let mut pg = Playground::default();
        for a in &actions {
            let before = pg.clone();
            if pg.apply(a).is_err() {
                prop_assert_eq!(&pg, &before, "{:?} was refused but changed the state", a);
            }
            prop_assert!(pg.budget().consumed_fraction() >= 0.0);
        }
    }
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        any::<bool>().prop_map(|b| Action::StartRelease { bad_build: b }),
        any::<bool>().prop_map(|b| Action::CowboyDeploy { bad_build: b }),
        Just(Action::Tick),
        (0u32..50).prop_map(|m| Action::Advance { minutes: m }),
        Just(Action::RunUntilBlocked),
        prop_oneof![Just("production"), Just("canary"), Just("dev"), Just("x")]
            .prop_map(|s| Action::Approve(s.into())),
        Just(Action::Rollback),
        (0usize..5).prop_map(|k| Action::InjectFailure(FailureKind::ALL[k])),
        (0usize..5, 0usize..6).prop_map(|(c, r)| Action::Classify {
            class: super::super::gameday::FailureClass::ALL[c],
            remediation: super::super::gameday::Remediation::ALL[r],
        }),
        prop_oneof![Just(99.0), Just(99.99), Just(0.0), Just(150.0)].prop_map(Action::SetSlo),
        Just(Action::NewBudgetWindow),
        prop_oneof![
            Just(Preset::Airbnb),
            Just(Preset::Monorepo),
            Just(Preset::BrokenCycle)
        ]
        .prop_map(Action::LoadPreset),
    ]
}
