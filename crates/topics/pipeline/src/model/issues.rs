//! Errors gathered with byte spans during validation, given line:column at the end.

use super::error::{ConfigError, ConfigErrorKind};
use super::position::{LineIndex, Pos, Span};

/// Beyond this many errors the rest are summarised; a broken 1 MB paste could
/// otherwise produce hundreds of thousands of messages.
pub const MAX_ERRORS: usize = 200;

#[derive(Default)]
pub struct Issues {
    list: Vec<(Option<Span>, ConfigErrorKind)>,
    dropped: usize,
}

impl Issues {
    pub fn push(&mut self, span: Option<Span>, kind: ConfigErrorKind) {
        if self.list.len() < MAX_ERRORS {
            self.list.push((span, kind));
        } else {
            self.dropped += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many errors so far, counting those past the cap.
    pub fn count(&self) -> usize {
        self.list.len() + self.dropped
    }

    /// The errors in source order, each with its line and column.
    pub fn into_errors(self, text: &str) -> Vec<ConfigError> {
        let index = LineIndex::new(text);
        let mut errors: Vec<ConfigError> = self
            .list
            .into_iter()
            .map(|(span, kind)| ConfigError {
                pos: span.map_or(Pos::START, |s| index.pos(s.start)),
                span,
                kind,
            })
            .collect();
        errors.sort_by_key(|e| e.pos);
        if self.dropped > 0 {
            let pos = errors.last().map_or(Pos::START, |e| e.pos);
            errors.push(ConfigError {
                pos,
                span: None,
                kind: ConfigErrorKind::MoreErrors {
                    count: self.dropped,
                },
            });
        }
        errors
    }
}
