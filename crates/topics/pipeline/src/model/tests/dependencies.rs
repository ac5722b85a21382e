//! Dependency rules: duplicate and unknown ids, self-dependencies, cycles,
//! unreachable targets, and collecting every error at once.

use super::super::error::{Blocker, ConfigErrorKind as K};
use super::super::presets::Preset;
use super::{at, errors, only, pos, BASE};

#[test]
fn duplicate_target_ids_point_at_both() {
    let text = format!("{BASE}\n[[targets]]\nid = \"dev\"\n");
    let e = only(&text);
    let (line, column) = at(&text, "\"dev\"", 0);
    assert_eq!(pos(&e), at(&text, "\"dev\"", 3));
    assert_eq!(e.to_string(), format!("line {}, column 6: duplicate target id `dev` (first defined at line {line}, column {column})", pos(&e).0));
}

#[test]
fn unknown_self_and_duplicate_dependencies() {
    let text = BASE
        .replace(
            "depends_on = [\"dev\"]",
            "depends_on = [\"stagin\", \"staging\"]",
        )
        .replace(
            "depends_on = [\"staging\"]",
            "depends_on = [\"dev\", \"dev\"]",
        );
    let e = errors(&text);
    assert_eq!(e.len(), 3, "{e:#?}");
    assert_eq!(e[0].to_string(), format!("line {}, column 15: target `staging` depends on `stagin`, which is not a target in this pipeline (did you mean `staging`?)", at(&text, "\"stagin\"", 0).0));
    assert_eq!(
        e[1].kind,
        K::SelfDependency {
            target: "staging".into()
        }
    );
    assert_eq!(pos(&e[1]), at(&text, "\"staging\"", 2));
    assert_eq!(
        e[2].kind,
        K::DuplicateDependency {
            target: "prod".into(),
            dependency: "dev".into()
        }
    );
    assert_eq!(pos(&e[2]), at(&text, "\"dev\"", 3));
}

#[test]
fn short_ids_get_no_far_fetched_suggestion() {
    let text = BASE.replace("depends_on = [\"dev\"]", "depends_on = [\"x\"]");
    assert!(matches!(
        &errors(&text)[0].kind,
        K::UnknownDependency {
            suggestion: None,
            ..
        }
    ));
}

#[test]
fn cycle_is_named_in_dependency_order_at_its_first_edge() {
    let text = Preset::BrokenCycle.toml();
    let e = errors(text);
    assert_eq!(
        e[0].kind,
        K::Cycle {
            path: vec![
                "staging".into(),
                "production".into(),
                "canary".into(),
                "staging".into()
            ]
        }
    );
    assert_eq!(pos(&e[0]), at(text, "\"production\"", 0));
    assert!(e[0]
        .to_string()
        .contains("dependency cycle: staging → production → canary → staging"));
    // smoke-test waits on production, which is in the cycle.
    assert_eq!(
        e[1].kind,
        K::Unreachable {
            target: "smoke-test".into(),
            via: "production".into(),
            root: "production".into(),
            blocker: Blocker::Cycle
        }
    );
    assert_eq!(pos(&e[1]), at(text, "\"smoke-test\"", 0));
    assert_eq!(e.len(), 2);
}

#[test]
fn two_cycles_two_errors_and_a_two_cycle() {
    let text = r#"service = "s"
[[targets]]
id = "a"
depends_on = ["b"]
[[targets]]
id = "b"
depends_on = ["a"]
[[targets]]
id = "c"
depends_on = ["d"]
[[targets]]
id = "d"
depends_on = ["e"]
[[targets]]
id = "e"
depends_on = ["c"]
"#;
    let e = errors(text);
    let cycles: Vec<_> = e
        .iter()
        .filter_map(|e| match &e.kind {
            K::Cycle { path } => Some(path.join(" → ")),
            _ => None,
        })
        .collect();
    assert_eq!(cycles, vec!["a → b → a", "c → d → e → c"]);
}

#[test]
fn unreachable_names_the_dependency_and_the_root_cause() {
    let text = format!(
        "{}\n[[targets]]\nid = \"verify\"\ndepends_on = [\"prod\"]\n",
        BASE.replace("depends_on = [\"dev\"]", "depends_on = [\"qa\"]")
    );
    let e = errors(&text);
    assert!(matches!(&e[0].kind, K::UnknownDependency { dependency, .. } if dependency == "qa"));
    assert_eq!(
        e[1].kind,
        K::Unreachable {
            target: "prod".into(),
            via: "staging".into(),
            root: "staging".into(),
            blocker: Blocker::UnknownDependency
        }
    );
    assert_eq!(
        e[2].kind,
        K::Unreachable {
            target: "verify".into(),
            via: "prod".into(),
            root: "staging".into(),
            blocker: Blocker::UnknownDependency
        }
    );
    assert_eq!(e[2].to_string(), format!("line {}, column 6: target `verify` can never deploy: it depends on `prod`, which waits on `staging`, and `staging` depends on a target that does not exist", at(&text, "\"verify\"", 0).0));
    let selfdep = BASE.replace("depends_on = [\"dev\"]", "depends_on = [\"staging\"]");
    let e = errors(&selfdep);
    assert_eq!(
        e[1].kind,
        K::Unreachable {
            target: "prod".into(),
            via: "staging".into(),
            root: "staging".into(),
            blocker: Blocker::SelfDependency
        }
    );
}

#[test]
fn all_errors_are_collected_in_source_order() {
    let text = r#"service = ""
extra = 1
[[targets]]
id = "a"
environment = "moon"
depends_on = ["nope"]
[[targets]]
id = "a"
bake_minutes = -3
"#;
    let e = errors(text);
    assert_eq!(e.len(), 6, "{e:#?}");
    let lines: Vec<u32> = e.iter().map(|e| e.pos.line).collect();
    assert_eq!(lines, vec![1, 2, 5, 6, 8, 9]);
    assert!(matches!(e[0].kind, K::InvalidService { .. }));
    assert!(matches!(e[4].kind, K::DuplicateTarget { .. }));
}

#[test]
fn error_list_is_capped_with_a_count() {
    let deps: Vec<String> = (0..200).map(|i| format!("\"missing{i}\"")).collect();
    let mut text = String::from("service = \"s\"\n");
    for t in 0..2 {
        text.push_str(&format!(
            "[[targets]]\nid = \"t{t}\"\ndepends_on = [{}]\n",
            deps.join(", ")
        ));
    }
    let e = errors(&text);
    assert_eq!(e.len(), 201);
    assert_eq!(e[200].kind, K::MoreErrors { count: 200 });
}
