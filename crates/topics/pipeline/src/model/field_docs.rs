//! The config spec as data, so the panel can render "mandatory and optional
//! options" next to the editor (Airbnb's configs are checked against such a spec).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldDoc {
    /// Where the field lives, e.g. `targets[].health.max_error_rate`.
    pub path: &'static str,
    pub required: bool,
    /// The TOML type and allowed values.
    pub kind: &'static str,
    pub default: Option<&'static str>,
    pub description: &'static str,
}

const fn doc(
    path: &'static str,
    required: bool,
    kind: &'static str,
    default: Option<&'static str>,
    description: &'static str,
) -> FieldDoc {
    FieldDoc {
        path,
        required,
        kind,
        default,
        description,
    }
}

static FIELD_DOCS: [FieldDoc; 16] = [
    doc(
        "service",
        true,
        "string, 1–100 characters",
        None,
        "The service this pipeline deploys.",
    ),
    doc(
        "targets",
        true,
        "array of tables ([[targets]]), 1–5000",
        None,
        "The deploy targets; together they must form a DAG.",
    ),
    doc(
        "targets[].id",
        true,
        "string: letters, digits, - and _, starting with a letter or digit, ≤ 64",
        None,
        "Unique name other targets use in depends_on.",
    ),
    doc(
        "targets[].environment",
        false,
        "\"dev\" | \"staging\" | \"canary\" | \"production\" | \"other\"",
        Some("\"other\""),
        "What kind of environment the target is; canary and production serve real users.",
    ),
    doc(
        "targets[].depends_on",
        false,
        "array of target ids, ≤ 200",
        Some("[]"),
        "Targets that must succeed before this one may deploy.",
    ),
    doc(
        "targets[].gate",
        false,
        "\"automatic\" | \"manual\"",
        Some("\"automatic\""),
        "A manual gate waits for someone to approve before deploying.",
    ),
    doc(
        "targets[].bake_minutes",
        false,
        "integer 0–1440",
        Some("0"),
        "How long the new version serves at 100% under health checks before the target succeeds.",
    ),
    doc(
        "targets[].health",
        false,
        "table",
        Some("no checks"),
        "Health thresholds for the new version; a target without them cannot catch a bad build.",
    ),
    doc(
        "targets[].health.max_error_rate",
        false,
        "float 0–1 (fraction of failed requests)",
        Some("not checked"),
        "Fails the target when the new version's error rate is above this.",
    ),
    doc(
        "targets[].health.max_p99_latency_ms",
        false,
        "integer 1–600000",
        Some("not checked"),
        "Fails the target when the new version's p99 latency is above this.",
    ),
    doc(
        "targets[].canary_steps",
        false,
        "array of one-key tables, ≤ 32",
        Some("[] (plain rollout)"),
        "Argo-style steps, e.g. [{set_weight = 10}, {pause_minutes = 5}, {analysis = true}].",
    ),
    doc(
        "targets[].canary_steps[].set_weight",
        false,
        "integer 0–100, not below the previous weight",
        None,
        "Percent of the target's traffic sent to the new version.",
    ),
    doc(
        "targets[].canary_steps[].pause_minutes",
        false,
        "integer 1–1440",
        None,
        "Wait while users are on the current weight.",
    ),
    doc(
        "targets[].canary_steps[].analysis",
        false,
        "true",
        None,
        "Check health against the thresholds; a failure aborts and sets the weight back to 0.",
    ),
    doc(
        "rollback.mode",
        false,
        "\"automatic\" | \"manual\"",
        Some("\"automatic\""),
        "Automatic rolls a failed target back at once; manual waits for the Rollback button.",
    ),
    doc(
        "rollback.on_failure",
        false,
        "\"target\" | \"pipeline\"",
        Some("\"target\""),
        "What a failure rolls back: just the failed target, or every target the release touched.",
    ),
];

/// Every field of the spec, required ones first within each table.
pub fn field_docs() -> &'static [FieldDoc] {
    &FIELD_DOCS
}

pub const TOP_FIELDS: [&str; 3] = ["service", "targets", "rollback"];
pub const TARGET_FIELDS: [&str; 7] = [
    "id",
    "environment",
    "depends_on",
    "gate",
    "bake_minutes",
    "health",
    "canary_steps",
];
pub const HEALTH_FIELDS: [&str; 2] = ["max_error_rate", "max_p99_latency_ms"];
pub const CANARY_FIELDS: [&str; 3] = ["set_weight", "pause_minutes", "analysis"];
pub const ROLLBACK_FIELDS: [&str; 2] = ["mode", "on_failure"];

/// The closest known name within two edits, or one the input is a clear prefix
/// of, for "did you mean" hints. Short names need a closer match, or every
/// one-letter typo would "mean" some id.
pub fn suggest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = unknown.chars().count();
    known
        .into_iter()
        .filter_map(|k| {
            if len >= 4 && k.starts_with(unknown) {
                return Some((0, k));
            }
            let d = edit_distance(unknown, k);
            (d <= 2 && d * 3 <= k.chars().count().max(len)).then_some((d, k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance; names are short, and long inputs are cut off at 64 chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(64).collect();
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}
