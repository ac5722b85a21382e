//! The user's kernel choice (gamma 'scale' or a number) and its checks; the
//! resolved `Kernel` and its evaluation live in the solver crate.

use serde::{Deserialize, Serialize};

pub use svm_solver::kernel::{powi, Kernel, KernelKind};

use super::error::SvmError;

/// Largest accepted C, gamma and |coef0|: beyond these the panel shows nothing new
/// and the arithmetic starts to lose meaning.
pub const MAX_PARAM: f64 = 1e6;
pub const MAX_DEGREE: u32 = 10;

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
/// taken over every entry of X; 1.0 when that variance is 0. A variance so
/// small that its inverse overflows gives the largest finite gamma, not
/// infinity, which trains to NaN (found by fuzzing).
pub fn scale_gamma(coords: &[f64], dim: usize) -> f64 {
    if coords.is_empty() || dim == 0 {
        return 1.0;
    }
    let n = coords.len() as f64;
    let mean = coords.iter().sum::<f64>() / n;
    let var = coords.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    if var > 0.0 && var.is_finite() {
        (1.0 / (dim as f64 * var)).min(f64::MAX)
    } else {
        1.0
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
    fn scale_gamma_stays_finite_for_a_vanishing_variance() {
        // Found by fuzzing (fuzz/regressions/svm_model_write): the inverse of
        // a variance of about 1e-321 was infinite.
        assert_eq!(scale_gamma(&[0.0, 0.0, 1e-160, 0.0], 2), f64::MAX);
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
