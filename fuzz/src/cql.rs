//! A small CQL lexer for the message-store export: user text must stay
//! inside string literals, so outside them the script is only `--` comment
//! lines and statements that start with a keyword we write and end in `;`.

const KEYWORDS: [&str; 6] = ["CREATE", "INSERT", "UPDATE", "DELETE", "ALTER", "SELECT"];

/// Panics, with the offending statement, if `script` is not such a script.
pub fn check_script(script: &str) {
    let mut in_string = false;
    let mut statement = String::new();
    let mut line_start = true;
    let mut chars = script.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            statement.push(c);
            if c == '\'' {
                if chars.peek() == Some(&'\'') {
                    statement.push(chars.next().unwrap_or('\''));
                } else {
                    in_string = false;
                }
            }
            continue;
        }
        if line_start && statement.trim().is_empty() && c == '-' && chars.peek() == Some(&'-') {
            // A comment line: skip it whole.
            for c in chars.by_ref() {
                if c == '\n' {
                    break;
                }
            }
            line_start = true;
            continue;
        }
        if c == '-' && chars.peek() == Some(&'-') {
            panic!("a `--` comment inside a statement: {statement:?}");
        }
        if c == '/' && chars.peek() == Some(&'*') {
            panic!("a `/*` comment inside a statement: {statement:?}");
        }
        line_start = c == '\n' || (line_start && c.is_whitespace());
        match c {
            '\'' => {
                in_string = true;
                statement.push(c);
            }
            ';' => {
                let s = statement.trim();
                let word = s.split_whitespace().next().unwrap_or_default();
                assert!(
                    KEYWORDS.contains(&word),
                    "a statement that does not start with a keyword we write: {s:?}"
                );
                statement.clear();
            }
            _ => statement.push(c),
        }
    }
    assert!(!in_string, "the script ends inside a string literal");
    assert!(
        statement.trim().is_empty(),
        "text after the last statement: {statement:?}"
    );
}

#[cfg(test)]
mod tests {
    use super::check_script;

    #[test]
    fn accepts_comments_strings_and_statements() {
        check_script("-- hi\nINSERT INTO t (a) VALUES ('it''s; -- not');\n-- bye\n");
    }

    #[test]
    #[should_panic]
    fn refuses_text_outside_strings() {
        check_script("INSERT INTO t (a) VALUES ('x'); DROP TABLE t;");
    }
}
