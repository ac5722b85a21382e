//! Discord's message store on Cassandra.
super::placeholder::placeholder_topic!(
    "message-store",
    "Message-store playground",
    "How Discord stored billions of messages in Cassandra: Snowflake IDs, 10-day buckets, tombstones and the ring.",
    "💬"
);
