//! C's `%.<p>g` number format, which libsvm uses for model files (`%.17g` for
//! coefficients and ρ, `%.8g` for feature values).

/// Formats `v` as C's `printf("%.<precision>g", v)` does.
pub fn format_g(v: f64, precision: usize) -> String {
    if v.is_nan() {
        return if v.is_sign_negative() { "-nan" } else { "nan" }.to_string();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let p = precision.max(1);
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    // Rust's `{:e}` rounds exactly like glibc; its exponent tells which style %g picks.
    let sci = format!("{:.*e}", p - 1, v);
    let (mantissa, exp) = match sci.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i64>().unwrap_or(0)),
        None => (sci.clone(), 0),
    };
    if exp < -4 || exp >= p as i64 {
        let m = strip_fraction_zeros(&mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{m}e{sign}{:02}", exp.unsigned_abs())
    } else {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        strip_fraction_zeros(&format!("{:.*}", decimals, v))
    }
}

fn strip_fraction_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::format_g;

    #[test]
    fn matches_printf_g() {
        // Expected strings are glibc printf output.
        let cases: [(f64, usize, &str); 14] = [
            (0.1, 17, "0.10000000000000001"),
            (1.0, 17, "1"),
            (-1.0, 17, "-1"),
            (100.0, 17, "100"),
            (0.5, 8, "0.5"),
            (1e-5, 17, "1.0000000000000001e-05"),
            (0.0001, 8, "0.0001"),
            (123456789.0, 8, "1.2345679e+08"),
            (12345678.0, 8, "12345678"),
            (-0.41425980456162453, 17, "-0.41425980456162453"),
            (2.5e100, 17, "2.4999999999999999e+100"),
            (0.0, 17, "0"),
            (1.5e-7, 8, "1.5e-07"),
            (99999999.5, 8, "1e+08"),
        ];
        for (v, p, want) in cases {
            assert_eq!(format_g(v, p), want, "{v} at %.{p}g");
        }
    }
}
