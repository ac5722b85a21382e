//! Reads a target's `canary_steps`: Argo-style one-key steps whose weights
//! never go down.

use super::error::ConfigErrorKind as K;
use super::field_docs::CANARY_FIELDS;
use super::issues::Issues;
use super::limits::{MAX_CANARY_STEPS, MAX_MINUTES};
use super::node::{Entry, Node};
use super::schema::{int_in, node_span, unknown, value_span, wrong_type};
use super::spec::CanaryStep;
use super::target_schema::out_of_range;

pub(super) fn read_canary(
    f: &Entry,
    context: &str,
    target: &str,
    issues: &mut Issues,
) -> Vec<CanaryStep> {
    let at = value_span(f);
    let Node::Array(items) = &f.value.node else {
        issues.push(
            at,
            wrong_type(
                "canary_steps",
                context,
                "an array of steps such as [{set_weight = 10}, {analysis = true}]",
                &f.value.node,
            ),
        );
        return Vec::new();
    };
    if items.len() > MAX_CANARY_STEPS {
        issues.push(
            at,
            K::TooMany {
                what: format!("canary steps in {context}"),
                count: items.len(),
                limit: MAX_CANARY_STEPS,
            },
        );
    }
    let mut steps = Vec::new();
    let mut last_weight: Option<u8> = None;
    for (i, item) in items.iter().take(MAX_CANARY_STEPS).enumerate() {
        let n = i + 1;
        let span = node_span(item, at);
        let step_context = format!("canary step {n} of {context}");
        let Node::Table(keys) = &item.node else {
            issues.push(
                span,
                wrong_type(
                    "canary_steps",
                    context,
                    "an array of one-key tables",
                    &item.node,
                ),
            );
            continue;
        };
        let known: Vec<&Entry> = keys
            .iter()
            .filter(|k| CANARY_FIELDS.contains(&k.key.as_str()))
            .collect();
        for k in keys
            .iter()
            .filter(|k| !CANARY_FIELDS.contains(&k.key.as_str()))
        {
            unknown(k, &k.key, &step_context, &CANARY_FIELDS, issues);
        }
        let [only] = known.as_slice() else {
            if !known.is_empty() || keys.is_empty() {
                let found = known.iter().map(|k| k.key.clone()).collect();
                issues.push(
                    span,
                    K::CanaryStepShape {
                        target: target.to_owned(),
                        step: n,
                        found,
                    },
                );
            }
            continue;
        };
        let step = match only.key.as_str() {
            "set_weight" => int_in(
                &only.value,
                only.key_span,
                "set_weight",
                &step_context,
                0,
                100,
                issues,
            )
            .and_then(|w| u8::try_from(w).ok())
            .map(CanaryStep::SetWeight),
            "pause_minutes" => int_in(
                &only.value,
                only.key_span,
                "pause_minutes",
                &step_context,
                1,
                i64::from(MAX_MINUTES),
                issues,
            )
            .and_then(|m| u32::try_from(m).ok())
            .map(CanaryStep::PauseMinutes),
            _ => match only.value.node {
                Node::Bool(true) => Some(CanaryStep::Analysis),
                Node::Bool(false) => {
                    issues.push(
                        value_span(only),
                        out_of_range(
                            "analysis",
                            &step_context,
                            "true (remove the step to skip analysis)",
                            "false".to_owned(),
                        ),
                    );
                    None
                }
                ref other => {
                    issues.push(
                        value_span(only),
                        wrong_type("analysis", &step_context, "true", other),
                    );
                    None
                }
            },
        };
        if let Some(CanaryStep::SetWeight(w)) = step {
            if let Some(prev) = last_weight.filter(|p| w < *p) {
                issues.push(
                    value_span(only),
                    K::CanaryWeightDecreasing {
                        target: target.to_owned(),
                        step: n,
                        from: prev,
                        to: w,
                    },
                );
            }
            last_weight = Some(w);
        }
        steps.extend(step);
    }
    steps
}
