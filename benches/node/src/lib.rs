//! Benchmark entry points: each runs one workload inside wasm and returns a
//! checksum, so Node times exactly the model's work and nothing is optimised
//! away. Timing itself happens in benches/run.mjs with performance.now().

mod pipeline;
mod vpc;

pub use pipeline::*;
pub use vpc::*;
