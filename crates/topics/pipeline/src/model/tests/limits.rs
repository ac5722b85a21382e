//! Caps that run before parsing: size, encoding, nesting; and position maths.

use super::super::error::ConfigErrorKind as K;
use super::super::limits::{nesting_overflow, MAX_CONFIG_BYTES, MAX_NESTING};
use super::super::position::{LineIndex, Pos};
use super::super::validate::{validate_bytes, validate_str};
use super::{only, pos, BASE};

#[test]
fn ten_megabytes_are_refused_without_parsing() {
    let huge = "#".repeat(10 * 1024 * 1024);
    let e = only(&huge);
    assert_eq!(
        e.kind,
        K::TooLarge {
            bytes: 10 * 1024 * 1024,
            limit: MAX_CONFIG_BYTES
        }
    );
    assert_eq!(pos(&e), (1, 1));
    assert!(e.to_string().contains("limit is 1048576 bytes (1 MiB)"));
    // Bytes too: the size check comes before the UTF-8 check.
    let mut bytes = vec![0xffu8; MAX_CONFIG_BYTES + 1];
    bytes[0] = b'#';
    let e = validate_bytes(&bytes).unwrap_err();
    assert!(matches!(e[0].kind, K::TooLarge { .. }));
}

#[test]
fn exactly_one_mebibyte_is_parsed() {
    let mut text = BASE.to_owned();
    text.push('#');
    text.push_str(&"x".repeat(MAX_CONFIG_BYTES - text.len()));
    assert_eq!(text.len(), MAX_CONFIG_BYTES);
    assert!(validate_str(&text).is_ok());
}

#[test]
fn non_utf8_bytes_get_a_position() {
    let mut bytes = b"service = \"shop\"\n# caf".to_vec();
    bytes.push(0xe9); // Latin-1 é
    bytes.extend_from_slice(b"\n");
    let e = validate_bytes(&bytes).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, K::NotUtf8 { offset: 22 });
    assert_eq!(pos(&e[0]), (2, 6));
    assert!(e[0].to_string().contains("not valid UTF-8"));
    assert!(validate_bytes(BASE.as_bytes()).is_ok());
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let header = format!("[{}]\nx = 1\n", vec!["a"; 40].join("."));
    let e = only(&header);
    assert_eq!(e.kind, K::TooDeep { limit: MAX_NESTING });
    assert_eq!(e.pos.line, 1);
    let arrays = format!("x = {}1{}\n", "[".repeat(50), "]".repeat(50));
    assert!(matches!(only(&arrays).kind, K::TooDeep { .. }));
    let inline = format!("x = {}{}\n", "{ a = ".repeat(40), "}".repeat(40));
    assert!(matches!(only(&inline).kind, K::TooDeep { .. }));
    let dotted = format!("{} = 1\n", vec!["k"; 40].join("."));
    assert!(matches!(only(&dotted).kind, K::TooDeep { .. }));
    // A hundred thousand levels must not overflow any stack either.
    let extreme = format!("x = {}\n", "[".repeat(100_000));
    assert!(matches!(only(&extreme).kind, K::TooDeep { .. }));
}

#[test]
fn nesting_scan_ignores_strings_comments_and_floats() {
    let text = "a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[.........................................\"\n\
                # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ .................................\n\
                b = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]\n\
                c = '''[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['''\n\
                d = \"\"\"\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n\"\"\"\n";
    assert_eq!(nesting_overflow(text, MAX_NESTING), None);
    assert_eq!(
        nesting_overflow(BASE, 4),
        None,
        "a real pipeline nests shallowly"
    );
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = "é = 1\nnaïve = [ 2 ]";
    let index = LineIndex::new(text);
    assert_eq!(index.pos(0), Pos { line: 1, column: 1 });
    assert_eq!(
        index.pos(text.find('=').unwrap_or(0)),
        Pos { line: 1, column: 3 }
    );
    let bracket = text.find('[').unwrap_or(0);
    assert_eq!(index.pos(bracket), Pos { line: 2, column: 9 });
    // Past the end or inside a character: snapped, never a panic.
    assert_eq!(
        index.pos(usize::MAX),
        Pos {
            line: 2,
            column: 14
        }
    );
    assert_eq!(index.pos(1), Pos { line: 1, column: 1 });
}
