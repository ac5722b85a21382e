//! The token ring: each node owns several random tokens (vnodes); a
//! partition belongs to the first token at or after its own, and its replicas
//! are the next distinct nodes walking clockwise (SimpleStrategy).

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Cassandra 4.0's default `num_tokens`.
pub const NUM_TOKENS: usize = 16;

#[derive(Clone, Debug, PartialEq)]
pub struct Ring {
    /// (token, node), sorted by token.
    tokens: Vec<(i64, u32)>,
    nodes: usize,
}

impl Ring {
    pub fn new(nodes: usize, seed: u64) -> Ring {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut tokens = Vec::with_capacity(nodes * NUM_TOKENS);
        for node in 0..nodes {
            for _ in 0..NUM_TOKENS {
                // i64::MIN is the partitioner's minimum token, never a node's.
                let t = rng.gen_range(i64::MIN + 1..=i64::MAX);
                tokens.push((t, node as u32));
            }
        }
        tokens.sort_unstable();
        tokens.dedup_by_key(|(t, _)| *t);
        Ring { tokens, nodes }
    }

    pub fn nodes(&self) -> usize {
        self.nodes
    }

    pub fn tokens(&self) -> &[(i64, u32)] {
        &self.tokens
    }

    /// The `rf` distinct nodes holding the partition with this token, the
    /// primary owner first.
    pub fn replicas(&self, token: i64, rf: usize) -> Vec<u32> {
        let n = self.tokens.len();
        let mut out: Vec<u32> = Vec::with_capacity(rf);
        if n == 0 {
            return out;
        }
        let start = self.tokens.partition_point(|(t, _)| *t < token);
        for step in 0..n {
            let (_, node) = self.tokens[(start + step) % n];
            if !out.contains(&node) {
                out.push(node);
                if out.len() == rf {
                    break;
                }
            }
        }
        out
    }

    /// Share of the token space each node is primary owner of.
    pub fn ownership(&self) -> Vec<f64> {
        let mut own = vec![0f64; self.nodes];
        let n = self.tokens.len();
        for i in 0..n {
            let (t, node) = self.tokens[i];
            let prev = self.tokens[(i + n - 1) % n].0;
            let span = (t as i128 - prev as i128).rem_euclid(1i128 << 64);
            let span = if n == 1 { 1i128 << 64 } else { span };
            if let Some(o) = own.get_mut(node as usize) {
                *o += span as f64 / 18_446_744_073_709_551_616.0;
            }
        }
        own
    }
}
