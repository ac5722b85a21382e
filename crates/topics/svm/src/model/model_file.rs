//! libsvm's model text format, written exactly as `svm_save_model` (svm-train)
//! writes it. Parsing is in `model_parse`.
//!
//! libsvm orders labels by first appearance (a −1/+1 set lists +1 first), stores
//! the support vectors grouped by that order, and orients pair (p, q) so that a
//! positive decision means label p. Our pairs are oriented towards the larger
//! label, so some pairs are negated on the way out.

use super::cfmt::format_g;
use super::fit::Fit;
use super::kernel::{Kernel, KernelKind};
use super::points::libsvm_label_order;

/// One `SV` line: k−1 coefficients and the point.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelSv {
    pub coefs: Vec<f64>,
    pub x: [f64; 2],
}

/// The content of a libsvm C-SVC model file.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    pub kernel: Kernel,
    pub labels: Vec<i32>,
    /// One per pair (p, q), p < q in `labels` order.
    pub rho: Vec<f64>,
    pub nr_sv: Vec<usize>,
    pub sv: Vec<ModelSv>,
}

impl ModelFile {
    /// The model svm-train would save for this fit.
    pub fn from_fit(fit: &Fit) -> ModelFile {
        let labels = libsvm_label_order(&fit.points);
        let k = labels.len();
        let sv_idx = fit.support_indices();
        let mut grouped: Vec<usize> = Vec::with_capacity(sv_idx.len());
        let mut nr_sv = Vec::with_capacity(k);
        for &l in &labels {
            let before = grouped.len();
            grouped.extend(sv_idx.iter().copied().filter(|&i| fit.points[i].label == l));
            nr_sv.push(grouped.len() - before);
        }
        let mut coefs = vec![vec![0.0; k.saturating_sub(1)]; grouped.len()];
        let mut rho = Vec::new();
        for p in 0..k {
            for q in p + 1..k {
                let (lp, lq) = (labels[p], labels[q]);
                let Some(pair) = fit
                    .pairs
                    .iter()
                    .find(|f| (f.negative, f.positive) == (lp.min(lq), lp.max(lq)))
                else {
                    rho.push(0.0);
                    continue;
                };
                // libsvm: positive means label p.
                let sign = if pair.positive == lp { 1.0 } else { -1.0 };
                rho.push(sign * pair.rho + 0.0);
                for (row, &i) in coefs.iter_mut().zip(&grouped) {
                    // `+ 0.0` turns −0 into 0, as a directly oriented solve would print it.
                    let coef =
                        pair.alpha[i] * pair.sign_of(fit.points[i].label).unwrap_or(0.0) * sign
                            + 0.0;
                    let label = fit.points[i].label;
                    if label == lp {
                        row[q - 1] = coef;
                    } else if label == lq {
                        row[p] = coef;
                    }
                }
            }
        }
        let sv = grouped
            .iter()
            .zip(coefs)
            .map(|(&i, coefs)| ModelSv {
                coefs,
                x: fit.points[i].coords(),
            })
            .collect();
        ModelFile {
            kernel: fit.kernel,
            labels,
            rho,
            nr_sv,
            sv,
        }
    }

    /// The file text, byte for byte as `svm_save_model` prints it.
    pub fn to_text(&self) -> String {
        let kind = self.kernel.kind;
        let mut out = String::from("svm_type c_svc\n");
        out += &format!("kernel_type {}\n", kind.libsvm_name());
        if kind == KernelKind::Poly {
            out += &format!("degree {}\n", self.kernel.degree);
        }
        if kind.uses_gamma() {
            out += &format!("gamma {}\n", format_g(self.kernel.gamma, 17));
        }
        if kind.uses_coef0() {
            out += &format!("coef0 {}\n", format_g(self.kernel.coef0, 17));
        }
        out += &format!("nr_class {}\n", self.labels.len());
        out += &format!("total_sv {}\n", self.sv.len());
        out += "rho";
        for r in &self.rho {
            out += &format!(" {}", format_g(*r, 17));
        }
        out += "\nlabel";
        for l in &self.labels {
            out += &format!(" {l}");
        }
        out += "\nnr_sv";
        for n in &self.nr_sv {
            out += &format!(" {n}");
        }
        out += "\nSV\n";
        for sv in &self.sv {
            for c in &sv.coefs {
                out += &format_g(*c, 17);
                out.push(' ');
            }
            out += &format!("1:{} 2:{} \n", format_g(sv.x[0], 8), format_g(sv.x[1], 8));
        }
        out
    }

    /// Decision value of every pair, in libsvm's orientation (positive means the
    /// pair's first label), as `svm_predict_values` computes them.
    pub fn decision_values(&self, x: [f64; 2]) -> Vec<f64> {
        let k = self.labels.len();
        let kvalue: Vec<f64> = self.sv.iter().map(|s| self.kernel.eval(&s.x, &x)).collect();
        let mut start = vec![0usize; k];
        let count = |i: usize| self.nr_sv.get(i).copied().unwrap_or(0);
        for i in 1..k {
            start[i] = start[i - 1] + count(i - 1);
        }
        let mut out = Vec::new();
        let coef = |row: usize, col: usize| {
            self.sv
                .get(row)
                .and_then(|s| s.coefs.get(col))
                .copied()
                .unwrap_or(0.0)
        };
        for i in 0..k {
            for j in i + 1..k {
                let mut sum = 0.0;
                for t in start[i]..start[i] + count(i) {
                    sum += coef(t, j - 1) * kvalue.get(t).copied().unwrap_or(0.0);
                }
                for t in start[j]..start[j] + count(j) {
                    sum += coef(t, i) * kvalue.get(t).copied().unwrap_or(0.0);
                }
                out.push(sum - self.rho.get(out.len()).copied().unwrap_or(0.0));
            }
        }
        out
    }

    /// libsvm's vote: the pair's first label wins when its decision is positive;
    /// ties go to the label listed first.
    pub fn predict(&self, x: [f64; 2]) -> i32 {
        let k = self.labels.len();
        let values = self.decision_values(x);
        let mut votes = vec![0usize; k];
        let mut p = 0;
        for i in 0..k {
            for j in i + 1..k {
                if values.get(p).is_some_and(|&v| v > 0.0) {
                    votes[i] += 1;
                } else {
                    votes[j] += 1;
                }
                p += 1;
            }
        }
        let mut best = 0;
        for (i, &v) in votes.iter().enumerate() {
            if v > votes[best] {
                best = i;
            }
        }
        self.labels.get(best).copied().unwrap_or_default()
    }
}
