//! Kernel functions and their parameters, evaluated the way libsvm does.

use serde::{Deserialize, Serialize};

use super::error::SvmError;

/// Largest accepted C, gamma and |coef0|: beyond these the panel shows nothing new
/// and the arithmetic starts to lose meaning.
pub const MAX_PARAM: f64 = 1e6;
pub const MAX_DEGREE: u32 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KernelKind {
    Linear,
    Poly,
    Rbf,
    Sigmoid,
}

impl KernelKind {
    pub const ALL: [KernelKind; 4] = [
        KernelKind::Linear,
        KernelKind::Poly,
        KernelKind::Rbf,
        KernelKind::Sigmoid,
    ];

    /// The name libsvm writes in `kernel_type`.
    pub fn libsvm_name(self) -> &'static str {
        match self {
            KernelKind::Linear => "linear",
            KernelKind::Poly => "polynomial",
            KernelKind::Rbf => "rbf",
            KernelKind::Sigmoid => "sigmoid",
        }
    }

    pub fn uses_gamma(self) -> bool {
        self != KernelKind::Linear
    }

    pub fn uses_coef0(self) -> bool {
        matches!(self, KernelKind::Poly | KernelKind::Sigmoid)
    }
}

/// gamma as the user sets it: scikit-learn's 'scale' or a number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gamma {
    Scale,
    Value(f64),
}

/// The user's kernel choice, before 'scale' is resolved against the data.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct KernelSpec {
    pub kind: KernelKind,
    pub gamma: Gamma,
    pub degree: u32,
    pub coef0: f64,
}

impl Default for KernelSpec {
    /// scikit-learn's SVC defaults.
    fn default() -> Self {
        KernelSpec {
            kind: KernelKind::Rbf,
            gamma: Gamma::Scale,
            degree: 3,
            coef0: 0.0,
        }
    }
}

impl KernelSpec {
    pub fn validate(&self) -> Result<(), SvmError> {
        if let Gamma::Value(g) = self.gamma {
            check_gamma(g)?;
        }
        check_degree(self.degree)?;
        check_coef0(self.coef0)
    }

    /// Resolves gamma against the training coordinates (flat, `dim` per point).
    pub fn resolve(&self, coords: &[f64], dim: usize) -> Kernel {
        let gamma = match self.gamma {
            Gamma::Value(g) => g,
            Gamma::Scale => scale_gamma(coords, dim),
        };
        Kernel {
            kind: self.kind,
            gamma,
            degree: self.degree,
            coef0: self.coef0,
        }
    }
}

pub fn check_gamma(g: f64) -> Result<(), SvmError> {
    if !g.is_finite() {
        return Err(SvmError::NotFinite { field: "gamma" });
    }
    if g <= 0.0 || g > MAX_PARAM {
        return Err(SvmError::InvalidGamma { got: g });
    }
    Ok(())
}

pub fn check_degree(d: u32) -> Result<(), SvmError> {
    if d == 0 || d > MAX_DEGREE {
        return Err(SvmError::InvalidDegree { got: d });
    }
    Ok(())
}

pub fn check_coef0(c: f64) -> Result<(), SvmError> {
    if !c.is_finite() {
        return Err(SvmError::NotFinite { field: "coef0" });
    }
    if c.abs() > MAX_PARAM {
        return Err(SvmError::InvalidCoef0 { got: c });
    }
    Ok(())
}

/// scikit-learn's `gamma='scale'`: 1 / (n_features * X.var()), with the variance
/// taken over every entry of X; 1.0 when that variance is 0.
pub fn scale_gamma(coords: &[f64], dim: usize) -> f64 {
    if coords.is_empty() || dim == 0 {
        return 1.0;
    }
    let n = coords.len() as f64;
    let mean = coords.iter().sum::<f64>() / n;
    let var = coords.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    if var > 0.0 && var.is_finite() {
        1.0 / (dim as f64 * var)
    } else {
        1.0
    }
}

/// A kernel with every parameter resolved to a number.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kernel {
    pub kind: KernelKind,
    pub gamma: f64,
    pub degree: u32,
    pub coef0: f64,
}

