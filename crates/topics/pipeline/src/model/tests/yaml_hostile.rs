//! Hostile service names through the GitHub Actions export, checked by a real
//! YAML parser (serde_yaml, test only; issue 15): the workflow's name reads
//! back as exactly the name, with GitHub's `${{` defused, and no name adds or
//! removes a job.

use proptest::prelude::*;
use serde_yaml::Value;

use super::super::github_actions::to_github_actions;
use super::super::presets::Preset;
use super::super::validate::validate_str;

/// The Airbnb preset with its service renamed (as a TOML basic string).
fn renamed(service: &str) -> String {
    let quoted = service.replace('\\', "\\\\").replace('"', "\\\"");
    Preset::Airbnb.toml().replacen(
        "service = \"bookings\"",
        &format!("service = \"{quoted}\""),
        1,
    )
}

/// Whether the name was accepted (and so exported and checked).
fn check(service: &str) -> bool {
    let text = renamed(service);
    let Ok(p) = validate_str(&text) else {
        return false; // refused in place (too long, control characters): nothing exported
    };
    assert_eq!(p.service(), service);
    let yaml = to_github_actions(&p);
    let doc: Value = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
    let want = format!("Deploy {service}").replace("${{", "${{ '${{' }}");
    assert_eq!(doc["name"].as_str(), Some(want.as_str()), "{yaml}");
    let plain: Value = serde_yaml::from_str(&to_github_actions(
        &validate_str(Preset::Airbnb.toml()).unwrap(),
    ))
    .unwrap();
    let jobs = |d: &Value| d["jobs"].as_mapping().map(|m| m.len());
    assert_eq!(jobs(&doc), jobs(&plain), "{yaml}");
    true
}

#[test]
fn hostile_service_names_read_back_exactly() {
    for name in [
        "${{ secrets.TOKEN }}",
        "a\"b\\c",
        "x: y",
        "- item",
        "# comment",
        "&anchor *alias",
        "'single' \"double\"",
        "{{7*7}} ${7*7} %{x}",
        "Ωmega 名前 🚀",
        "yes",
        "null",
    ] {
        assert!(check(name), "{name} was refused");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_service_name_reads_back_exactly(
        raw in proptest::collection::vec(
            prop_oneof![
                Just('$'), Just('{'), Just('}'), Just('"'), Just('\''), Just('\\'),
                Just(':'), Just('#'), Just('&'), Just('*'), Just('-'), Just(' '),
                any::<char>(),
            ],
            1..40,
        )
    ) {
        let name: String = raw.into_iter().collect();
        check(&name);
    }
}
