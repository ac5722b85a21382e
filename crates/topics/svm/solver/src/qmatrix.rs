//! The kernel matrix K_ij = K(x_i, x_j) of one binary problem, computed a column
//! at a time into the LRU cache, in the solver's current (shrunk and swapped) order.
//!
//! libsvm caches Q_ij = y_i y_j K_ij. The solver here keeps y-scaled gradients
//! (see `solver`), for which the unsigned K is what every loop needs; since
//! y = ±1, each product it forms equals libsvm's up to an exact sign flip.

use super::cache::{ColumnCache, Qfloat};
use super::kernel::{dot, Kernel, KernelKind};

#[derive(Clone, Debug, PartialEq)]
pub struct QMatrix {
    kernel: Kernel,
    dim: usize,
    /// Coordinates, `dim` per point, in solver order.
    x: Vec<f64>,
    /// Squared norms, precomputed for the RBF kernel.
    x_sq: Vec<f64>,
    /// The diagonal K_ii = Q_ii.
    qd: Vec<f64>,
    cache: ColumnCache,
}

impl QMatrix {
    pub fn new(kernel: Kernel, dim: usize, x: Vec<f64>, cache_entries: usize) -> Self {
        let l = x.len() / dim.max(1);
        let x_sq: Vec<f64> = x.chunks_exact(dim.max(1)).map(|p| dot(p, p)).collect();
        let qd = (0..l)
            .map(|i| {
                let p = &x[i * dim..(i + 1) * dim];
                kernel.eval_train(p, p, x_sq[i], x_sq[i])
            })
            .collect();
        QMatrix {
            kernel,
            dim,
            x,
            x_sq,
            qd,
            cache: ColumnCache::new(l, cache_entries),
        }
    }

    pub fn qd(&self) -> &[f64] {
        &self.qd
    }

    fn fill(&mut self, i: usize, len: usize) {
        let start = self.cache.reserve(i, len);
        if start >= len {
            return;
        }
        let d = self.dim;
        let k = self.kernel;
        let xi = &self.x[i * d..(i + 1) * d];
        let sq_i = self.x_sq[i];
        let out = &mut self.cache.column_mut(i)[start..len];
        let rows = &self.x[start * d..len * d];
        let norms = &self.x_sq[start..len];
        if k.kind == KernelKind::Rbf && d == 2 {
            // The common case, as plain indexed arithmetic. Same operation order as libsvm.
            let (a0, a1, neg_gamma) = (xi[0], xi[1], -k.gamma);
            let n = out.len().min(norms.len()).min(rows.len() / 2);
            for t in 0..n {
                let dot = a0 * rows[2 * t] + a1 * rows[2 * t + 1];
                out[t] = super::fastexp::exp(neg_gamma * (sq_i + norms[t] - 2.0 * dot)) as Qfloat;
            }
            return;
        }
        for ((o, xj), &sq_j) in out.iter_mut().zip(rows.chunks_exact(d)).zip(norms) {
            *o = k.eval_train(xi, xj, sq_i, sq_j) as Qfloat;
        }
    }

    /// Column `i`, at least its first `len` entries.
    pub fn column(&mut self, i: usize, len: usize) -> &[Qfloat] {
        self.fill(i, len);
        &self.cache.column(i)[..len]
    }

    /// Column `i` together with the diagonal.
    pub fn column_and_diag(&mut self, i: usize, len: usize) -> (&[Qfloat], &[f64]) {
        self.fill(i, len);
        (&self.cache.column(i)[..len], &self.qd)
    }

    /// Columns `i` and `j` together; the cache always has room for both.
    pub fn columns(&mut self, i: usize, j: usize, len: usize) -> (&[Qfloat], &[Qfloat]) {
        self.fill(i, len);
        self.fill(j, len);
        if self.cache.column(i).len() < len {
            // Only if the budget could not hold both: recompute i after j.
            self.fill(i, len);
        }
        (&self.cache.column(i)[..len], &self.cache.column(j)[..len])
    }

    pub fn swap_index(&mut self, i: usize, j: usize) {
        if i == j {
            return;
        }
        self.cache.swap_index(i, j);
        let d = self.dim;
        for t in 0..d {
            self.x.swap(i * d + t, j * d + t);
        }
        self.x_sq.swap(i, j);
        self.qd.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_hold_kernel_values_after_swaps() {
        let k = Kernel {
            kind: KernelKind::Rbf,
            gamma: 0.7,
            degree: 3,
            coef0: 0.0,
        };
        let x = vec![0.0, 0.0, 1.0, 0.5, -0.3, 2.0];
        let mut q = QMatrix::new(k, 2, x.clone(), 0);
        let c0 = q.column(0, 3).to_vec();
        for j in 0..3 {
            let want = k.eval(&x[0..2], &x[j * 2..j * 2 + 2]);
            assert!((f64::from(c0[j]) - want).abs() < 1e-6);
        }
        q.swap_index(0, 2);
        let c = q.column(2, 3).to_vec();
        assert_eq!(c, vec![c0[2], c0[1], c0[0]]);
        assert_eq!(q.qd(), &[1.0, 1.0, 1.0]);
    }
}
