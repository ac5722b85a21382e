//! The validation entry points: bytes or text in, a `Pipeline` or every error out.

use super::error::{ConfigError, ConfigErrorKind};
use super::graph::check_graph;
use super::issues::Issues;
use super::limits::{nesting_overflow, MAX_CONFIG_BYTES, MAX_NESTING};
use super::node;
use super::pipeline::Pipeline;
use super::position::{LineIndex, Pos, Span};
use super::schema::read_pipeline;
use super::spec::PipelineSpec;

/// Validates raw bytes, as a file upload or paste delivers them.
pub fn validate_bytes(bytes: &[u8]) -> Result<Pipeline, Vec<ConfigError>> {
    if let Some(e) = too_large(bytes.len()) {
        return Err(vec![e]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => validate_str(text),
        Err(e) => {
            let offset = e.valid_up_to();
            let prefix =
                std::str::from_utf8(bytes.get(..offset).unwrap_or_default()).unwrap_or_default();
            let pos = LineIndex::new(prefix).pos(offset);
            Err(vec![ConfigError {
                pos,
                span: Some(Span::new(offset, offset.saturating_add(1))),
                kind: ConfigErrorKind::NotUtf8 { offset },
            }])
        }
    }
}

/// Validates config text: size and nesting caps, TOML syntax, every field, then
/// the dependency graph. All field and graph errors come back together, in
/// source order; a TOML syntax error stops there, as toml reports only one.
pub fn validate_str(text: &str) -> Result<Pipeline, Vec<ConfigError>> {
    let (spec, mut issues) = read_spec(text)?;
    let graph = check_graph(&spec, text, &mut issues);
    if issues.is_empty() {
        Ok(Pipeline::from_dag(spec, graph.deps))
    } else {
        Err(issues.into_errors(text))
    }
}

/// Syntax and field checks only, without the graph (for tools and benchmarks
/// that time the stages separately).
pub fn parse_spec(text: &str) -> Result<PipelineSpec, Vec<ConfigError>> {
    let (spec, issues) = read_spec(text)?;
    if issues.is_empty() {
        Ok(spec)
    } else {
        Err(issues.into_errors(text))
    }
}

fn read_spec(text: &str) -> Result<(PipelineSpec, Issues), Vec<ConfigError>> {
    if let Some(e) = too_large(text.len()) {
        return Err(vec![e]);
    }
    if let Some(offset) = nesting_overflow(text, MAX_NESTING) {
        return Err(vec![ConfigError {
            pos: LineIndex::new(text).pos(offset),
            span: Some(Span::new(offset, offset.saturating_add(1))),
            kind: ConfigErrorKind::TooDeep { limit: MAX_NESTING },
        }]);
    }
    let doc = node::parse(text).map_err(|e| {
        let span = e.span().map(Span::from);
        vec![ConfigError {
            pos: span.map_or(Pos::START, |s| LineIndex::new(text).pos(s.start)),
            span,
            kind: ConfigErrorKind::Syntax {
                message: e.message().trim().replace('\n', "; "),
            },
        }]
    })?;
    let mut issues = Issues::default();
    let spec = read_pipeline(&doc, &mut issues);
    Ok((spec, issues))
}

/// Checks the dependency graph of a field-valid spec and orders it. `text` is the
/// source the spans point into (used only to place errors).
pub fn analyze(spec: PipelineSpec, text: &str) -> Result<Pipeline, Vec<ConfigError>> {
    let mut issues = Issues::default();
    let graph = check_graph(&spec, text, &mut issues);
    if issues.is_empty() {
        Ok(Pipeline::from_dag(spec, graph.deps))
    } else {
        Err(issues.into_errors(text))
    }
}

fn too_large(bytes: usize) -> Option<ConfigError> {
    (bytes > MAX_CONFIG_BYTES).then_some(ConfigError {
        pos: Pos::START,
        span: None,
        kind: ConfigErrorKind::TooLarge {
            bytes,
            limit: MAX_CONFIG_BYTES,
        },
    })
}
