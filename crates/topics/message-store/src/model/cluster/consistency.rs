//! Consistency levels: how many replicas must answer before the coordinator
//! replies. Writes still go to every live replica.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Consistency {
    One,
    Quorum,
    All,
}

impl Consistency {
    /// Replicas that must respond: 1, `RF/2 + 1`, or RF.
    pub fn required(self, rf: usize) -> usize {
        match self {
            Consistency::One => 1.min(rf),
            Consistency::Quorum => rf / 2 + 1,
            Consistency::All => rf,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Consistency::One => "ONE",
            Consistency::Quorum => "QUORUM",
            Consistency::All => "ALL",
        }
    }
}

/// A read sees the latest acknowledged write iff read and write replica sets
/// must overlap: `R + W > RF`.
pub fn is_strong(read: Consistency, write: Consistency, rf: usize) -> bool {
    read.required(rf) + write.required(rf) > rf
}
