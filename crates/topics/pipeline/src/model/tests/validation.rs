//! Every validation rule: its message and where it points (1-based line:column).

use super::super::error::ConfigErrorKind as K;
use super::super::presets::Preset;
use super::super::validate::validate_str;
use super::{at, errors, kinds, only, pos, BASE};

#[test]
fn presets_and_base_are_valid_except_the_broken_one() {
    assert!(validate_str(BASE).is_ok());
    assert!(validate_str(Preset::Airbnb.toml()).is_ok());
    assert!(validate_str(Preset::Monorepo.toml()).is_ok());
    assert!(validate_str(Preset::BrokenCycle.toml()).is_err());
}

#[test]
fn syntax_error_carries_toml_position() {
    let text = "service = \"shop\"\n[[targets]]\nid = \n";
    let e = only(text);
    assert!(matches!(e.kind, K::Syntax { .. }));
    assert_eq!(e.pos.line, 3);
    assert!(e.to_string().starts_with("line 3, column "), "{e}");
    assert!(!e.to_string().contains('\n'));
}

#[test]
fn duplicate_toml_key_is_a_syntax_error() {
    let text = format!("{BASE}\n[rollback]\nmode = \"manual\"\nmode = \"automatic\"\n");
    let e = only(&text);
    assert!(e.to_string().contains("duplicate key"), "{e}");
    assert_eq!(pos(&e), at(&text, "mode", 1));
}

#[test]
fn unknown_fields_point_at_the_key_with_a_suggestion() {
    let text = BASE.replace("depends_on = [\"dev\"]", "depnds_on = [\"dev\"]");
    let e = only(&text);
    assert_eq!(pos(&e), at(&text, "depnds_on", 0));
    assert_eq!(e.to_string(), format!("line {}, column 1: unknown field `depnds_on` in target `staging` (did you mean `depends_on`?)", at(&text, "depnds_on", 0).0));
    let top = format!("colour = \"red\"\n{BASE}");
    let e = only(&top);
    assert_eq!(pos(&e), (1, 1));
    assert_eq!(
        e.kind,
        K::UnknownField {
            field: "colour".into(),
            context: "the top level".into(),
            suggestion: None
        }
    );
}

#[test]
fn unknown_fields_in_nested_tables() {
    let text = format!("{BASE}health = {{ max_error = 0.1 }}\ncanary_steps = [{{ set_wieght = 5 }}]\n[rollback]\nscope = \"target\"\n");
    let e = errors(&text);
    assert_eq!(e.len(), 3, "{e:#?}");
    assert_eq!(pos(&e[0]), at(&text, "max_error", 0));
    assert!(e[0].to_string().contains("unknown field `max_error` in the health checks of target `prod` (did you mean `max_error_rate`?)"));
    assert_eq!(pos(&e[1]), at(&text, "set_wieght", 0));
    assert!(e[1].to_string().contains("canary step 1 of target `prod`"));
    assert!(e[1].to_string().contains("did you mean `set_weight`"));
    assert_eq!(pos(&e[2]), at(&text, "scope", 0));
    assert!(e[2].to_string().contains("in [rollback]"));
}

#[test]
fn implicit_tables_still_get_a_position() {
    let text = format!("{BASE}\n[rollback.extra]\nx = 1\n");
    let e = only(&text);
    assert_eq!(
        e.kind,
        K::UnknownField {
            field: "extra".into(),
            context: "[rollback]".into(),
            suggestion: None
        }
    );
    assert_eq!(pos(&e), at(&text, "extra", 0));
}

