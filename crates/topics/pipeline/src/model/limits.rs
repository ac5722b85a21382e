//! Caps on what a pasted config may be, checked before any parsing work.

/// Configs above 1 MiB are refused before parsing, so a 10 MB paste costs nothing.
pub const MAX_CONFIG_BYTES: usize = 1 << 20;
/// Tables and arrays nested deeper than this are refused before parsing; a real
/// pipeline needs five levels (targets → target → canary_steps → step → value).
pub const MAX_NESTING: usize = 32;
pub const MAX_TARGETS: usize = 5000;
pub const MAX_DEPENDENCIES: usize = 200;
pub const MAX_CANARY_STEPS: usize = 32;
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_SERVICE_CHARS: usize = 100;
/// A day: longer bakes or pauses belong to a different process than a deploy.
pub const MAX_MINUTES: u32 = 1440;
/// Ten minutes: a p99 above that is an outage, not a threshold.
pub const MAX_LATENCY_MS: u32 = 600_000;

/// Where the text first nests deeper than `limit`, as a byte offset.
///
/// A lexical scan, not a parse: it counts header and dotted-key segments plus
/// `[`/`{` nesting outside strings and comments. toml's own recursion limit covers
/// brackets but not `[a.b.c....]` headers, whose depth would otherwise reach the
/// recursive tree walk.
pub fn nesting_overflow(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut stack: Vec<u8> = Vec::new();
    let mut header_depth = 0usize;
    let mut in_header = false;
    let mut in_key = true;
    let mut line_start = true;
    let mut dots = 0usize;
    while let Some(&b) = bytes.get(i) {
        let depth = header_depth + stack.len() + dots;
        if depth > limit {
            return Some(i);
        }
        match b {
            b'#' => {
                i = skip_until(bytes, i, b"\n");
                continue;
            }
            b'"' | b'\'' => {
                let triple = [b, b, b];
                i = if bytes.get(i..i + 3) == Some(&triple[..]) {
                    skip_until(bytes, i + 3, &triple)
                } else {
                    skip_string(bytes, i + 1, b)
                };
                line_start = false;
                continue;
            }
            b'\n' => {
                if stack.is_empty() {
                    in_key = true;
                    in_header = false;
                    dots = 0;
                    line_start = true;
                }
            }
            b'[' if stack.is_empty() && line_start => {
                in_header = true;
                in_key = true;
                header_depth = if bytes.get(i + 1) == Some(&b'[') {
                    2
                } else {
                    1
                };
                dots = 0;
                line_start = false;
            }
            b'[' | b'{' if !in_header => {
                stack.push(b);
                in_key = b == b'{';
                dots = 0;
            }
            b']' | b'}' if !in_header => {
                stack.pop();
            }
            b',' if stack.last() == Some(&b'{') => {
                in_key = true;
                dots = 0;
            }
            b'=' if in_key => in_key = false,
            b'.' if in_key => {
                if in_header {
                    header_depth += 1;
                } else {
                    dots += 1;
                }
            }
            b' ' | b'\t' | b'\r' => {}
            _ => line_start = false,
        }
        i += 1;
    }
    None
}

/// The index just past the closing quote of a one-line string (or the line end).
fn skip_string(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' if quote == b'"' => i += 2,
            b'\n' => return i,
            _ if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// The index of `end` (or of its end, for quotes), or the text's length.
fn skip_until(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    let mut i = from;
    while i < bytes.len() {
        if end.first() == Some(&b'"') && bytes.get(i) == Some(&b'\\') {
            i += 2;
            continue;
        }
        if bytes.get(i..i + end.len()) == Some(end) {
            return if end == b"\n" { i } else { i + end.len() };
        }
        i += 1;
    }
    bytes.len()
}
