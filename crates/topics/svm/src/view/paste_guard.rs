//! Refuses a paste or drop that would make the CSV import's text bigger than
//! any import can use, before the browser inserts it: laying out a 5 MB
//! textarea froze the page for over ten seconds, only for the import to
//! refuse the points past 5 000 afterwards (issue 15).
//!
//! The event's data is read through `Reflect`, so the crate needs no extra
//! web-sys features, and its length is taken in the browser without copying
//! the text into wasm.

use super::super::model::points::MAX_POINTS;
use js_sys::{Function, JsString, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

/// The most text the import box takes (UTF-16 units, bytes for plain CSV):
/// 5 000 rows of long numbers, with comments, fit several times over.
pub const MAX_CSV_CHARS: usize = 1 << 20;

/// Why inserting `inserted` characters over a selection of `selected` in a
/// text of `current` is refused, if it is.
pub fn refusal(current: usize, selected: usize, inserted: usize) -> Option<String> {
    let after = current.saturating_sub(selected).saturating_add(inserted);
    (after > MAX_CSV_CHARS).then(|| {
        format!(
            "Not pasted: the CSV would be {} KB, and the import takes at most {} KB ({MAX_POINTS} points). Your text is unchanged.",
            after.div_ceil(1024),
            MAX_CSV_CHARS / 1024
        )
    })
}

/// The length of the text a paste (`clipboardData`) or drop (`dataTransfer`)
/// event carries.
fn carried(event: &JsValue) -> Option<usize> {
    let data = ["clipboardData", "dataTransfer"]
        .iter()
        .filter_map(|k| Reflect::get(event, &JsValue::from_str(k)).ok())
        .find(JsValue::is_object)?;
    let get: Function = Reflect::get(&data, &JsValue::from_str("getData"))
        .ok()?
        .dyn_into()
        .ok()?;
    let text: JsString = get
        .call1(&data, &JsValue::from_str("text"))
        .ok()?
        .dyn_into()
        .ok()?;
    Some(text.length() as usize)
}

/// The refusal for inserting the event's text into `area`, if any.
pub fn check(area: &HtmlTextAreaElement, event: &JsValue) -> Option<String> {
    let inserted = carried(event)?;
    let (start, end) = (
        area.selection_start().ok().flatten().unwrap_or(0) as usize,
        area.selection_end().ok().flatten().unwrap_or(0) as usize,
    );
    refusal(
        area.text_length() as usize,
        end.saturating_sub(start),
        inserted,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pastes_that_stay_within_the_limit_pass() {
        assert_eq!(refusal(0, 0, MAX_CSV_CHARS), None);
        assert_eq!(refusal(MAX_CSV_CHARS, MAX_CSV_CHARS, MAX_CSV_CHARS), None);
    }

    #[test]
    fn a_paste_past_the_limit_is_refused_with_the_sizes() {
        assert_eq!(
            refusal(10, 0, 5_000_000).as_deref(),
            Some("Not pasted: the CSV would be 4883 KB, and the import takes at most 1024 KB (5000 points). Your text is unchanged.")
        );
        assert!(refusal(usize::MAX, 0, usize::MAX).is_some());
    }
}