#[test]
fn missing_required_fields() {
    let no_service = BASE.replace("service = \"shop\"\n", "");
    let e = only(&no_service);
    assert_eq!(pos(&e), (1, 1));
    assert_eq!(
        e.to_string(),
        "line 1, column 1: missing required field `service` in the top level"
    );
    let no_targets = "service = \"shop\"\n";
    assert_eq!(only(no_targets).kind, K::NoTargets);
    let no_id = BASE.replace("id = \"staging\"\n", "");
    let e = errors(&no_id);
    assert!(
        matches!(&e[0].kind, K::MissingField { field, context } if field == "id" && context == "target #2")
    );
    assert_eq!(pos(&e[0]), at(&no_id, "[[targets]]", 1));
    // prod now depends on a target that has no id.
    assert!(
        matches!(&e[1].kind, K::UnknownDependency { dependency, .. } if dependency == "staging")
    );
}

#[test]
fn wrong_types_name_expected_and_found() {
    let text = BASE
        .replace("service = \"shop\"", "service = 7")
        .replace("depends_on = [\"dev\"]", "depends_on = \"dev\"")
        .replace("gate = \"manual\"", "bake_minutes = 2.5");
    let e = errors(&text);
    assert_eq!(
        e[0].to_string(),
        "line 1, column 11: `service` in the top level must be a string (got an integer)"
    );
    assert_eq!(pos(&e[1]), at(&text, "\"dev\"", 2));
    assert!(e[1].to_string().contains(
        "`depends_on` in target `staging` must be an array of target ids (got a string)"
    ));
    assert_eq!(pos(&e[2]), at(&text, "2.5", 0));
    assert!(e[2].to_string().contains(
        "`bake_minutes` in target `prod` must be an integer between 0 and 1440 (got a float)"
    ));
}

#[test]
fn invalid_choices_list_the_allowed_values() {
    let text = format!(
        "{}\n[rollback]\nmode = \"sometimes\"\non_failure = \"everything\"\n",
        BASE.replace("\"production\"", "\"prod\"")
            .replace("gate = \"manual\"", "gate = \"ask\"")
    );
    let e = errors(&text);
    assert_eq!(e.len(), 4, "{e:#?}");
    assert!(e[0].to_string().ends_with("`environment` in target `prod` must be \"dev\", \"staging\", \"canary\", \"production\" or \"other\" (got \"prod\")"));
    assert_eq!(pos(&e[0]), at(&text, "\"prod\"", 1));
    assert!(e[1]
        .to_string()
        .ends_with("`gate` in target `prod` must be \"automatic\" or \"manual\" (got \"ask\")"));
    assert!(e[2]
        .to_string()
        .ends_with("`mode` in [rollback] must be \"automatic\" or \"manual\" (got \"sometimes\")"));
    assert!(e[3].to_string().ends_with(
        "`on_failure` in [rollback] must be \"target\" or \"pipeline\" (got \"everything\")"
    ));
}

#[test]
fn values_out_of_range() {
    let text = format!(
        "{BASE}bake_minutes = 1441\nhealth = {{ max_error_rate = 1.5, max_p99_latency_ms = 0 }}\ncanary_steps = [{{ set_weight = 101 }}, {{ pause_minutes = 0 }}, {{ analysis = false }}]\n"
    );
    let e = errors(&text);
    assert_eq!(e.len(), 6, "{e:#?}");
    assert!(e[0]
        .to_string()
        .ends_with("`bake_minutes` in target `prod` must be between 0 and 1440 (got 1441)"));
    assert_eq!(pos(&e[0]), at(&text, "1441", 0));
    assert!(e[1].to_string().ends_with("`max_error_rate` in the health checks of target `prod` must be a fraction between 0 and 1 (0.01 means 1%) (got 1.5)"));
    assert_eq!(pos(&e[1]), at(&text, "1.5", 0));
    assert!(e[2]
        .to_string()
        .ends_with("must be between 1 and 600000 (got 0)"));
    assert!(e[3].to_string().ends_with(
        "`set_weight` in canary step 1 of target `prod` must be between 0 and 100 (got 101)"
    ));
    assert!(e[4].to_string().ends_with(
        "`pause_minutes` in canary step 2 of target `prod` must be between 1 and 1440 (got 0)"
    ));
    assert!(e[5]
        .to_string()
        .contains("`analysis` in canary step 3 of target `prod` must be true"));
}

