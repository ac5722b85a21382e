//! Panel state plumbing shared by every topic: what a topic's model is
//! (`Playground`), the feedback on its last action, how a gesture enters the
//! undo history, the URL codec and the undo history itself. Pure Rust, so
//! all of it is tested natively.

mod base64url;
pub mod feedback;
pub mod gesture;
pub mod history;
pub mod link;
pub mod playground;
pub mod trail;
pub mod url_codec;

pub use feedback::Feedback;
pub use gesture::{Gesture, StepAction, Stroke};
pub use history::{Change, History, UndoKind};
pub use playground::Playground;
pub use url_codec::{decode, encode, DecodeError};
