//! The GitHub Actions export: jobs, needs, environments, gates and quoting.

use super::super::github_actions::{job_id, to_github_actions, yaml_key, yaml_str};
use super::super::presets::Preset;
use super::super::validate::validate_str;

fn yaml(text: &str) -> String {
    to_github_actions(&validate_str(text).unwrap_or_else(|e| panic!("{e:#?}")))
}

#[test]
fn jobs_follow_the_graph() {
    let y = yaml(Preset::Airbnb.toml());
    let job = |id: &str| y.find(&format!("\n  {id}:\n")).unwrap_or(usize::MAX);
    assert!(
        job("dev") < job("staging")
            && job("staging") < job("canary")
            && job("canary") < job("production")
    );
    assert!(y.contains("  staging:\n    name: \"staging (staging)\"\n    needs: [\"dev\"]\n"));
    assert!(y.contains("    environment: \"production\"\n"));
    assert!(y.contains("# Manual gate: add required reviewers to the \"production\" environment"));
    assert_eq!(y.matches("Manual gate").count(), 1);
    assert!(y.contains("      - name: \"Canary: weight 10%\"\n        run: ./set-weight.sh 10\n"));
    assert!(y.contains("MAX_ERROR_RATE: \"0.01\""));
    assert!(y.contains("  _rollback:\n") && y.contains("if: ${{ failure() }}"));
}

#[test]
fn parallel_regions_share_one_need() {
    let y = yaml(Preset::Monorepo.toml());
    assert_eq!(y.matches("needs: [\"canary\"]").count(), 3);
    assert!(y.contains("./rollback.sh --scope pipeline"));
}

#[test]
fn manual_rollback_has_no_rollback_job() {
    let y = yaml(
        &Preset::Airbnb
            .toml()
            .replace("mode = \"automatic\"", "mode = \"manual\""),
    );
    assert!(!y.contains("_rollback"));
    assert!(y.contains("# Rollback policy is manual"));
}

#[test]
fn user_strings_are_quoted_and_escaped() {
    let text = Preset::Airbnb.toml().replace(
        "service = \"bookings\"",
        r#"service = "a \"b\" \\ ${{ secrets.TOKEN }}: #x""#,
    );
    let y = yaml(&text);
    assert!(
        y.contains(r#"SERVICE: "a \"b\" \\ ${{ '${{' }} secrets.TOKEN }}: #x""#),
        "{y}"
    );
    assert!(!y.contains("${{ secrets"), "no expression survives");
    assert_eq!(yaml_str("tab\there\u{2028}"), "\"tab\\there\\u2028\"");
    assert_eq!(yaml_str("new\nline"), "\"new\\nline\"");
}

#[test]
fn job_ids_and_keys_are_valid_yaml_and_github_names() {
    assert_eq!(job_id("dev"), "dev");
    assert_eq!(job_id("1st-wave"), "_1st-wave");
    assert_eq!(yaml_key("on"), "\"on\"");
    assert_eq!(yaml_key("Yes"), "\"Yes\"");
    assert_eq!(yaml_key("prod-eu"), "prod-eu");
    let text = "service = \"s\"\n[[targets]]\nid = \"on\"\n[[targets]]\nid = \"2nd\"\ndepends_on = [\"on\"]\n";
    let y = yaml(text);
    assert!(y.contains("\n  \"on\":\n"));
    assert!(y.contains("\n  _2nd:\n    name: \"2nd (other)\"\n    needs: [\"on\"]\n"));
}
