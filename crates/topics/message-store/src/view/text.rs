//! A message's content as plain text: never parsed as HTML, isolated for
//! right-to-left scripts, and shortened with a button to show all of it.

use yew::prelude::*;

/// Characters shown before "Show all".
pub const SHORT_CHARS: usize = 200;

/// The first `n` characters of `s` and whether anything was cut.
pub fn shorten(s: &str, n: usize) -> (&str, bool) {
    match s.char_indices().nth(n) {
        Some((i, _)) => (&s[..i], true),
        None => (s, false),
    }
}

#[derive(Properties, PartialEq)]
pub struct MessageTextProps {
    /// `None` is a null column.
    pub text: Option<AttrValue>,
}

#[function_component]
pub fn MessageText(p: &MessageTextProps) -> Html {
    let open = use_state(|| false);
    let Some(text) = &p.text else {
        return html! { <span class="ms-null">{ "null" }</span> };
    };
    if text.is_empty() {
        return html! { <span class="ms-null">{ "(empty)" }</span> };
    }
    let (short, cut) = shorten(text, SHORT_CHARS);
    let total = text.chars().count();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <span class="ms-text">
            <bdi class="ms-content">{ if *open || !cut { text.to_string() } else { format!("{short}…") } }</bdi>
            if cut {
                { " " }
                <button type="button" class="ms-link" onclick={toggle} aria-expanded={open.to_string()}>
                    { if *open { "Show less".to_string() } else { format!("Show all {total} characters") } }
                </button>
            }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortening_respects_characters_not_bytes() {
        assert_eq!(shorten("héllo", 2), ("hé", true));
        assert_eq!(shorten("🎉🎉", 5), ("🎉🎉", false));
        assert_eq!(shorten("שלום", 3), ("שלו", true));
    }
}
