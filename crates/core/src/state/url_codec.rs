//! Compact, versioned panel state for links: `<version>.<base64url(postcard)>`.
//!
//! Postcard is a compact binary serde format: links are shorter than JSON
//! ones and the wasm carries no JSON code. The version lets an old (or newer)
//! link be told apart from a corrupt one, so the user gets an honest notice
//! instead of silently wrong state. Snapshot types must not skip fields
//! (`skip_serializing_if`) or need self-description (internally tagged or
//! untagged enums): postcard writes fields by position.

use super::base64url;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt;

/// Links longer than this are refused before decoding, so a pasted novel cannot
/// stall the page.
pub const MAX_ENCODED_LEN: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLong(usize),
    MissingVersion,
    OldVersion { found: u32, expected: u32 },
    NewerVersion { found: u32, expected: u32 },
    NotBase64,
    NotValidState(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLong(n) => write!(
                f,
                "the saved state in this link is too long ({n} characters, limit {MAX_ENCODED_LEN})"
            ),
            DecodeError::MissingVersion => {
                write!(f, "the saved state in this link has no version marker")
            }
            DecodeError::OldVersion { found, expected } => write!(
                f,
                "this link was made by an older version of the panel (state v{found}, now v{expected})"
            ),
            DecodeError::NewerVersion { found, expected } => write!(
                f,
                "this link was made by a newer version of the panel (state v{found}, this page reads v{expected}); reload the page to get the newest version"
            ),
            DecodeError::NotBase64 => write!(f, "the saved state in this link is garbled"),
            // The decoder's own words ("Serde Deserialization Error") mean
            // nothing to a reader; they stay in the Debug form.
            DecodeError::NotValidState(_) => write!(
                f,
                "the saved state in this link is not a state of this panel (it may be cut short, or made by another panel)"
            ),
        }
    }
}

pub fn encode<T: Serialize>(version: u32, value: &T) -> String {
    // Serialising plain data structs cannot fail; an empty payload still decodes
    // to a clear error rather than a panic if it ever did.
    let bytes = postcard::to_allocvec(value).unwrap_or_default();
    format!("{version}.{}", base64url::encode(&bytes))
}

pub fn decode<T: DeserializeOwned>(expected: u32, text: &str) -> Result<T, DecodeError> {
    if text.len() > MAX_ENCODED_LEN {
        return Err(DecodeError::TooLong(text.len()));
    }
    let (version, payload) = text.split_once('.').ok_or(DecodeError::MissingVersion)?;
    let found: u32 = version.parse().map_err(|_| DecodeError::MissingVersion)?;
    if found < expected {
        return Err(DecodeError::OldVersion { found, expected });
    }
    if found > expected {
        return Err(DecodeError::NewerVersion { found, expected });
    }
    let bytes = base64url::decode(payload).ok_or(DecodeError::NotBase64)?;
    let (value, rest) =
        postcard::take_from_bytes(&bytes).map_err(|e| DecodeError::NotValidState(e.to_string()))?;
    if !rest.is_empty() {
        return Err(DecodeError::NotValidState(format!(
            "{} bytes left over after the state",
            rest.len()
        )));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        points: Vec<(f64, f64, i8)>,
        name: String,
        c: f64,
    }

    fn sample() -> Sample {
        Sample {
            points: vec![(0.5, -0.25, 1), (1.0, 2.0, -1)],
            name: "émoji 🪦 <script>".into(),
            c: 10.0,
        }
    }

    #[test]
    fn round_trip_restores_the_value() {
        let text = encode(3, &sample());
        assert!(text.starts_with("3."));
        assert_eq!(decode::<Sample>(3, &text).unwrap(), sample());
    }

    #[test]
    fn encoded_state_is_url_safe() {
        let text = encode(1, &sample());
        assert!(text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
    }

    #[test]
    fn old_version_is_reported_as_such() {
        let text = encode(1, &sample());
        assert_eq!(
            decode::<Sample>(2, &text),
            Err(DecodeError::OldVersion {
                found: 1,
                expected: 2
            })
        );
    }

    #[test]
    fn a_newer_link_says_newer_not_older() {
        let text = encode(3, &sample());
        let err = decode::<Sample>(2, &text).unwrap_err();
        assert_eq!(
            err,
            DecodeError::NewerVersion {
                found: 3,
                expected: 2
            }
        );
        assert!(err.to_string().contains("newer version"), "{err}");
    }

    #[test]
    fn an_enum_variant_no_version_had_is_not_a_valid_state() {
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        enum Preset {
            A,
            B,
        }
        assert_eq!(decode::<Preset>(1, &encode(1, &Preset::B)), Ok(Preset::B));
        assert!(matches!(
            decode::<Preset>(1, &encode(1, &7u32)),
            Err(DecodeError::NotValidState(_))
        ));
    }

    #[test]
    fn an_invalid_state_is_described_without_the_decoders_words() {
        let err = decode::<Sample>(1, "1.e30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "the saved state in this link is not a state of this panel (it may be cut short, or made by another panel)"
        );
    }

    #[test]
    fn trailing_bytes_are_not_a_valid_state() {
        let mut bytes = postcard::to_allocvec(&sample()).unwrap();
        bytes.push(0);
        let text = format!("1.{}", base64url::encode(&bytes));
        assert!(matches!(
            decode::<Sample>(1, &text),
            Err(DecodeError::NotValidState(_))
        ));
    }

    #[test]
    fn garbage_is_reported_not_panicked() {
        assert_eq!(decode::<Sample>(1, ""), Err(DecodeError::MissingVersion));
        assert_eq!(
            decode::<Sample>(1, "x.abc"),
            Err(DecodeError::MissingVersion)
        );
        assert_eq!(decode::<Sample>(1, "1.@@@"), Err(DecodeError::NotBase64));
        assert!(matches!(
            decode::<Sample>(1, "1.e30"),
            Err(DecodeError::NotValidState(_))
        ));
        let long = "1.".to_string() + &"A".repeat(MAX_ENCODED_LEN);
        assert!(matches!(
            decode::<Sample>(1, &long),
            Err(DecodeError::TooLong(_))
        ));
    }

    proptest! {
        #[test]
        fn random_strings_never_panic(s in ".{0,400}") {
            let _ = decode::<Sample>(1, &s);
        }

        #[test]
        fn corrupted_links_never_panic(flip in 0usize..200, byte in any::<u8>()) {
            let mut bytes = encode(1, &sample()).into_bytes();
            let i = flip % bytes.len();
            bytes[i] = byte;
            let s = String::from_utf8_lossy(&bytes).into_owned();
            let _ = decode::<Sample>(1, &s);
        }

        #[test]
        fn any_value_round_trips(xs in proptest::collection::vec((-1e6f64..1e6, -1e6f64..1e6, -1i8..=1), 0..50), name in ".{0,40}") {
            let v = Sample { points: xs, name, c: 1.0 };
            prop_assert_eq!(decode::<Sample>(7, &encode(7, &v)).unwrap(), v);
        }
    }
}
