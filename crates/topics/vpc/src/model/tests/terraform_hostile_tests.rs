//! Hostile ids through the Terraform export, checked by a real HCL parser
//! (issue 15): every quoted name parses back to exactly the id, templates
//! (`${…}`, `%{…}`) stay literal, and no id adds a resource or a line.

use std::collections::BTreeMap;

use hcl::eval::{Context, Evaluate};
use hcl::{Block, Body, Expression};
use proptest::prelude::*;
use serde_json::Value;

use super::super::*;

/// The article's layout with every id replaced by `make(old_id)`, references
/// included, and its internet gateway deleted so a route turns blackhole.
fn renamed_article(make: &dyn Fn(&str) -> String) -> (Network, BTreeMap<String, String>) {
    let net = PresetId::Article.build();
    let ids: Vec<String> = net
        .vpcs
        .iter()
        .map(|v| v.id.clone())
        .chain(net.subnets.iter().map(|v| v.id.clone()))
        .chain(net.route_tables.iter().map(|v| v.id.clone()))
        .chain(net.internet_gateways.iter().map(|v| v.id.clone()))
        .chain(net.nat_gateways.iter().map(|v| v.id.clone()))
        .chain(net.instances.iter().map(|v| v.id.clone()))
        .chain(net.security_groups.iter().map(|v| v.id.clone()))
        .chain(net.network_acls.iter().map(|v| v.id.clone()))
        .collect();
    let map: BTreeMap<String, String> = ids.iter().map(|id| (id.clone(), make(id))).collect();
    fn walk(v: &mut Value, map: &BTreeMap<String, String>) {
        match v {
            Value::String(s) => {
                if let Some(new) = map.get(s.as_str()) {
                    *s = new.clone();
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|x| walk(x, map)),
            Value::Object(o) => o.values_mut().for_each(|x| walk(x, map)),
            _ => {}
        }
    }
    let mut json = serde_json::to_value(&net).unwrap();
    walk(&mut json, &map);
    let mut renamed: Network = serde_json::from_value(json).unwrap();
    renamed.internet_gateways.clear();
    (renamed, map)
}

/// The literal value of a quoted string, evaluating escapes the way
/// Terraform does; fails if the string holds a live template sequence.
fn literal(expr: &Expression) -> String {
    match expr {
        Expression::String(s) => s.clone(),
        Expression::TemplateExpr(t) => match t.evaluate(&Context::new()) {
            Ok(hcl::Value::String(s)) => s,
            other => panic!("template {t:?} evaluated to {other:?}"),
        },
        other => panic!("not a string: {other:?}"),
    }
}

/// Every `Name` tag and security group `name` in the body, in order.
fn names(body: &Body) -> Vec<String> {
    let mut out = Vec::new();
    for block in body.blocks() {
        collect(block, &mut out);
    }
    out
}

fn collect(block: &Block, out: &mut Vec<String>) {
    for attr in block.body.attributes() {
        match (attr.key.as_str(), &attr.expr) {
            ("name", e)
                if block.labels.first().map(|l| l.as_str()) == Some("aws_security_group") =>
            {
                out.push(literal(e));
            }
            ("tags", Expression::Object(o)) => {
                for (k, v) in o {
                    if format!("{k:?}").contains("Name") {
                        out.push(literal(v));
                    }
                }
            }
            _ => {}
        }
    }
}

fn check(make: &dyn Fn(&str) -> String) {
    let (plain, _) = renamed_article(&|id| id.to_string());
    let (net, map) = renamed_article(make);
    let expected_text = to_terraform(&plain);
    let text = to_terraform(&net);
    let expected: Body = hcl::parse(&expected_text).expect("plain export parses");
    let body: Body = hcl::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(body.blocks().count(), expected.blocks().count(), "{text}");
    assert_eq!(
        text.lines().count(),
        expected_text.lines().count(),
        "{text}"
    );
    let want: Vec<String> = names(&expected)
        .iter()
        .map(|n| map.get(n).cloned().unwrap_or_else(|| n.clone()))
        .collect();
    assert_eq!(names(&body), want);
}

const HOSTILE: &[&str] = &[
    "${file(\"/etc/passwd\")}",
    "%{ for x in [1] }${x}%{ endfor }",
    "$${literal}",
    "a\"b\\c",
    "\\",
    "{{ secrets.TOKEN }}",
    "x\n}\nresource \"aws_s3_bucket\" \"evil\" {\n",
    "tab\there\rcr\u{7}bell",
    "Ωmega-名前-🚀",
];

#[test]
fn hostile_ids_export_as_their_literal_text() {
    for (k, h) in HOSTILE.iter().enumerate() {
        check(&|id| format!("{h}{k}-{id}"));
    }
}

#[test]
fn a_deleted_target_with_a_hostile_id_stays_inside_its_comment() {
    let (net, _) = renamed_article(&|id| format!("{id}\nresource \"x\" \"y\" {{}}"));
    let text = to_terraform(&net);
    let blackholes: Vec<&str> = text.lines().filter(|l| l.contains("# blackhole")).collect();
    assert!(!blackholes.is_empty());
    assert!(!text.contains("resource \"x\""), "{text}");
}

#[test]
fn validation_refuses_control_characters_in_ids() {
    let mut net = PresetId::Article.build();
    net.vpcs[0].id.push('\n');
    let err = validate(&net).unwrap_err();
    assert!(err.to_string().contains("control characters"), "{err}");
    let mut net = PresetId::Article.build();
    net.subnets[0].az.push('\t');
    assert!(validate(&net).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_id_exports_as_its_literal_text(
        // Up to 64 bytes of anything, weighted towards HCL's special characters.
        raw in proptest::collection::vec(
            prop_oneof![
                Just('$'), Just('%'), Just('{'), Just('}'), Just('"'), Just('\\'),
                Just('\n'), Just('#'), any::<char>(),
            ],
            1..16,
        )
    ) {
        let h: String = raw.into_iter().collect();
        check(&|id| format!("{h}|{id}"));
    }
}
