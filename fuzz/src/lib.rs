//! What the fuzz targets share: reading a fuzz input as a link the way the
//! panels do, structured action sequences for the VPC and message-store
//! playgrounds (built from `arbitrary` bytes, with ids picked from the live
//! layout so most actions get past the first check), and the checks the
//! exports must pass. Each target in `fuzz_targets/` is a few lines on top.

pub mod cql;
pub mod link;
pub mod message_store;
pub mod vpc;

/// `v` when it is at most `cap`; above the model's own `max` it is kept too
/// (the model must refuse it cheaply); in between it is folded under `cap`,
/// so one input cannot spend seconds on a legal but huge request.
pub fn bounded(v: u64, cap: u64, max: u64) -> u64 {
    if v <= cap || v > max {
        v
    } else {
        v % (cap + 1)
    }
}
