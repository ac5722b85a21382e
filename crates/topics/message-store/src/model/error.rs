//! One error type for the playground; each message names the input at fault
//! (an `Input`, which the panel also uses to place the message).

use super::bucket::BucketError;
use super::input::Input;
use super::snowflake::SnowflakeError;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    Snowflake {
        field: Input,
        error: SnowflakeError,
    },
    Bucket(BucketError),
    /// A number outside the range a field accepts.
    OutOfRange {
        field: Input,
        min: u64,
        max: u64,
        got: u64,
    },
    Invalid {
        field: Input,
        reason: String,
    },
    PagingState(String),
    NoQueryToPage,
    /// Cassandra's UnavailableException: not enough live replicas for the level.
    Unavailable {
        consistency: &'static str,
        required: usize,
        alive: usize,
    },
    ReplicationTooHigh {
        rf: usize,
        nodes: usize,
    },
    UnknownNode {
        node: u32,
        nodes: usize,
    },
    UnknownScenario(String),
    Snapshot(String),
    /// A workload is being generated in slices; finish or cancel it first.
    WorkloadRunning,
    TooMuchData {
        what: &'static str,
        limit: u64,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Snowflake { field, error } => write!(f, "{field}: {error}"),
            Error::Bucket(e) => write!(f, "{e}"),
            Error::OutOfRange {
                field,
                min,
                max,
                got,
            } => write!(f, "{field} must be between {min} and {max} (got {got})"),
            Error::Invalid { field, reason } => write!(f, "{field}: {reason}"),
            Error::PagingState(reason) => write!(f, "Paging state is not valid: {reason}"),
            Error::NoQueryToPage => write!(
                f,
                "There is no next page: run a query first, or the last page had no more rows"
            ),
            Error::Unavailable {
                consistency,
                required,
                alive,
            } => write!(
                f,
                "Cannot achieve consistency level {consistency}: {required} replicas required, {alive} alive"
            ),
            Error::ReplicationTooHigh { rf, nodes } => write!(
                f,
                "Replication factor {rf} needs at least {rf} nodes, but the cluster has {nodes}"
            ),
            Error::UnknownNode { node, nodes } => write!(
                f,
                "Node {node} does not exist: nodes are numbered 0 to {}",
                nodes.saturating_sub(1)
            ),
            Error::UnknownScenario(id) => write!(f, "No scenario is called \"{id}\""),
            Error::Snapshot(reason) => write!(f, "This link cannot be restored: {reason}"),
            Error::WorkloadRunning => write!(
                f,
                "A workload is still being generated: wait for it to finish or cancel it"
            ),
            Error::TooMuchData { what, limit } => {
                write!(f, "Too much data: {what} is limited to {limit}")
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<BucketError> for Error {
    fn from(e: BucketError) -> Self {
        Error::Bucket(e)
    }
}

pub fn check_range(field: Input, got: u64, min: u64, max: u64) -> Result<(), Error> {
    if got < min || got > max {
        return Err(Error::OutOfRange {
            field,
            min,
            max,
            got,
        });
    }
    Ok(())
}