#[test]
fn error_rate_rejects_negative_and_nan() {
    for bad in ["-0.1", "nan", "inf"] {
        let text = format!("{BASE}health = {{ max_error_rate = {bad} }}\n");
        let e = only(&text);
        assert!(matches!(e.kind, K::OutOfRange { .. }), "{bad}: {e}");
        assert_eq!(pos(&e), at(&text, bad, 0));
    }
    assert!(validate_str(&format!("{BASE}health = {{ max_error_rate = 0 }}\n")).is_ok());
    assert!(validate_str(&format!("{BASE}health = {{ max_error_rate = 1 }}\n")).is_ok());
}

#[test]
fn canary_weights_must_not_decrease() {
    let text = format!("{BASE}canary_steps = [{{ set_weight = 50 }}, {{ analysis = true }}, {{ set_weight = 20 }}]\n");
    let e = only(&text);
    assert_eq!(
        e.kind,
        K::CanaryWeightDecreasing {
            target: "prod".into(),
            step: 3,
            from: 50,
            to: 20
        }
    );
    assert_eq!(pos(&e), at(&text, "20", 0));
    assert!(e.to_string().contains("lowers the weight from 50% to 20%"));
    let equal = format!("{BASE}canary_steps = [{{ set_weight = 50 }}, {{ set_weight = 50 }}, {{ set_weight = 100 }}]\n");
    assert!(validate_str(&equal).is_ok());
}

#[test]
fn canary_step_needs_exactly_one_key() {
    let text = format!("{BASE}canary_steps = [{{ set_weight = 5, analysis = true }}, {{}}]\n");
    let e = errors(&text);
    assert_eq!(
        kinds(&e),
        vec![
            &K::CanaryStepShape {
                target: "prod".into(),
                step: 1,
                found: vec!["set_weight".into(), "analysis".into()]
            },
            &K::CanaryStepShape {
                target: "prod".into(),
                step: 2,
                found: vec![]
            },
        ]
    );
    assert!(e[1].to_string().contains("(found none)"));
    let tables = format!("{BASE}[[targets.canary_steps]]\nset_weight = 10\n[[targets.canary_steps]]\npause_minutes = 3\n");
    assert!(
        validate_str(&tables).is_ok(),
        "array-of-tables steps are accepted"
    );
}

#[test]
fn target_ids_must_be_usable_names() {
    for (id, reason) in [
        ("a b", "contains ' '"),
        ("-dev", "start with a letter or digit"),
        ("", "it is empty"),
    ] {
        let text = BASE
            .replace("id = \"dev\"", &format!("id = \"{id}\""))
            .replace("[\"dev\"]", &format!("[\"{id}\"]"));
        let e = errors(&text);
        assert!(matches!(&e[0].kind, K::InvalidId { .. }), "{id}: {e:#?}");
        assert!(e[0].to_string().contains(reason), "{}", e[0]);
        assert_eq!(pos(&e[0]), (4, 6));
    }
    let long = "x".repeat(65);
    let text = BASE
        .replace("id = \"dev\"", &format!("id = \"{long}\""))
        .replace("[\"dev\"]", &format!("[\"{long}\"]"));
    assert!(only(&text).to_string().contains("longer than 64"));
}

#[test]
fn datetimes_are_reported_as_a_type_not_a_crash() {
    let text = BASE.replace("service = \"shop\"", "service = 1979-05-27T07:32:00Z");
    assert!(only(&text)
        .to_string()
        .contains("must be a string (got a date/time)"));
}

#[test]
fn the_first_syntax_error_in_the_text_is_the_one_reported() {
    let e = only("service = \"shop\ntargets = 1\n");
    assert!(matches!(e.kind, K::Syntax { .. }));
    assert_eq!(e.pos.line, 1, "{e}");
}
