//! Reading a libsvm C-SVC model file back (the inverse of `ModelFile::to_text`),
//! with line numbers in every error.

use super::error::SvmError;
use super::kernel::{check_coef0, check_degree, Kernel, KernelKind};
use super::model_file::{ModelFile, ModelSv};
use super::points::{check_coord, MAX_CLASSES, MAX_POINTS};

fn err(line: usize, reason: impl Into<String>) -> SvmError {
    SvmError::ModelFile {
        line,
        reason: reason.into(),
    }
}

fn number(line: usize, what: &str, tok: &str) -> Result<f64, SvmError> {
    match tok.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(err(
            line,
            format!("{what} must be a finite number (got '{tok}')"),
        )),
    }
}

fn count(line: usize, what: &str, tok: &str, max: usize) -> Result<usize, SvmError> {
    match tok.parse::<usize>() {
        Ok(v) if v <= max => Ok(v),
        _ => Err(err(
            line,
            format!("{what} must be a whole number up to {max} (got '{tok}')"),
        )),
    }
}

fn values<'a>(
    line: usize,
    key: &str,
    rest: &[&'a str],
    want: usize,
) -> Result<Vec<&'a str>, SvmError> {
    if rest.len() != want {
        return Err(err(
            line,
            format!("{key} needs {want} values (got {})", rest.len()),
        ));
    }
    Ok(rest.to_vec())
}

#[derive(Default)]
struct Header {
    kind: Option<KernelKind>,
    degree: Option<u32>,
    gamma: Option<f64>,
    coef0: Option<f64>,
    nr_class: Option<usize>,
    total_sv: Option<usize>,
    rho: Vec<f64>,
    labels: Vec<i32>,
    nr_sv: Vec<usize>,
}

impl Header {
    fn classes(&self, line: usize, key: &str) -> Result<usize, SvmError> {
        self.nr_class
            .ok_or_else(|| err(line, format!("{key} must come after nr_class")))
    }

    fn read(&mut self, n: usize, key: &str, rest: &[&str]) -> Result<(), SvmError> {
        let one = |rest: &[&str]| values(n, key, rest, 1).map(|v| v[0].to_string());
        match key {
            "svm_type" => match one(rest)?.as_str() {
                "c_svc" => {}
                other => {
                    return Err(err(
                        n,
                        format!("only c_svc models are supported (got '{other}')"),
                    ))
                }
            },
            "kernel_type" => {
                let name = one(rest)?;
                let kind = KernelKind::ALL
                    .into_iter()
                    .find(|k| k.libsvm_name() == name);
                self.kind =
                    Some(kind.ok_or_else(|| err(n, format!("unknown kernel_type '{name}'")))?);
            }
            "degree" => {
                let d = count(n, "degree", &one(rest)?, 10)? as u32;
                check_degree(d).map_err(|e| err(n, e.to_string()))?;
                self.degree = Some(d);
            }
            "gamma" => {
                // Any positive value, not only the 1e6 a user may type: gamma
                // 'scale' resolves above it for close points (found by fuzzing).
                let g = number(n, "gamma", &one(rest)?)?;
                if g <= 0.0 {
                    return Err(err(n, format!("gamma must be greater than 0 (got {g})")));
                }
                self.gamma = Some(g);
            }
            "coef0" => {
                let c = number(n, "coef0", &one(rest)?)?;
                check_coef0(c).map_err(|e| err(n, e.to_string()))?;
                self.coef0 = Some(c);
            }
            "nr_class" => {
                let k = count(n, "nr_class", &one(rest)?, MAX_CLASSES)?;
                if k < 2 {
                    return Err(err(n, "nr_class must be at least 2"));
                }
                self.nr_class = Some(k);
            }
            "total_sv" => self.total_sv = Some(count(n, "total_sv", &one(rest)?, MAX_POINTS)?),
            "rho" | "probA" | "probB" => {
                let k = self.classes(n, key)?;
                let vals = values(n, key, rest, k * (k - 1) / 2)?;
                let parsed = vals
                    .iter()
                    .map(|t| number(n, key, t))
                    .collect::<Result<Vec<_>, _>>()?;
                if key == "rho" {
                    self.rho = parsed;
                }
            }
            "label" => {
                let k = self.classes(n, key)?;
                let vals = values(n, key, rest, k)?;
                self.labels = vals
                    .iter()
                    .map(|t| {
                        t.parse::<i32>().map_err(|_| {
                            err(n, format!("label must be a whole number (got '{t}')"))
                        })
                    })
                    .collect::<Result<_, _>>()?;
            }
            "nr_sv" => {
                let k = self.classes(n, key)?;
                let vals = values(n, key, rest, k)?;
                self.nr_sv = vals
                    .iter()
                    .map(|t| count(n, "nr_sv", t, MAX_POINTS))
                    .collect::<Result<_, _>>()?;
            }
            other => return Err(err(n, format!("unknown text in model file: '{other}'"))),
        }
        Ok(())
    }
}

