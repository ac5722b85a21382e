//! Where a refusal is shown: the input it belongs to, worked out from the
//! action and the input its error names (a typed `model::Input`, never the
//! message's wording).

use super::model::schema::Column;
use super::model::{Action, Error, Input};
use techshack_core::state::Feedback;

/// The input a refusal belongs to, so the view shows it next to that input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Channel,
    Author,
    Content,
    MessageId,
    /// The TTL of a new message.
    Ttl,
    /// The range delete of a partition's history.
    History,
    /// The compose form as a whole (a cluster that cannot take the write).
    Compose,
    Bulk,
    QueryChannel,
    Limit,
    Before,
    PageSize,
    NextPage,
    BucketDays,
    Timeline,
    Grace,
    Clock,
    Upkeep,
    Nodes,
    Rf,
    ReadCl,
    WriteCl,
    Ring,
    ClusterRead,
    Services,
    Messages,
    Channels,
    Workload,
    General,
}

impl Field {
    /// Where the refusal of `action` with `error` is shown.
    pub fn of(action: &Action, error: &Error) -> Field {
        let named = error_input(error);
        match action {
            Action::WriteMessage { .. }
            | Action::WriteExpiring { .. }
            | Action::EditMessage { .. }
            | Action::DeleteMessage { .. } => match named {
                Some(Input::Ttl) => Field::Ttl,
                Some(Input::Channel | Input::At) => Field::Channel,
                Some(Input::Author) => Field::Author,
                Some(Input::Column(Column::Content)) => Field::Content,
                Some(Input::Message) => Field::MessageId,
                _ => Field::Compose,
            },
            Action::Burst { .. } | Action::DeleteNewest { .. } | Action::WriteNullColumns(_) => {
                Field::Bulk
            }
            Action::Query { .. } => match named {
                Some(Input::Channel) => Field::QueryChannel,
                Some(Input::Limit) => Field::Limit,
                Some(Input::Before) => Field::Before,
                Some(Input::PageSize) => Field::PageSize,
                _ => Field::Limit,
            },
            Action::NextPage | Action::ResumePage { .. } => Field::NextPage,
            Action::SetPageSize(_) => Field::PageSize,
            Action::SetBucketDays(_) => Field::BucketDays,
            Action::DeleteBucket { .. } => Field::Timeline,
            Action::DeleteHistory { .. } => Field::History,
            Action::SetGrace(_) => Field::Grace,
            Action::AdvanceClock { .. } => Field::Clock,
            Action::Compact | Action::EnableEmptyBucketCache(_) | Action::RepairNullAuthors(_) => {
                Field::Upkeep
            }
            Action::SetNodes(_) => Field::Nodes,
            Action::SetRf(_) => Field::Rf,
            Action::SetReadCl(_) => Field::ReadCl,
            Action::SetWriteCl(_) => Field::WriteCl,
            Action::NodeDown(_) | Action::NodeUp(_) | Action::Repair => Field::Ring,
            Action::ClusterRead { .. } | Action::HotReads { .. } => Field::ClusterRead,
            Action::SetCoalescing(_)
            | Action::SetDataServices(_)
            | Action::ConcurrentReads { .. } => Field::Services,
            Action::GenerateWorkload { .. } => match named {
                Some(Input::Messages) => Field::Messages,
                Some(Input::Channels) => Field::Channels,
                _ => Field::Workload,
            },
            Action::LoadScenario(_) | Action::Reset => Field::General,
        }
    }
}

fn error_input(e: &Error) -> Option<Input> {
    match e {
        Error::Snowflake { field, .. }
        | Error::OutOfRange { field, .. }
        | Error::Invalid { field, .. } => Some(*field),
        _ => None,
    }
}

/// A refusal kept with its input (the store's actions leave no notices).
pub type Refusal = Feedback<Field>;
