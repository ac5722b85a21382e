//! Panel state plumbing shared by every topic: the URL codec and the undo history.
//! Pure Rust, so both are tested natively.

pub mod history;
pub mod link;
pub mod trail;
pub mod url_codec;

pub use history::{Change, History, UndoKind};
pub use url_codec::{decode, encode, DecodeError};
