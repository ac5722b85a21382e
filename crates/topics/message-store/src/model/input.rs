//! The inputs an error can name. A refusal's message reads the input's label
//! ("Page size must be between 1 and 5000"), and the panel shows it next to
//! that input by matching on this id, so rewording a message can never move
//! it to the wrong place.

use super::schema::Column;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A channel's Snowflake ID, as typed into a form.
    Channel,
    Author,
    /// A message's Snowflake ID, as typed into a form.
    Message,
    /// When a message is written.
    At,
    /// The playground's clock.
    Clock,
    /// A query's upper bound (a message ID).
    Before,
    Limit,
    PageSize,
    Bucket,
    Count,
    Spacing,
    Reads,
    ConcurrentReads,
    Nodes,
    ReplicationFactor,
    DataServiceInstances,
    GcGrace,
    Seconds,
    Messages,
    Channels,
    Period,
    EditsPerMille,
    DeletesPerMille,
    BurstsPerMille,
    /// The generated workload as a whole.
    Workload,
    /// The key columns, as the table checks them.
    ChannelId,
    MessageId,
    Timestamp,
    /// `USING TTL` seconds of a new message.
    Ttl,
    /// The bound of a range delete (a message ID).
    RangeBound,
    /// A regular column of the messages table, named as in CQL.
    Column(Column),
}

impl Input {
    /// How messages name the input: the form's label, or CQL's name where
    /// the table itself refuses.
    pub fn label(self) -> &'static str {
        match self {
            Input::Channel => "channel",
            Input::Author => "author",
            Input::Message => "message",
            Input::At => "at",
            Input::Clock => "clock",
            Input::Before => "before",
            Input::Limit => "Limit",
            Input::PageSize => "Page size",
            Input::Bucket => "Bucket",
            Input::Count => "Count",
            Input::Spacing => "Spacing (ms)",
            Input::Reads => "Reads",
            Input::ConcurrentReads => "Concurrent reads",
            Input::Nodes => "Nodes",
            Input::ReplicationFactor => "Replication factor",
            Input::DataServiceInstances => "Data service instances",
            Input::GcGrace => "gc_grace_seconds",
            Input::Seconds => "Seconds",
            Input::Messages => "Messages",
            Input::Channels => "Channels",
            Input::Period => "Period (ms)",
            Input::EditsPerMille => "Edits per mille",
            Input::DeletesPerMille => "Deletes per mille",
            Input::BurstsPerMille => "Bursts per mille",
            Input::Workload => "workload",
            Input::Ttl => "TTL (s)",
            Input::RangeBound => "Delete before",
            Input::ChannelId => "channel_id",
            Input::MessageId => "message_id",
            Input::Timestamp => "timestamp",
            Input::Column(c) => c.name(),
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::ALL_COLUMNS;

    #[test]
    fn labels_are_distinct_so_messages_name_one_input() {
        let mut labels: Vec<&str> = [
            Input::Channel,
            Input::Author,
            Input::Message,
            Input::At,
            Input::Clock,
            Input::Before,
            Input::Limit,
            Input::PageSize,
            Input::Bucket,
            Input::Count,
            Input::Spacing,
            Input::Reads,
            Input::ConcurrentReads,
            Input::Nodes,
            Input::ReplicationFactor,
            Input::DataServiceInstances,
            Input::GcGrace,
            Input::Seconds,
            Input::Messages,
            Input::Channels,
            Input::Period,
            Input::EditsPerMille,
            Input::DeletesPerMille,
            Input::BurstsPerMille,
            Input::Workload,
            Input::ChannelId,
            Input::MessageId,
            Input::Timestamp,
            Input::Ttl,
            Input::RangeBound,
        ]
        .into_iter()
        .chain(ALL_COLUMNS.iter().map(|&c| Input::Column(c)))
        .map(Input::label)
        .collect();
        let n = labels.len();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), n);
        assert_eq!(Input::PageSize.to_string(), "Page size");
    }
}
