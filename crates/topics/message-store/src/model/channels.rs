//! Channel names. Cassandra's table keys messages by the numeric
//! `channel_id` alone; Discord keeps a channel's name with its guild,
//! elsewhere. The playground's own channels (the compose form's default and
//! the tours') take their names from this fixed table, so a name is never
//! state: a link carries nothing new to show it, and links made before
//! channels had names show them too. Any other channel (typed, generated)
//! is shown by its ID.

use super::tours;
use std::sync::OnceLock;

/// The compose form's default: the example channel ID of Discord's API
/// docs (created 2016-04-30, before the playground's clock).
pub const PLAYGROUND: u64 = 175_928_847_299_117_063;

/// Every named channel with its name (without the `#`), the compose
/// default first, then the tours' in tour order.
pub fn named() -> &'static [(u64, &'static str)] {
    static NAMED: OnceLock<Vec<(u64, &'static str)>> = OnceLock::new();
    NAMED.get_or_init(|| {
        let mut v = vec![(PLAYGROUND, "playground")];
        v.extend(tours::named_channels());
        v
    })
}

pub fn name_of(channel: u64) -> Option<&'static str> {
    named().iter().find(|(c, _)| *c == channel).map(|(_, n)| *n)
}

/// How the panel shows a channel: "#general (1234…)" when it has a name,
/// the bare ID when it has none.
pub fn label(channel: u64) -> String {
    match name_of(channel) {
        Some(n) => format!("#{n} ({channel})"),
        None => channel.to_string(),
    }
}
