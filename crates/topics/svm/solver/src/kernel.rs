//! Kernel functions and their resolved parameters, evaluated the way libsvm does.
//! Choosing and checking them (gamma 'scale', ranges) is the topic's `model::kernel`.

use serde::{Deserialize, Serialize};

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
}