fn parse_sv(n: usize, line: &str, k: usize) -> Result<ModelSv, SvmError> {
    let toks: Vec<&str> = line.split_whitespace().collect();
    if toks.len() < k - 1 {
        return Err(err(
            n,
            format!("a support vector needs {} coefficients", k - 1),
        ));
    }
    let coefs = toks[..k - 1]
        .iter()
        .map(|t| number(n, "coefficient", t))
        .collect::<Result<Vec<_>, _>>()?;
    let mut x = [0.0, 0.0];
    let mut last = 0;
    for tok in &toks[k - 1..] {
        let (idx, val) = tok
            .split_once(':')
            .ok_or_else(|| err(n, format!("expected index:value (got '{tok}')")))?;
        let idx: usize = idx
            .parse()
            .map_err(|_| err(n, format!("bad feature index '{idx}'")))?;
        if idx <= last || idx > 2 {
            return Err(err(
                n,
                format!("feature indices must be 1 or 2, ascending (got {idx})"),
            ));
        }
        last = idx;
        let v = number(n, "feature value", val)?;
        check_coord(v, "feature value").map_err(|e| err(n, e.to_string()))?;
        x[idx - 1] = v;
    }
    Ok(ModelSv { coefs, x })
}

impl ModelFile {
    pub fn parse(text: &str) -> Result<ModelFile, SvmError> {
        let mut h = Header::default();
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
        let mut sv_start = None;
        for (n, line) in lines.by_ref() {
            let toks: Vec<&str> = line.split_whitespace().collect();
            let Some((&key, rest)) = toks.split_first() else {
                continue;
            };
            if key == "SV" {
                sv_start = Some(n);
                break;
            }
            h.read(n, key, rest)?;
        }
        let end = text.lines().count();
        let sv_line = sv_start.ok_or_else(|| err(end, "missing the SV section"))?;
        let kind = h.kind.ok_or_else(|| err(sv_line, "missing kernel_type"))?;
        let k = h.nr_class.ok_or_else(|| err(sv_line, "missing nr_class"))?;
        let total = h.total_sv.ok_or_else(|| err(sv_line, "missing total_sv"))?;
        if h.rho.is_empty() || h.labels.is_empty() || h.nr_sv.is_empty() {
            return Err(err(sv_line, "rho, label and nr_sv are all required"));
        }
        let mut distinct = h.labels.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() != h.labels.len() {
            return Err(err(sv_line, "labels must be distinct"));
        }
        if h.nr_sv.iter().sum::<usize>() != total {
            return Err(err(sv_line, "nr_sv must add up to total_sv"));
        }
        let gamma = match (kind.uses_gamma(), h.gamma) {
            (true, None) => return Err(err(sv_line, "missing gamma")),
            (_, g) => g.unwrap_or(0.0),
        };
        let kernel = Kernel {
            kind,
            gamma,
            degree: h.degree.unwrap_or(3),
            coef0: h.coef0.unwrap_or(0.0),
        };
        let mut sv = Vec::with_capacity(total);
        for (n, line) in lines.filter(|(_, l)| !l.trim().is_empty()) {
            if sv.len() == total {
                return Err(err(
                    n,
                    format!("more support vectors than total_sv ({total})"),
                ));
            }
            sv.push(parse_sv(n, line, k)?);
        }
        if sv.len() != total {
            return Err(err(
                end,
                format!("expected {total} support vectors, found {}", sv.len()),
            ));
        }
        Ok(ModelFile {
            kernel,
            labels: h.labels,
            rho: h.rho,
            nr_sv: h.nr_sv,
            sv,
        })
    }
}
