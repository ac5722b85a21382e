//! The goals of the tours' tasks: what the reader must make true, checked
//! against the model after each of their own actions (the panel asks
//! `goal_holds` by name, since tours cross from the extras module as data).

use super::playground::Playground;
use super::presets::Preset;

/// Every path to the `production` target passes through `canary`.
pub const CANARY_BEFORE_PRODUCTION: &str = "canary-before-production";
/// The last gameday is filed, with the class a careful responder would
/// give it and a remediation that fits that class.
pub const GAMEDAY_FILED_RIGHT: &str = "gameday-filed-right";

pub fn goal_holds(pg: &Playground, goal: &str) -> Option<bool> {
    match goal {
        CANARY_BEFORE_PRODUCTION => Some(canary_gates_production(pg)),
        GAMEDAY_FILED_RIGHT => Some(
            pg.gameday().is_none()
                && pg
                    .incidents()
                    .records()
                    .last()
                    .is_some_and(|r| r.class_matches() && r.remediation_fits()),
        ),
        _ => None,
    }
}

/// The Airbnb pipeline with canary and production side by side after
/// staging: production no longer waits for the canary's verdict.
pub fn canary_beside_production() -> String {
    Preset::Airbnb
        .toml()
        .replace(r#"depends_on = ["canary"]"#, r#"depends_on = ["staging"]"#)
}

/// Whether `canary` is among `production`'s ancestors.
fn canary_gates_production(pg: &Playground) -> bool {
    let p = pg.pipeline();
    let (Some(canary), Some(production)) = (p.find("canary"), p.find("production")) else {
        return false;
    };
    let mut seen = vec![false; p.len()];
    let mut todo = p.deps(production).to_vec();
    while let Some(i) = todo.pop() {
        if i == canary {
            return true;
        }
        if !std::mem::replace(&mut seen[i], true) {
            todo.extend_from_slice(p.deps(i));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::gameday::{FailureClass, FailureKind, Remediation};
    use crate::model::Action;

    #[test]
    fn the_airbnb_order_puts_canary_before_production() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset(Preset::Airbnb)).unwrap();
        assert_eq!(goal_holds(&pg, CANARY_BEFORE_PRODUCTION), Some(true));
        pg.apply(&Action::EditConfig(canary_beside_production()))
            .unwrap();
        assert!(
            pg.editor_errors().is_empty(),
            "the side-by-side config is valid"
        );
        assert_eq!(goal_holds(&pg, CANARY_BEFORE_PRODUCTION), Some(false));
        pg.apply(&Action::LoadPreset(Preset::Monorepo)).unwrap();
        assert_eq!(
            goal_holds(&pg, CANARY_BEFORE_PRODUCTION),
            Some(false),
            "no target called canary"
        );
    }

    #[test]
    fn a_gameday_counts_once_filed_with_the_right_class_and_a_fitting_fix() {
        let mut pg = Playground::default();
        pg.apply(&Action::LoadPreset(Preset::Airbnb)).unwrap();
        pg.apply(&Action::InjectFailure(FailureKind::BadConfig))
            .unwrap();
        pg.apply(&Action::RunUntilBlocked).unwrap();
        assert_eq!(goal_holds(&pg, GAMEDAY_FILED_RIGHT), Some(false));
        let mut wrong = pg.clone();
        wrong
            .apply(&Action::Classify {
                class: FailureClass::Capacity,
                remediation: Remediation::CapacityHeadroom,
            })
            .unwrap();
        assert_eq!(goal_holds(&wrong, GAMEDAY_FILED_RIGHT), Some(false));
        pg.apply(&Action::Classify {
            class: FailureClass::Config,
            remediation: Remediation::ValidateConfigInCi,
        })
        .unwrap();
        assert_eq!(goal_holds(&pg, GAMEDAY_FILED_RIGHT), Some(true));
        assert_eq!(goal_holds(&pg, "no-such-goal"), None);
    }
}
