//! Refuses a paste or drop that would make the config bigger than the model
//! accepts, before the browser inserts it: laying out a 2 MB textarea and
//! its line gutter froze the page for seconds, only for the model to refuse
//! the text afterwards (issue 15).

use super::super::model::limits::MAX_CONFIG_BYTES;
use web_sys::{DataTransfer, HtmlTextAreaElement};

/// Why inserting `inserted` bytes over a selection of `selected` bytes in a
/// text of `current` bytes is refused, if it is.
pub fn refusal(current: usize, selected: usize, inserted: usize) -> Option<String> {
    let after = current.saturating_sub(selected).saturating_add(inserted);
    (after > MAX_CONFIG_BYTES).then(|| {
        format!(
            "Not pasted: the config would be {} KB, and the editor takes at most {} KB. Your text is unchanged.",
            after.div_ceil(1024),
            MAX_CONFIG_BYTES / 1024
        )
    })
}

/// The refusal for inserting `data`'s text into `area`, if any.
pub fn check(area: &HtmlTextAreaElement, data: Option<DataTransfer>) -> Option<String> {
    let inserted = data.and_then(|d| d.get_data("text").ok())?.len();
    let text = area.value();
    let (start, end) = (
        area.selection_start().ok().flatten().unwrap_or(0) as usize,
        area.selection_end().ok().flatten().unwrap_or(0) as usize,
    );
    // Selection offsets count UTF-16 units; bytes are at least as many.
    let selected = end.saturating_sub(start);
    refusal(text.len(), selected, inserted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pastes_that_keep_the_config_within_the_limit_pass() {
        assert_eq!(refusal(100, 0, MAX_CONFIG_BYTES - 100), None);
        assert_eq!(
            refusal(MAX_CONFIG_BYTES, MAX_CONFIG_BYTES, MAX_CONFIG_BYTES),
            None
        );
    }

    #[test]
    fn a_paste_past_the_limit_is_refused_with_the_sizes() {
        let msg = refusal(10, 0, 2 * 1024 * 1024).unwrap();
        assert_eq!(
            msg,
            "Not pasted: the config would be 2049 KB, and the editor takes at most 1024 KB. Your text is unchanged."
        );
        assert!(refusal(usize::MAX, 0, usize::MAX).is_some());
    }
}
