//! Error-budget arithmetic against the SRE table, formatting, the request-based
//! view, and burn from simulated incidents freezing releases.

use super::super::action::Action;
use super::super::budget::{Availability, BudgetError, Downtime, RequestBudget, Window};
use super::super::burn::ErrorBudget;
use super::super::playground::Playground;
use super::super::playground_error::PlaygroundError as E;

const MIN: u64 = 60_000_000;

fn target(p: f64) -> Availability {
    Availability::from_percent(p).unwrap_or_else(|e| panic!("{e}"))
}

fn downtime(p: f64, w: Window) -> Downtime {
    target(p).allowed_downtime(w)
}

#[test]
fn sre_table_is_exact_to_the_microsecond() {
    // 99.99%: 52.56 min a year, 4.32 min per 30 days, 1.008 min a week.
    assert_eq!(downtime(99.99, Window::Year).micros, 5256 * MIN / 100);
    assert_eq!(downtime(99.99, Window::ThirtyDays).micros, 432 * MIN / 100);
    assert_eq!(downtime(99.99, Window::Week).micros, 1008 * MIN / 1000);
    // 99.9%: 8.76 h, 43.2 min, 10.08 min.
    assert_eq!(
        downtime(99.9, Window::Year).micros,
        876 * 3_600_000_000 / 100
    );
    assert_eq!(downtime(99.9, Window::ThirtyDays).micros, 432 * MIN / 10);
    assert_eq!(downtime(99.9, Window::Week).micros, 1008 * MIN / 100);
    // 99%: 3.65 d, 432 min, 100.8 min.
    assert_eq!(
        downtime(99.0, Window::Year).micros,
        365 * 86_400_000_000 / 100
    );
    assert_eq!(downtime(99.0, Window::ThirtyDays).micros, 432 * MIN);
    assert_eq!(downtime(99.0, Window::Week).micros, 1008 * MIN / 10);
}

#[test]
fn table_formats_like_the_sre_book() {
    let row = |p: f64| target(p).downtime_table().map(|(_, d)| d.human());
    assert_eq!(row(99.99), ["52.56 min", "4.32 min", "1.008 min"]);
    assert_eq!(row(99.9), ["8.76 h", "43.2 min", "10.08 min"]);
    assert_eq!(row(99.0), ["3.65 d", "7.2 h", "1.68 h"]);
    let minutes = |p: f64| target(p).downtime_table().map(|(_, d)| d.format_minutes());
    assert_eq!(minutes(99.0), ["5256 min", "432 min", "100.8 min"]);
    assert_eq!(row(99.95), ["4.38 h", "21.6 min", "5.04 min"]);
    assert_eq!(row(99.999), ["5.256 min", "25.92 s", "6.048 s"]);
    assert_eq!(downtime(99.9999, Window::Week).human(), "604.8 ms");
}

#[test]
fn any_target_strictly_between_0_and_100() {
    assert_eq!(target(50.0).allowed_downtime(Window::Week).human(), "3.5 d");
    assert_eq!(target(99.123456).to_string(), "99.123456%");
    assert_eq!(target(99.99).to_string(), "99.99%");
    for bad in [
        0.0,
        100.0,
        -1.0,
        100.5,
        f64::NAN,
        f64::INFINITY,
        99.99999999,
        1e-9,
    ] {
        assert!(
            matches!(
                Availability::from_percent(bad),
                Err(BudgetError::TargetOutOfRange { .. })
            ),
            "{bad}"
        );
    }
    let msg = BudgetError::TargetOutOfRange { got: 100.0 }.to_string();
    assert!(
        msg.contains("above 0% and below 100%") && msg.contains("(got 100)"),
        "{msg}"
    );
}

#[test]
fn budget_fraction_is_one_minus_target() {
    assert!((target(99.9).budget_fraction() - 0.001).abs() < 1e-15);
    assert!((target(99.0).budget_fraction() - 0.01).abs() < 1e-15);
}

#[test]
fn request_based_budget() {
    let b = RequestBudget::new(target(99.9), 999_500, 1_000_000).unwrap_or_else(|e| panic!("{e}"));
    assert!((b.availability() - 0.9995).abs() < 1e-12);
    assert!((b.allowed_failures() - 1000.0).abs() < 1e-6);
    assert_eq!(b.failed(), 500);
    assert!((b.remaining_failures() - 500.0).abs() < 1e-6);
    assert!((b.remaining_fraction() - 0.5).abs() < 1e-9);
    assert!(!b.is_spent());
    let over =
        RequestBudget::new(target(99.9), 998_000, 1_000_000).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        (over.remaining_fraction() + 1.0).abs() < 1e-9,
        "twice the budget used"
    );
    assert!(over.is_spent());
    assert_eq!(
        RequestBudget::new(target(99.9), 0, 0),
        Err(BudgetError::NoRequests)
    );
    assert_eq!(
        RequestBudget::new(target(99.9), 11, 10),
        Err(BudgetError::MoreGoodThanTotal {
            good: 11,
            total: 10
        })
    );
}

#[test]
fn burn_is_affected_fraction_times_minutes() {
    let mut b = ErrorBudget::new(target(99.9));
    b.burn(0.25, 4);
    assert_eq!(b.consumed().micros, MIN);
    b.burn(f64::NAN, 10);
    b.burn(-3.0, 10);
    assert_eq!(b.consumed().micros, MIN, "nonsense fractions cost nothing");
    b.burn(7.0, 1);
    assert_eq!(b.consumed().micros, 2 * MIN, "fractions are capped at 1");
    assert_eq!(b.remaining().format_minutes(), "41.2 min");
    assert!(!b.is_spent());
    b.burn(1.0, 42);
    assert!(b.is_spent());
    assert_eq!(b.overspent().format_minutes(), "0.8 min");
    b.reset();
    assert_eq!(b.consumed().micros, 0);
}

#[test]
fn spent_budget_freezes_releases() {
    let mut pg = Playground::default();
    let ok = |pg: &mut Playground, a: Action| pg.apply(&a).unwrap_or_else(|e| panic!("{e}"));
    ok(&mut pg, Action::SetSlo(99.99));
    ok(&mut pg, Action::CowboyDeploy { bad_build: true });
    ok(&mut pg, Action::Advance { minutes: 4 });
    assert!(!pg.is_frozen(), "4 of 4.32 minutes used");
    ok(&mut pg, Action::Tick);
    assert!(pg.is_frozen());
    ok(&mut pg, Action::Rollback);
    let e = pg
        .apply(&Action::StartRelease { bad_build: false })
        .unwrap_err();
    assert!(matches!(e, E::ReleaseFrozen { .. }));
    assert!(
        e.to_string()
            .starts_with("release frozen: error budget spent (5 min used of 4.32 min"),
        "{e}"
    );
    assert!(matches!(
        pg.apply(&Action::CowboyDeploy { bad_build: false }),
        Err(E::ReleaseFrozen { .. })
    ));
    ok(&mut pg, Action::SetSlo(99.0));
    assert!(!pg.is_frozen(), "a looser target leaves budget");
    ok(&mut pg, Action::SetSlo(99.99));
    ok(&mut pg, Action::NewBudgetWindow);
    ok(&mut pg, Action::StartRelease { bad_build: false });
    assert!(pg.apply(&Action::SetSlo(100.0)).is_err());
    assert_eq!(
        pg.budget().target,
        target(99.99),
        "a refused SLO changes nothing"
    );
}
