//! Native tests of the model, one file per idea.

mod budget;
mod dependencies;
mod gameday;
mod github_actions;
mod limits;
mod links;
mod ordering;
mod playground;
mod properties;
mod release;
mod tour_bets;
mod tours;
mod validation;
mod yaml_hostile;

use super::error::{ConfigError, ConfigErrorKind};
use super::validate::validate_str;

/// A small valid pipeline the tests edit.
pub const BASE: &str = r#"service = "shop"

[[targets]]
id = "dev"
environment = "dev"

[[targets]]
id = "staging"
environment = "staging"
depends_on = ["dev"]

[[targets]]
id = "prod"
environment = "production"
depends_on = ["staging"]
gate = "manual"
"#;

/// The errors of an invalid config (panics if it validated: a test bug).
pub fn errors(text: &str) -> Vec<ConfigError> {
    match validate_str(text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(e) => e,
    }
}

/// The single error of a config with exactly one.
pub fn only(text: &str) -> ConfigError {
    let mut e = errors(text);
    assert_eq!(e.len(), 1, "expected one error, got {e:#?}");
    e.remove(0)
}

/// 1-based (line, column) of the `nth` (0-based) occurrence of `needle`,
/// counted independently of the model's LineIndex.
pub fn at(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("needle present");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, col as u32)
}

pub fn pos(e: &ConfigError) -> (u32, u32) {
    (e.pos.line, e.pos.column)
}

pub fn kinds(errors: &[ConfigError]) -> Vec<&ConfigErrorKind> {
    errors.iter().map(|e| &e.kind).collect()
}
