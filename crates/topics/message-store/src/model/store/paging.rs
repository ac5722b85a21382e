//! The opaque paging state a client resends to get the next page. Like
//! Cassandra's, it records where the last page stopped (the last clustering
//! key returned) and how much of the LIMIT is left, so rows written or deleted
//! between pages never make a row appear twice.

use super::super::error::Error;
use super::super::murmur3::hash3_x64_128;

const VERSION: u8 = 1;
const LEN: usize = 1 + 8 + 1 + 8 + 4 + 8 + 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PagingState {
    pub channel: u64,
    pub before: Option<u64>,
    pub limit: u32,
    /// The last message returned; the next page starts strictly below it.
    pub cursor: u64,
    pub remaining: u32,
}

fn checksum(bytes: &[u8]) -> u32 {
    hash3_x64_128(bytes, 0x5eed).0 as u32
}

impl PagingState {
    pub fn encode(&self) -> String {
        let mut b = Vec::with_capacity(LEN + 4);
        b.push(VERSION);
        b.extend_from_slice(&self.channel.to_be_bytes());
        b.push(self.before.is_some() as u8);
        b.extend_from_slice(&self.before.unwrap_or(0).to_be_bytes());
        b.extend_from_slice(&self.limit.to_be_bytes());
        b.extend_from_slice(&self.cursor.to_be_bytes());
        b.extend_from_slice(&self.remaining.to_be_bytes());
        let c = checksum(&b);
        b.extend_from_slice(&c.to_be_bytes());
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    pub fn decode(text: &str) -> Result<PagingState, Error> {
        let t = text.trim();
        if t.len() != (LEN + 4) * 2 || !t.bytes().all(|c| c.is_ascii_hexdigit()) {
            return Err(Error::PagingState(format!(
                "expected {} hexadecimal characters (got {})",
                (LEN + 4) * 2,
                t.len()
            )));
        }
        let mut b = Vec::with_capacity(LEN + 4);
        for i in (0..t.len()).step_by(2) {
            let byte = u8::from_str_radix(t.get(i..i + 2).unwrap_or("zz"), 16)
                .map_err(|_| Error::PagingState("not hexadecimal".into()))?;
            b.push(byte);
        }
        let (body, check) = b.split_at(LEN);
        if checksum(body).to_be_bytes() != check {
            return Err(Error::PagingState(
                "it was altered or belongs to another session".into(),
            ));
        }
        if body[0] != VERSION {
            return Err(Error::PagingState(format!("unknown version {}", body[0])));
        }
        let u64_at = |i: usize| {
            let mut a = [0u8; 8];
            a.copy_from_slice(&body[i..i + 8]);
            u64::from_be_bytes(a)
        };
        let u32_at = |i: usize| {
            let mut a = [0u8; 4];
            a.copy_from_slice(&body[i..i + 4]);
            u32::from_be_bytes(a)
        };
        Ok(PagingState {
            channel: u64_at(1),
            before: (body[9] != 0).then(|| u64_at(10)),
            limit: u32_at(18),
            cursor: u64_at(22),
            remaining: u32_at(30),
        })
    }
}
