//! Config errors: each one says where (1-based line:column) and what to change.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::position::{Pos, Span};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfigError {
    pub pos: Pos,
    /// The bytes to underline in the editor, when known.
    pub span: Option<Span>,
    pub kind: ConfigErrorKind,
}

/// Why a dependency can never be satisfied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Blocker {
    Cycle,
    SelfDependency,
    UnknownDependency,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ConfigErrorKind {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NotUtf8 {
        offset: usize,
    },
    TooDeep {
        limit: usize,
    },
    Syntax {
        message: String,
    },
    UnknownField {
        field: String,
        context: String,
        suggestion: Option<String>,
    },
    MissingField {
        field: String,
        context: String,
    },
    WrongType {
        field: String,
        context: String,
        expected: String,
        found: String,
    },
    InvalidChoice {
        field: String,
        context: String,
        value: String,
        allowed: Vec<String>,
    },
    OutOfRange {
        field: String,
        context: String,
        rule: String,
        got: String,
    },
    InvalidId {
        id: String,
        reason: String,
    },
    InvalidService {
        reason: String,
    },
    NoTargets,
    /// Errors past the listing cap, counted but not shown.
    MoreErrors {
        count: usize,
    },
    TooMany {
        what: String,
        count: usize,
        limit: usize,
    },
    CanaryStepShape {
        target: String,
        step: usize,
        found: Vec<String>,
    },
    CanaryWeightDecreasing {
        target: String,
        step: usize,
        from: u8,
        to: u8,
    },
    DuplicateTarget {
        id: String,
        first: Pos,
    },
    DuplicateDependency {
        target: String,
        dependency: String,
    },
    UnknownDependency {
        target: String,
        dependency: String,
        suggestion: Option<String>,
    },
    SelfDependency {
        target: String,
    },
    /// Each target in `path` depends on the next; the last repeats the first.
    Cycle {
        path: Vec<String>,
    },
    /// `target` can never deploy: its dependency `via` leads to `root`, which is
    /// blocked for the reason given.
    Unreachable {
        target: String,
        via: String,
        root: String,
        blocker: Blocker,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.pos.line, self.pos.column, self.kind
        )
    }
}

fn or_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| format!("\"{s}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

impl fmt::Display for ConfigErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ConfigErrorKind as K;
        match self {
            K::TooLarge { bytes, limit } => write!(
                f,
                "the config is {bytes} bytes; the limit is {limit} bytes (1 MiB), so it was not parsed"
            ),
            K::NotUtf8 { offset } => write!(
                f,
                "the config is not valid UTF-8 text (bad byte at offset {offset}); save it as UTF-8"
            ),
            K::TooDeep { limit } => write!(
                f,
                "tables and arrays are nested more than {limit} levels deep; a pipeline needs at most 5"
            ),
            K::Syntax { message } => write!(f, "TOML syntax error: {message}"),
            K::UnknownField { field, context, suggestion } => {
                write!(f, "unknown field `{field}` in {context}")?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean `{s}`?)"),
                    None => Ok(()),
                }
            }
            K::MissingField { field, context } => {
                write!(f, "missing required field `{field}` in {context}")
            }
            K::WrongType { field, context, expected, found } => {
                write!(f, "`{field}` in {context} must be {expected} (got {found})")
            }
            K::InvalidChoice { field, context, value, allowed } => write!(
                f,
                "`{field}` in {context} must be {} (got \"{value}\")",
                or_list(allowed)
            ),
            K::OutOfRange { field, context, rule, got } => {
                write!(f, "`{field}` in {context} must be {rule} (got {got})")
            }
            K::InvalidId { id, reason } => write!(f, "target id \"{id}\" is not valid: {reason}"),
            K::InvalidService { reason } => write!(f, "`service` is not valid: {reason}"),
            K::NoTargets => write!(f, "the pipeline has no targets; add at least one [[targets]] table"),
            K::MoreErrors { count } => {
                write!(f, "… and {count} more errors not shown; fix the ones above first")
            }
            K::TooMany { what, count, limit } => {
                write!(f, "too many {what} ({count}); the limit is {limit}")
            }
            K::CanaryStepShape { target, step, found } => write!(
                f,
                "canary step {step} of target `{target}` must set exactly one of `set_weight`, `pause_minutes` or `analysis` (found {})",
                if found.is_empty() { "none".to_owned() } else { found.join(", ") }
            ),
            K::CanaryWeightDecreasing { target, step, from, to } => write!(
                f,
                "canary step {step} of target `{target}` lowers the weight from {from}% to {to}%; weights must not decrease (a failed analysis is what sends traffic back to 0)"
            ),
            K::DuplicateTarget { id, first } => write!(
                f,
                "duplicate target id `{id}` (first defined at line {}, column {})",
                first.line, first.column
            ),
            K::DuplicateDependency { target, dependency } => {
                write!(f, "target `{target}` lists `{dependency}` in depends_on more than once")
            }
            K::UnknownDependency { target, dependency, suggestion } => {
                write!(f, "target `{target}` depends on `{dependency}`, which is not a target in this pipeline")?;
                match suggestion {
                    Some(s) => write!(f, " (did you mean `{s}`?)"),
                    None => Ok(()),
                }
            }
            K::SelfDependency { target } => write!(
                f,
                "target `{target}` depends on itself; remove `{target}` from its depends_on"
            ),
            K::Cycle { path } => write!(
                f,
                "dependency cycle: {} (each target depends on the next, so none of them can ever deploy); a pipeline must be a DAG",
                path.join(" → ")
            ),
            K::Unreachable { target, via, root, blocker } => {
                let why = match blocker {
                    Blocker::Cycle => format!("`{root}` is in a dependency cycle"),
                    Blocker::SelfDependency => format!("`{root}` depends on itself"),
                    Blocker::UnknownDependency => format!("`{root}` depends on a target that does not exist"),
                };
                if via == root {
                    write!(f, "target `{target}` can never deploy: it depends on `{via}`, and {why}")
                } else {
                    write!(f, "target `{target}` can never deploy: it depends on `{via}`, which waits on `{root}`, and {why}")
                }
            }
        }
    }
}
