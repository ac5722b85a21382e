//! The tours' end states as plain action lists, so a link that names a
//! scenario restores without building the tours. Building them plays every
//! step and carries their texts and answer functions, which belong in the
//! extras module (in the panel's module they cost about 5 KB gzip).
//!
//! `scenarios.txt` holds every tour's id and actions (setups, reveals and
//! task solutions, in order) in the link codec's form. A native test
//! rebuilds it from the tours and fails when it is stale; run the tests with
//! `UPDATE_FIXTURES=1` to rewrite it.

use super::action::Action;
use techshack_core::state::url_codec::decode;

/// The fixture's format; bump if the shape below changes.
pub const FORMAT: u32 = 1;
/// Each tour's id and the actions that bring a fresh playground to its end.
pub type Scenarios = Vec<(String, Vec<Action>)>;

const SCENARIOS: &str = include_str!("scenarios.txt");

/// The actions of the tour called `id`, if there is one.
pub fn scenario(id: &str) -> Option<Vec<Action>> {
    let all: Scenarios = decode(FORMAT, SCENARIOS.trim()).ok()?;
    all.into_iter()
        .find(|(name, _)| name == id)
        .map(|(_, actions)| actions)
}

/// Fails when a fixture under `src/model/` (as compiled in, `stored`) is not
/// `want`; with `UPDATE_FIXTURES=1` it rewrites the file first, so the next
/// run passes.
#[cfg(test)]
pub(crate) fn check_fixture(name: &str, stored: &str, want: &str) {
    let path = format!("{}/src/model/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, format!("{want}\n")).unwrap();
    }
    assert_eq!(
        stored.trim(),
        want,
        "{name} is stale: run the tests with UPDATE_FIXTURES=1"
    );
}

#[cfg(test)]
mod tests {
    use super::super::tours::tours;
    use super::*;
    use techshack_core::state::url_codec::encode;

    #[test]
    fn the_fixture_is_the_tours_actions() {
        let built: Scenarios = tours()
            .into_iter()
            .map(|t| (t.id.to_string(), t.actions_revealed(usize::MAX)))
            .collect();
        check_fixture("scenarios.txt", SCENARIOS, &encode(FORMAT, &built));
        for (id, actions) in built {
            assert_eq!(scenario(&id), Some(actions), "{id}");
        }
        assert_eq!(scenario("no-such-tour"), None);
    }
}
