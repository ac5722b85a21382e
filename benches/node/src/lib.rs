//! Benchmark entry points: each runs one workload inside wasm and returns a
//! checksum, so Node times exactly the model's work and nothing is optimised
//! away. Timing itself happens in benches/run.mjs with performance.now().

mod message_store;
mod pipeline;
mod svm;
mod vpc;

pub use message_store::*;
pub use pipeline::*;
pub use svm::*;
pub use vpc::*;
