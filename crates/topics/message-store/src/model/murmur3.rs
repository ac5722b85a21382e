//! Murmur3 x64_128 exactly as Cassandra's `MurmurHash.hash3_x64_128`, and the
//! token `Murmur3Partitioner` derives from it.
//!
//! Cassandra's version differs from the reference hash in one place: tail bytes
//! are read as signed Java bytes, so bytes >= 0x80 are sign-extended. Tokens
//! only match the cluster's if that quirk is kept.

const C1: u64 = 0x87c3_7b91_1142_53d5;
const C2: u64 = 0x4cf5_ad43_2745_937f;

fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

fn block(bytes: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    if let Some(src) = bytes.get(at..at + 8) {
        b.copy_from_slice(src);
    }
    u64::from_le_bytes(b)
}

/// Sign-extends like Java's `(long) byteBuffer.get(i)`.
fn signed(bytes: &[u8], at: usize) -> u64 {
    bytes.get(at).map(|&b| b as i8 as i64 as u64).unwrap_or(0)
}

/// Returns `(h1, h2)` for `seed`.
pub fn hash3_x64_128(key: &[u8], seed: u64) -> (u64, u64) {
    let len = key.len();
    let nblocks = len / 16;
    let mut h1 = seed;
    let mut h2 = seed;
    for i in 0..nblocks {
        let mut k1 = block(key, i * 16);
        let mut k2 = block(key, i * 16 + 8);
        k1 = k1.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
        h1 ^= k1;
        h1 = h1
            .rotate_left(27)
            .wrapping_add(h2)
            .wrapping_mul(5)
            .wrapping_add(0x52dc_e729);
        k2 = k2.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
        h2 ^= k2;
        h2 = h2
            .rotate_left(31)
            .wrapping_add(h1)
            .wrapping_mul(5)
            .wrapping_add(0x3849_5ab5);
    }
    let tail = nblocks * 16;
    let rem = len & 15;
    let mut k1: u64 = 0;
    let mut k2: u64 = 0;
    for i in (8..rem).rev() {
        k2 ^= signed(key, tail + i) << ((i - 8) * 8);
    }
    if rem > 8 {
        k2 = k2.wrapping_mul(C2).rotate_left(33).wrapping_mul(C1);
        h2 ^= k2;
    }
    for i in (0..rem.min(8)).rev() {
        k1 ^= signed(key, tail + i) << (i * 8);
    }
    if rem > 0 {
        k1 = k1.wrapping_mul(C1).rotate_left(31).wrapping_mul(C2);
        h1 ^= k1;
    }
    h1 ^= len as u64;
    h2 ^= len as u64;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix(h1);
    h2 = fmix(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    (h1, h2)
}

/// `Murmur3Partitioner.getToken`: the first 64 bits as a signed long, with
/// `Long.MIN_VALUE` moved to `Long.MAX_VALUE` because the minimum is reserved.
pub fn token(key: &[u8]) -> i64 {
    let h = hash3_x64_128(key, 0).0 as i64;
    if h == i64::MIN {
        i64::MAX
    } else {
        h
    }
}

/// The bytes Cassandra hashes for `PRIMARY KEY ((channel_id, bucket), ...)`:
/// a CompositeType value, each component as a 2-byte length, the value, and a
/// 0 end-of-component byte. `channel_id` is a bigint, `bucket` an int.
pub fn partition_key_bytes(channel_id: u64, bucket: u64) -> [u8; 18] {
    let mut out = [0u8; 18];
    out[0..2].copy_from_slice(&8u16.to_be_bytes());
    out[2..10].copy_from_slice(&channel_id.to_be_bytes());
    out[10] = 0;
    out[11..13].copy_from_slice(&4u16.to_be_bytes());
    out[13..17].copy_from_slice(&(bucket as u32).to_be_bytes());
    out[17] = 0;
    out
}

/// Token of a message partition.
pub fn partition_token(channel_id: u64, bucket: u64) -> i64 {
    token(&partition_key_bytes(channel_id, bucket))
}

/// Token of a single bigint key, as used by the 2023 data services' consistent
/// hash on `channel_id`.
pub fn bigint_token(v: u64) -> i64 {
    token(&v.to_be_bytes())
}
