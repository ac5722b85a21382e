//! Discord Snowflake IDs: 64-bit integers whose top 42 bits are milliseconds
//! since the Discord epoch, so sorting by ID sorts by creation time.

use serde::{Deserialize, Serialize};
use std::fmt;

/// 2015-01-01T00:00:00Z in Unix milliseconds.
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Cassandra stores IDs in a signed `bigint`, so the top bit must stay clear.
pub const MAX_ID: u64 = i64::MAX as u64;

const TIME_SHIFT: u32 = 22;
const WORKER_MASK: u64 = 0x3E_0000;
const PROCESS_MASK: u64 = 0x1_F000;
const INCREMENT_MASK: u64 = 0xFFF;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Snowflake(pub u64);

/// The four fields of a Snowflake, as the API docs describe them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnowflakeParts {
    pub unix_ms: u64,
    pub worker: u8,
    pub process: u8,
    pub increment: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnowflakeError {
    Empty,
    NotANumber(String),
    Negative(String),
    TooLarge(String),
    BeforeEpoch(u64),
    AfterLastTime(u64),
    FieldTooLarge {
        field: &'static str,
        value: u64,
        max: u64,
    },
}

impl fmt::Display for SnowflakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnowflakeError::Empty => write!(
                f,
                "Snowflake ID is empty: type a number such as 175928847299117063"
            ),
            SnowflakeError::NotANumber(s) => {
                write!(f, "Snowflake ID must contain only digits (got \"{s}\")")
            }
            SnowflakeError::Negative(s) => {
                write!(f, "Snowflake IDs are never negative (got {s})")
            }
            SnowflakeError::TooLarge(s) => write!(
                f,
                "Snowflake ID {s} does not fit Cassandra's signed bigint (largest is {MAX_ID})"
            ),
            SnowflakeError::BeforeEpoch(t) => write!(
                f,
                "Time {t} ms is before the Discord epoch ({DISCORD_EPOCH_MS} ms, 2015-01-01)"
            ),
            SnowflakeError::AfterLastTime(t) => write!(
                f,
                "Time {t} ms is too far in the future to fit in a Snowflake's 41 time bits"
            ),
            SnowflakeError::FieldTooLarge { field, value, max } => {
                write!(f, "Snowflake {field} must be at most {max} (got {value})")
            }
        }
    }
}

impl Snowflake {
    /// Builds an ID from its fields, checking each one fits its bits.
    pub fn from_parts(parts: SnowflakeParts) -> Result<Snowflake, SnowflakeError> {
        let since = ms_since_epoch(parts.unix_ms)?;
        check_field("worker", parts.worker as u64, 31)?;
        check_field("process", parts.process as u64, 31)?;
        check_field("increment", parts.increment as u64, 4095)?;
        Ok(Snowflake(
            (since << TIME_SHIFT)
                | ((parts.worker as u64) << 17)
                | ((parts.process as u64) << 12)
                | parts.increment as u64,
        ))
    }

    /// The smallest ID that can exist at Unix time `unix_ms`: `(t - epoch) << 22`.
    pub fn smallest_at(unix_ms: u64) -> Result<Snowflake, SnowflakeError> {
        Ok(Snowflake(ms_since_epoch(unix_ms)? << TIME_SHIFT))
    }

    /// The largest ID that can exist at Unix time `unix_ms`.
    pub fn largest_at(unix_ms: u64) -> Result<Snowflake, SnowflakeError> {
        Ok(Snowflake(
            (ms_since_epoch(unix_ms)? << TIME_SHIFT) | ((1 << TIME_SHIFT) - 1),
        ))
    }

    /// Accepts any value that fits a signed bigint.
    pub fn new(id: u64) -> Result<Snowflake, SnowflakeError> {
        if id > MAX_ID {
            return Err(SnowflakeError::TooLarge(id.to_string()));
        }
        Ok(Snowflake(id))
    }

    /// Parses decimal text, the form the Discord API uses for IDs.
    pub fn parse(text: &str) -> Result<Snowflake, SnowflakeError> {
        let t = text.trim();
        if t.is_empty() {
            return Err(SnowflakeError::Empty);
        }
        if let Some(rest) = t.strip_prefix('-') {
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                return Err(SnowflakeError::Negative(t.to_string()));
            }
            return Err(SnowflakeError::NotANumber(t.to_string()));
        }
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SnowflakeError::NotANumber(t.to_string()));
        }
        match t.parse::<u64>() {
            Ok(v) => Snowflake::new(v),
            Err(_) => Err(SnowflakeError::TooLarge(t.to_string())),
        }
    }

    pub fn ms_since_epoch(self) -> u64 {
        self.0 >> TIME_SHIFT
    }

    /// `(id >> 22) + 1420070400000`
    pub fn unix_ms(self) -> u64 {
        self.ms_since_epoch() + DISCORD_EPOCH_MS
    }

    pub fn worker(self) -> u8 {
        ((self.0 & WORKER_MASK) >> 17) as u8
    }

    pub fn process(self) -> u8 {
        ((self.0 & PROCESS_MASK) >> 12) as u8
    }

    pub fn increment(self) -> u16 {
        (self.0 & INCREMENT_MASK) as u16
    }

    pub fn parts(self) -> SnowflakeParts {
        SnowflakeParts {
            unix_ms: self.unix_ms(),
            worker: self.worker(),
            process: self.process(),
            increment: self.increment(),
        }
    }
}

impl fmt::Display for Snowflake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

fn ms_since_epoch(unix_ms: u64) -> Result<u64, SnowflakeError> {
    let since = unix_ms
        .checked_sub(DISCORD_EPOCH_MS)
        .ok_or(SnowflakeError::BeforeEpoch(unix_ms))?;
    // 41 bits keep the ID within a signed bigint.
    if since > (MAX_ID >> TIME_SHIFT) {
        return Err(SnowflakeError::AfterLastTime(unix_ms));
    }
    Ok(since)
}

fn check_field(field: &'static str, value: u64, max: u64) -> Result<(), SnowflakeError> {
    if value > max {
        return Err(SnowflakeError::FieldTooLarge { field, value, max });
    }
    Ok(())
}
