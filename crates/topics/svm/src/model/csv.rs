//! Importing points from CSV text: one `x,y,label` row per point, an optional
//! header row, `#` comments and blank lines ignored.

use super::error::SvmError;
use super::points::{check_coord, Point, MAX_POINTS};

fn err(line: usize, reason: impl Into<String>) -> SvmError {
    SvmError::Csv {
        line,
        reason: reason.into(),
    }
}

fn coord(line: usize, name: &'static str, tok: &str) -> Result<f64, SvmError> {
    let v: f64 = tok
        .parse()
        .map_err(|_| err(line, format!("{name} is not a number: '{tok}'")))?;
    check_coord(v, name).map_err(|e| err(line, e.to_string()))?;
    Ok(v)
}

fn label(line: usize, tok: &str) -> Result<i32, SvmError> {
    if let Ok(l) = tok.trim_start_matches('+').parse::<i32>() {
        return Ok(l);
    }
    match tok.parse::<f64>() {
        Ok(v) if v.is_finite() && v.fract() == 0.0 && v.abs() <= 1e9 => Ok(v as i32),
        Ok(_) => Err(err(
            line,
            format!("label must be a whole number such as -1 or 1 (got '{tok}')"),
        )),
        Err(_) => Err(err(line, format!("label is not a number: '{tok}'"))),
    }
}

fn is_header(fields: &[&str]) -> bool {
    fields.len() == 3 && fields.iter().all(|f| f.parse::<f64>().is_err())
}

/// Parses `x,y,label` rows. Errors name the line (counting from 1) and the field.
pub fn parse_csv(text: &str) -> Result<Vec<Point>, SvmError> {
    let mut points = Vec::new();
    let mut seen_row = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if !seen_row && is_header(&fields) {
            seen_row = true;
            continue;
        }
        seen_row = true;
        if fields.len() != 3 {
            return Err(err(
                n,
                format!("expected 3 columns x,y,label (got {})", fields.len()),
            ));
        }
        if points.len() == MAX_POINTS {
            return Err(err(
                n,
                format!("too many points: at most {MAX_POINTS} are allowed"),
            ));
        }
        points.push(Point::new(
            coord(n, "x", fields[0])?,
            coord(n, "y", fields[1])?,
            label(n, fields[2])?,
        ));
    }
    if points.is_empty() {
        return Err(err(
            text.lines().count().max(1),
            "no points found: expected rows like 0.5,-0.2,1",
        ));
    }
    Ok(points)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_header_comments_and_blank_lines() {
        let text = "x,y,label\n# blobs\n0.5, -0.25, 1\n\n-1,1e-1,-1\r\n0,0,+1.0\n";
        let pts = parse_csv(text).unwrap();
        assert_eq!(
            pts,
            vec![
                Point::new(0.5, -0.25, 1),
                Point::new(-1.0, 0.1, -1),
                Point::new(0.0, 0.0, 1)
            ]
        );
    }

    #[test]
    fn errors_carry_line_numbers_and_reasons() {
        let msg = |t: &str| parse_csv(t).unwrap_err().to_string();
        assert_eq!(
            msg("0,0,1\n1,abc,1"),
            "CSV line 2: y is not a number: 'abc'"
        );
        assert_eq!(
            msg("0,0,1\n\nNaN,0,1"),
            "CSV line 3: x must be a finite number (got NaN or infinity)"
        );
        assert_eq!(
            msg("0,inf,1"),
            "CSV line 1: y must be a finite number (got NaN or infinity)"
        );
        assert_eq!(
            msg("0,0"),
            "CSV line 1: expected 3 columns x,y,label (got 2)"
        );
        assert_eq!(
            msg("0,0,1,4"),
            "CSV line 1: expected 3 columns x,y,label (got 4)"
        );
        assert!(msg("0,0,1.5").starts_with("CSV line 1: label must be a whole number"));
        assert_eq!(msg("0,0,cat"), "CSV line 1: label is not a number: 'cat'");
        assert!(msg("# nothing\n").contains("no points found"));
        assert!(msg("5e6,0,1").contains("between -1000000 and 1000000"));
    }

    #[test]
    fn refuses_more_than_the_point_cap() {
        let text = "0,0,1\n".repeat(MAX_POINTS + 1);
        let e = parse_csv(&text).unwrap_err();
        assert!(matches!(e, SvmError::Csv { line, .. } if line == MAX_POINTS + 1));
    }
}
