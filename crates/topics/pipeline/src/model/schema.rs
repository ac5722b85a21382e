//! Reads the spanned TOML tree into a `PipelineSpec`, recording every field error
//! instead of stopping at the first, so the editor can mark them all at once.

use super::error::ConfigErrorKind as K;
use super::field_docs::{suggest, ROLLBACK_FIELDS, TOP_FIELDS};
use super::issues::Issues;
use super::limits::{MAX_SERVICE_CHARS, MAX_TARGETS};
use super::node::{Entry, Node, Spanned};
use super::position::Span;
use super::spec::{PipelineSpec, RollbackMode, RollbackPolicy, RollbackScope};
use super::target_schema::read_target;

/// Reads the document; fields with errors fall back to defaults so later checks
/// (ids, dependencies) still run on what could be read.
pub fn read_pipeline(doc: &[Entry], issues: &mut Issues) -> PipelineSpec {
    let mut service = None;
    let mut targets = Vec::new();
    let mut saw_targets = false;
    let mut rollback = RollbackPolicy::default();
    let top = "the top level";
    for entry in doc {
        let at = value_span(entry);
        match entry.key.as_str() {
            "service" => service = read_service(entry, issues),
            "targets" => {
                saw_targets = true;
                let Node::Array(items) = &entry.value.node else {
                    issues.push(
                        at,
                        wrong_type(
                            "targets",
                            top,
                            "an array of tables ([[targets]])",
                            &entry.value.node,
                        ),
                    );
                    continue;
                };
                if items.len() > MAX_TARGETS {
                    issues.push(
                        at,
                        K::TooMany {
                            what: "targets".to_owned(),
                            count: items.len(),
                            limit: MAX_TARGETS,
                        },
                    );
                }
                for (i, item) in items.iter().take(MAX_TARGETS).enumerate() {
                    if let Some(t) = read_target(i + 1, item, at, issues) {
                        targets.push(t);
                    }
                }
                if items.is_empty() {
                    issues.push(at, K::NoTargets);
                }
            }
            "rollback" => rollback = read_rollback(entry, issues),
            other => unknown(entry, other, top, &TOP_FIELDS, issues),
        }
    }
    if service.is_none() && !doc.iter().any(|e| e.key == "service") {
        issues.push(
            Some(Span::default()),
            K::MissingField {
                field: "service".to_owned(),
                context: top.to_owned(),
            },
        );
    }
    if !saw_targets {
        issues.push(Some(Span::default()), K::NoTargets);
    }
    PipelineSpec {
        service: service.unwrap_or_default(),
        targets,
        rollback,
    }
}

fn read_service(entry: &Entry, issues: &mut Issues) -> Option<String> {
    let at = value_span(entry);
    let Node::Str(s) = &entry.value.node else {
        issues.push(
            at,
            wrong_type("service", "the top level", "a string", &entry.value.node),
        );
        return None;
    };
    let reason = if s.trim().is_empty() {
        Some("it is empty".to_owned())
    } else if s.chars().count() > MAX_SERVICE_CHARS {
        Some(format!("it is longer than {MAX_SERVICE_CHARS} characters"))
    } else if s.chars().any(char::is_control) {
        Some("it contains a control character such as a newline or tab".to_owned())
    } else {
        None
    };
    match reason {
        Some(reason) => {
            issues.push(at, K::InvalidService { reason });
            None
        }
        None => Some(s.clone()),
    }
}

fn read_rollback(entry: &Entry, issues: &mut Issues) -> RollbackPolicy {
    let context = "[rollback]";
    let mut policy = RollbackPolicy::default();
    let Node::Table(fields) = &entry.value.node else {
        issues.push(
            value_span(entry),
            wrong_type("rollback", "the top level", "a table", &entry.value.node),
        );
        return policy;
    };
    for f in fields {
        match f.key.as_str() {
            "mode" => {
                if let Some(v) = choice(f, context, &["automatic", "manual"], issues) {
                    policy.mode = if v == "manual" {
                        RollbackMode::Manual
                    } else {
                        RollbackMode::Automatic
                    };
                }
            }
            "on_failure" => {
                if let Some(v) = choice(f, context, &["target", "pipeline"], issues) {
                    policy.on_failure = if v == "pipeline" {
                        RollbackScope::Pipeline
                    } else {
                        RollbackScope::Target
                    };
                }
            }
            other => unknown(f, other, context, &ROLLBACK_FIELDS, issues),
        }
    }
    policy
}

/// The span to report a value's errors at; implicit tables fall back to their key.
pub fn value_span(entry: &Entry) -> Option<Span> {
    entry.value.span.or(entry.key_span)
}

pub fn node_span(node: &Spanned, fallback: Option<Span>) -> Option<Span> {
    node.span.or(fallback)
}

pub fn wrong_type(field: &str, context: &str, expected: &str, found: &Node) -> K {
    K::WrongType {
        field: field.to_owned(),
        context: context.to_owned(),
        expected: expected.to_owned(),
        found: found.kind().to_owned(),
    }
}

pub fn unknown(
    entry: &Entry,
    key: &str,
    context: &str,
    known: &[&'static str],
    issues: &mut Issues,
) {
    issues.push(
        entry.key_span.or(entry.value.span),
        K::UnknownField {
            field: key.to_owned(),
            context: context.to_owned(),
            suggestion: suggest(key, known.iter().copied()).map(str::to_owned),
        },
    );
}

/// A string that must be one of `allowed`.
pub fn choice<'a>(
    entry: &Entry,
    context: &str,
    allowed: &[&'a str],
    issues: &mut Issues,
) -> Option<&'a str> {
    let at = value_span(entry);
    let Node::Str(s) = &entry.value.node else {
        issues.push(
            at,
            wrong_type(&entry.key, context, "a string", &entry.value.node),
        );
        return None;
    };
    let found = allowed.iter().find(|a| **a == s.as_str()).copied();
    if found.is_none() {
        issues.push(
            at,
            K::InvalidChoice {
                field: entry.key.clone(),
                context: context.to_owned(),
                value: s.chars().take(64).collect(),
                allowed: allowed.iter().map(|a| (*a).to_owned()).collect(),
            },
        );
    }
    found
}

/// An integer in `min..=max`, reported against `field` in `context`.
pub fn int_in(
    value: &Spanned,
    fallback: Option<Span>,
    field: &str,
    context: &str,
    min: i64,
    max: i64,
    issues: &mut Issues,
) -> Option<i64> {
    let at = node_span(value, fallback);
    match value.node {
        Node::Int(i) if (min..=max).contains(&i) => Some(i),
        Node::Int(i) => {
            issues.push(
                at,
                K::OutOfRange {
                    field: field.to_owned(),
                    context: context.to_owned(),
                    rule: format!("between {min} and {max}"),
                    got: i.to_string(),
                },
            );
            None
        }
        ref other => {
            issues.push(
                at,
                wrong_type(
                    field,
                    context,
                    &format!("an integer between {min} and {max}"),
                    other,
                ),
            );
            None
        }
    }
}
