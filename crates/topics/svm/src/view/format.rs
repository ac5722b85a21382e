//! Numbers as the readouts show them: a few significant digits, exponents for
//! the very large and the very small, a real minus sign.

/// `v` with about `sig` significant digits.
pub fn num(v: f64, sig: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "—".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let a = v.abs();
    let s = if a != 0.0 && !(1e-3..1e5).contains(&a) {
        let e = format!("{:.*e}", sig.saturating_sub(1), v);
        // 1.50e-4 → 1.5e-4
        match e.split_once('e') {
            Some((m, x)) if m.contains('.') => {
                format!("{}e{x}", m.trim_end_matches('0').trim_end_matches('.'))
            }
            _ => e,
        }
    } else {
        let digits = if a == 0.0 {
            0
        } else {
            a.log10().floor() as i32 + 1
        };
        let decimals = (sig as i32 - digits).clamp(0, 6) as usize;
        let f = format!("{v:.decimals$}");
        if f.contains('.') {
            f.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            f
        }
    };
    let s = if s == "-0" { "0".to_string() } else { s };
    match s.strip_prefix('-') {
        Some(rest) => format!("−{rest}"),
        None => s,
    }
}

/// A fraction as a whole percentage.
pub fn percent(f: f64) -> String {
    format!("{:.0}%", f * 100.0)
}

/// The class label as people write it: +1, −1, 2.
pub fn label(l: i32) -> String {
    match l {
        1 => "+1".into(),
        l if l < 0 => format!("−{}", -i64::from(l)),
        l => l.to_string(),
    }
}

/// Parses what a person types in a number field ("1e-3", " 2,5 " is refused).
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim().replace('−', "-");
    if t.is_empty() {
        return None;
    }
    t.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_well() {
        assert_eq!(num(1.0, 3), "1");
        assert_eq!(num(2.34567, 3), "2.35");
        assert_eq!(num(-0.5, 3), "−0.5");
        assert_eq!(num(0.0, 3), "0");
        assert_eq!(num(123.456, 3), "123");
        assert_eq!(num(1.5e-4, 3), "1.5e-4");
        assert_eq!(num(100_000.0, 3), "1e5");
        assert_eq!(num(f64::INFINITY, 3), "∞");
        assert_eq!(percent(0.975), "98%");
        assert_eq!(label(-1), "−1");
        assert_eq!(label(1), "+1");
        assert_eq!(label(3), "3");
        assert_eq!(parse_number(" 1e-3 "), Some(0.001));
        assert_eq!(parse_number("−2"), Some(-2.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }
}
