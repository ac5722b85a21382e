//! Reads one `[[targets]]` table: id, environment, dependencies, gate, bake,
//! health thresholds and canary steps.

use super::canary_schema::read_canary;
use super::error::ConfigErrorKind as K;
use super::field_docs::{HEALTH_FIELDS, TARGET_FIELDS};
use super::issues::Issues;
use super::limits::{MAX_DEPENDENCIES, MAX_ID_CHARS, MAX_LATENCY_MS, MAX_MINUTES};
use super::node::{Entry, Node, Spanned};
use super::position::Span;
use super::schema::{choice, int_in, node_span, unknown, value_span, wrong_type};
use super::spec::{Dependency, EnvironmentKind, Gate, HealthChecks, TargetSpec};

/// Reads target number `n` (1-based); `None` when it has no usable id.
pub fn read_target(
    n: usize,
    item: &Spanned,
    fallback: Option<Span>,
    issues: &mut Issues,
) -> Option<TargetSpec> {
    let at = node_span(item, fallback);
    let Node::Table(fields) = &item.node else {
        issues.push(
            at,
            wrong_type(
                "targets",
                "the top level",
                "an array of tables ([[targets]])",
                &item.node,
            ),
        );
        return None;
    };
    let id_entry = fields.iter().find(|f| f.key == "id");
    let id = match id_entry.map(|e| (&e.value.node, value_span(e))) {
        Some((Node::Str(s), span)) => {
            if let Some(reason) = id_problem(s) {
                issues.push(
                    span,
                    K::InvalidId {
                        id: s.chars().take(80).collect(),
                        reason,
                    },
                );
            }
            Some((s.clone(), span.unwrap_or_default()))
        }
        Some((other, span)) => {
            issues.push(
                span,
                wrong_type("id", &format!("target #{n}"), "a string", other),
            );
            None
        }
        None => {
            issues.push(
                at,
                K::MissingField {
                    field: "id".to_owned(),
                    context: format!("target #{n}"),
                },
            );
            None
        }
    };
    let context = match &id {
        Some((s, _)) => format!("target `{s}`"),
        None => format!("target #{n}"),
    };
    let mut t = TargetSpec::new(String::new(), EnvironmentKind::Other);
    for f in fields {
        match f.key.as_str() {
            "id" => {}
            "environment" => {
                let names = EnvironmentKind::ALL.map(EnvironmentKind::name);
                if let Some(kind) =
                    choice(f, &context, &names, issues).and_then(EnvironmentKind::from_name)
                {
                    t.environment = kind;
                }
            }
            "depends_on" => t.depends_on = read_dependencies(f, &context, issues),
            "gate" => {
                if choice(f, &context, &["automatic", "manual"], issues) == Some("manual") {
                    t.gate = Gate::Manual;
                }
            }
            "bake_minutes" => {
                let v = int_in(
                    &f.value,
                    f.key_span,
                    "bake_minutes",
                    &context,
                    0,
                    i64::from(MAX_MINUTES),
                    issues,
                );
                t.bake_minutes = v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0);
            }
            "health" => t.health = Some(read_health(f, &context, issues)),
            "canary_steps" => {
                t.canary_steps = read_canary(f, &context, id.as_ref().map_or("?", |i| &i.0), issues)
            }
            other => unknown(f, other, &context, &TARGET_FIELDS, issues),
        }
    }
    let (id, id_span) = id?;
    t.id = id;
    t.id_span = id_span;
    Some(t)
}

/// Why an id is unusable, if it is: ids become GitHub Actions job names and URL parts.
pub fn id_problem(id: &str) -> Option<String> {
    let mut chars = id.chars();
    match chars.next() {
        None => return Some("it is empty".to_owned()),
        Some(c) if !c.is_ascii_alphanumeric() => {
            return Some("it must start with a letter or digit".to_owned())
        }
        _ => {}
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Some(format!("it is longer than {MAX_ID_CHARS} characters"));
    }
    if let Some(bad) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Some(format!(
            "it contains {bad:?}; use only letters, digits, - and _"
        ));
    }
    None
}

fn read_dependencies(f: &Entry, context: &str, issues: &mut Issues) -> Vec<Dependency> {
    let at = value_span(f);
    let Node::Array(items) = &f.value.node else {
        issues.push(
            at,
            wrong_type(
                "depends_on",
                context,
                "an array of target ids",
                &f.value.node,
            ),
        );
        return Vec::new();
    };
    if items.len() > MAX_DEPENDENCIES {
        issues.push(
            at,
            K::TooMany {
                what: format!("dependencies in {context}"),
                count: items.len(),
                limit: MAX_DEPENDENCIES,
            },
        );
    }
    let mut deps = Vec::with_capacity(items.len().min(MAX_DEPENDENCIES));
    for item in items.iter().take(MAX_DEPENDENCIES) {
        let span = node_span(item, at);
        match &item.node {
            Node::Str(s) => deps.push(Dependency {
                id: s.clone(),
                span: span.unwrap_or_default(),
            }),
            other => issues.push(
                span,
                wrong_type(
                    "depends_on",
                    context,
                    "an array of target ids (strings)",
                    other,
                ),
            ),
        }
    }
    deps
}

fn read_health(f: &Entry, context: &str, issues: &mut Issues) -> HealthChecks {
    let mut health = HealthChecks::default();
    let Node::Table(fields) = &f.value.node else {
        issues.push(
            value_span(f),
            wrong_type("health", context, "a table", &f.value.node),
        );
        return health;
    };
    let context = format!("the health checks of {context}");
    for h in fields {
        let at = value_span(h);
        match h.key.as_str() {
            "max_error_rate" => match h.value.node {
                Node::Float(x) if (0.0..=1.0).contains(&x) => health.max_error_rate = Some(x),
                Node::Int(i) if (0..=1).contains(&i) => health.max_error_rate = Some(i as f64),
                Node::Float(x) => issues.push(
                    at,
                    out_of_range(
                        "max_error_rate",
                        &context,
                        "a fraction between 0 and 1 (0.01 means 1%)",
                        super::decimal::Shown(x).to_string(),
                    ),
                ),
                Node::Int(i) => issues.push(
                    at,
                    out_of_range(
                        "max_error_rate",
                        &context,
                        "a fraction between 0 and 1 (0.01 means 1%)",
                        i.to_string(),
                    ),
                ),
                ref other => issues.push(
                    at,
                    wrong_type(
                        "max_error_rate",
                        &context,
                        "a number between 0 and 1",
                        other,
                    ),
                ),
            },
            "max_p99_latency_ms" => {
                let v = int_in(
                    &h.value,
                    h.key_span,
                    "max_p99_latency_ms",
                    &context,
                    1,
                    i64::from(MAX_LATENCY_MS),
                    issues,
                );
                health.max_p99_latency_ms = v.and_then(|v| u32::try_from(v).ok());
            }
            other => unknown(h, other, &context, &HEALTH_FIELDS, issues),
        }
    }
    health
}

pub(super) fn out_of_range(field: &str, context: &str, rule: &str, got: String) -> K {
    K::OutOfRange {
        field: field.to_owned(),
        context: context.to_owned(),
        rule: rule.to_owned(),
        got,
    }
}