/// libsvm's `powi`: exponentiation by squaring, so results match it bit for bit.
pub fn powi(base: f64, times: u32) -> f64 {
    let mut tmp = base;
    let mut ret = 1.0;
    let mut t = times;
    while t > 0 {
        if t % 2 == 1 {
            ret *= tmp;
        }
        tmp *= tmp;
        t /= 2;
    }
    ret
}

pub fn dot(u: &[f64], v: &[f64]) -> f64 {
    u.iter().zip(v).map(|(a, b)| a * b).sum()
}

impl Kernel {
    /// K(u, v) for a point against a support vector (libsvm's `k_function`).
    pub fn eval(&self, u: &[f64], v: &[f64]) -> f64 {
        match self.kind {
            KernelKind::Linear => dot(u, v),
            KernelKind::Poly => powi(self.gamma * dot(u, v) + self.coef0, self.degree),
            KernelKind::Rbf => {
                let sq: f64 = u.iter().zip(v).map(|(a, b)| (a - b) * (a - b)).sum();
                (-self.gamma * sq).exp()
            }
            KernelKind::Sigmoid => (self.gamma * dot(u, v) + self.coef0).tanh(),
        }
    }

    /// K between two training points, given their squared norms; the RBF form
    /// matches libsvm's training-time `kernel_rbf`.
    #[inline]
    pub fn eval_train(&self, u: &[f64], v: &[f64], sq_u: f64, sq_v: f64) -> f64 {
        match self.kind {
            KernelKind::Rbf => (-self.gamma * (sq_u + sq_v - 2.0 * dot(u, v))).exp(),
            _ => self.eval(u, v),
        }
    }

    /// An upper bound on |K| over points with squared norm at most `max_sq`;
    /// infinite when the kernel could overflow.
    pub fn magnitude_bound(&self, max_sq: f64) -> f64 {
        match self.kind {
            KernelKind::Linear => max_sq,
            KernelKind::Poly => powi(self.gamma * max_sq + self.coef0.abs(), self.degree),
            KernelKind::Rbf | KernelKind::Sigmoid => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_gamma_uses_variance_of_all_entries() {
        // entries 0,0,1,1 -> mean 0.5, var 0.25 -> 1/(2*0.25) = 2
        assert_eq!(scale_gamma(&[0.0, 0.0, 1.0, 1.0], 2), 2.0);
        assert_eq!(scale_gamma(&[3.0, 3.0, 3.0, 3.0], 2), 1.0);
    }

    #[test]
    fn kernels_match_their_formulas() {
        let k = |kind| Kernel {
            kind,
            gamma: 0.5,
            degree: 3,
            coef0: 1.0,
        };
        let (u, v) = ([1.0, 2.0], [3.0, -1.0]);
        assert_eq!(k(KernelKind::Linear).eval(&u, &v), 1.0);
        assert!((k(KernelKind::Poly).eval(&u, &v) - 1.5f64.powi(3)).abs() < 1e-12);
        assert!((k(KernelKind::Rbf).eval(&u, &v) - (-0.5f64 * 13.0).exp()).abs() < 1e-15);
        assert!((k(KernelKind::Sigmoid).eval(&u, &v) - 1.5f64.tanh()).abs() < 1e-15);
        let r = k(KernelKind::Rbf);
        assert!((r.eval_train(&u, &v, 5.0, 10.0) - r.eval(&u, &v)).abs() < 1e-15);
    }

    #[test]
    fn powi_matches_repeated_multiplication() {
        assert_eq!(powi(2.0, 10), 1024.0);
        assert_eq!(powi(-1.5, 3), -3.375);
        assert_eq!(powi(7.0, 0), 1.0);
    }

    #[test]
    fn bad_parameters_are_refused() {
        assert!(check_gamma(0.0).is_err());
        assert!(check_gamma(f64::NAN).is_err());
        assert!(check_degree(0).is_err());
        assert!(check_degree(11).is_err());
        assert!(check_degree(10).is_ok());
        assert!(check_coef0(f64::INFINITY).is_err());
    }
}
