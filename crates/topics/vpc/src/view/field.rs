//! A text field that commits on Enter or its button, shows the model's
//! refusal next to itself (keeping the rejected text so it can be fixed) and
//! any notice about what the model did with the input.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CommitFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The value in force.
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    pub on_commit: Callback<String>,
    #[prop_or(AttrValue::from("Apply"))]
    pub button: AttrValue,
    /// Changes whenever the panel state does, so a draft is dropped once
    /// the state moves on without a refusal here.
    pub epoch: usize,
}

#[function_component]
pub fn CommitField(props: &CommitFieldProps) -> Html {
    let draft = use_state(|| None::<String>);
    {
        let draft = draft.clone();
        let refused = props.error.is_some();
        use_effect_with((props.epoch, refused), move |(_, refused)| {
            if !*refused {
                draft.set(None);
            }
        });
    }
    let shown = (*draft).clone().unwrap_or_else(|| props.value.to_string());
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let onsubmit = {
        let (on_commit, shown) = (props.on_commit.clone(), shown.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_commit.emit(shown.clone());
        })
    };
    let err_id = format!("{}-error", props.id);
    let note_id = format!("{}-note", props.id);
    let described = match (&props.error, &props.notice) {
        (Some(_), _) => Some(err_id.clone()),
        (None, Some(_)) => Some(note_id.clone()),
        _ => None,
    };
    html! {
        <form class="vpc-field" {onsubmit}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="vpc-field-row">
                <input id={props.id.clone()} type="text" value={shown} {oninput}
                    spellcheck="false" autocomplete="off"
                    aria-invalid={props.error.is_some().to_string()}
                    aria-describedby={described} />
                <button type="submit">{ props.button.clone() }</button>
            </div>
            if let Some(e) = &props.error {
                <p class="field-error" id={err_id} role="alert">{ e.clone() }</p>
            }
            if let Some(n) = &props.notice {
                <p class="vpc-notice" id={note_id} role="status">{ n.clone() }</p>
            }
        </form>
    }
}

/// Parses a port typed by a person, with a message that says what is wrong.
pub fn parse_port(what: &str, text: &str) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("{what}: enter a port number from 0 to 65535"));
    }
    t.parse::<u32>()
        .map_err(|_| format!("{what}: \"{t}\" is not a whole number; ports are 0 to 65535"))
        .and_then(|p| {
            if p > 65535 {
                Err(format!(
                    "{what}: port {p} is out of range; ports are 0 to 65535"
                ))
            } else {
                Ok(p)
            }
        })
}

#[cfg(test)]
mod tests {
    use super::parse_port;

    #[test]
    fn ports_are_checked_with_plain_messages() {
        assert_eq!(parse_port("port", " 443 "), Ok(443));
        assert!(parse_port("port", "http")
            .unwrap_err()
            .contains("not a whole number"));
        assert!(parse_port("port", "70000")
            .unwrap_err()
            .contains("out of range"));
        assert!(parse_port("port", "").unwrap_err().contains("enter a port"));
    }
}
