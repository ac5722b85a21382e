//! What the last action left to say, and where: a refusal (the action changed
//! nothing) or a notice (done, with something worth knowing). The place is
//! the topic's own typed field id, so a message is shown next to the input
//! that caused it whatever its wording.

#[derive(Clone, Debug, PartialEq)]
pub struct Feedback<F> {
    pub field: F,
    pub message: String,
    /// Refused (an error) rather than done with a notice.
    pub refused: bool,
}

impl<F: PartialEq> Feedback<F> {
    pub fn refusal(field: F, message: impl Into<String>) -> Self {
        Feedback {
            field,
            message: message.into(),
            refused: true,
        }
    }

    pub fn notice(field: F, message: impl Into<String>) -> Self {
        Feedback {
            field,
            message: message.into(),
            refused: false,
        }
    }

    /// The message, if this is a refusal at `field`.
    pub fn refused_at(&self, field: &F) -> Option<&str> {
        (self.refused && self.field == *field).then_some(self.message.as_str())
    }

    /// The message, if this is a notice at `field`.
    pub fn notice_at(&self, field: &F) -> Option<&str> {
        (!self.refused && self.field == *field).then_some(self.message.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_shows_only_at_its_field_and_as_its_kind() {
        let r = Feedback::refusal(1, "no");
        assert_eq!(r.refused_at(&1), Some("no"));
        assert_eq!(r.refused_at(&2), None);
        assert_eq!(r.notice_at(&1), None);
        let n = Feedback::notice(1, "rounded");
        assert_eq!(n.notice_at(&1), Some("rounded"));
        assert_eq!(n.refused_at(&1), None);
    }
}
