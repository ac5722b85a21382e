//! Saved configs: save the editor's text under a name in this browser, then
//! list, load, rename and delete them. Unreadable entries are reported.

use super::super::model::Action;
use super::storage::{self, check_name, Corrupt, SavedConfig};
use super::Props;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Clone, PartialEq, Default)]
struct Listing {
    saved: Vec<SavedConfig>,
    corrupt: Vec<Corrupt>,
    error: Option<String>,
}

fn read() -> Listing {
    match storage::load_all() {
        Ok((saved, corrupt)) => Listing {
            saved,
            corrupt,
            error: None,
        },
        Err(e) => Listing {
            error: Some(e),
            ..Listing::default()
        },
    }
}

fn value_of(e: &InputEvent) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>().map(|el| el.value())
}

#[function_component]
pub fn SavedConfigs(props: &Props) -> Html {
    let list = use_state(Listing::default);
    let name = use_state(String::new);
    let name_error = use_state(|| None::<String>);
    // (old name, new name being typed, error)
    let renaming = use_state(|| None::<(String, String, Option<String>)>);
    let note = use_state(|| None::<String>);
    {
        let list = list.clone();
        use_effect_with((), move |_| list.set(read()));
    }
    let uid = &props.uid;
    let state = props.state.clone();

    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(value_of(&e).unwrap_or_default()))
    };
    let on_save = {
        let (list, name, name_error, note) =
            (list.clone(), name.clone(), name_error.clone(), note.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let result = check_name(&name, &list.saved, None)
                .and_then(|n| storage::save(&n, state.pg.editor_text()).map(|()| n));
            match result {
                Ok(n) => {
                    name_error.set(None);
                    name.set(String::new());
                    note.set(Some(format!("Saved “{n}” in this browser.")));
                    list.set(read());
                }
                Err(e) => name_error.set(Some(e)),
            }
        })
    };

    let name_id = format!("{uid}-save-name");
    let name_err_id = format!("{uid}-save-name-error");
    let items = list.saved.iter().map(|s| {
        let load = {
            let (d, text, note, n) = (props.dispatch.clone(), s.text.clone(), note.clone(), s.name.clone());
            Callback::from(move |_: MouseEvent| {
                d.emit(Action::EditConfig(text.clone()));
                note.set(Some(format!("Loaded “{n}” into the editor.")));
            })
        };
        let delete = {
            let (list, note, n) = (list.clone(), note.clone(), s.name.clone());
            Callback::from(move |_: MouseEvent| {
                note.set(Some(match storage::remove(&n) {
                    Ok(()) => format!("Deleted “{n}”."),
                    Err(e) => format!("Could not delete “{n}”: {e}."),
                }));
                list.set(read());
            })
        };
        let start_rename = {
            let (r, n) = (renaming.clone(), s.name.clone());
            Callback::from(move |_: MouseEvent| r.set(Some((n.clone(), n.clone(), None))))
        };
        let lines = s.text.lines().count();
        match &*renaming {
            Some((old, new, err)) if *old == s.name => {
                let field_id = format!("{uid}-rename");
                let err_id = format!("{uid}-rename-error");
                let on_input = {
                    let r = renaming.clone();
                    let old = old.clone();
                    Callback::from(move |e: InputEvent| {
                        r.set(Some((old.clone(), value_of(&e).unwrap_or_default(), None)))
                    })
                };
                let confirm = {
                    let (r, list, note, old, new) = (renaming.clone(), list.clone(), note.clone(), old.clone(), new.clone());
                    Callback::from(move |e: SubmitEvent| {
                        e.prevent_default();
                        let result = check_name(&new, &list.saved, Some(&old)).and_then(|n| {
                            if n == old { Ok(n) } else { storage::rename(&old, &n).map(|()| n) }
                        });
                        match result {
                            Ok(n) => {
                                r.set(None);
                                note.set(Some(format!("Renamed “{old}” to “{n}”.")));
                                list.set(read());
                            }
                            Err(e) => r.set(Some((old.clone(), new.clone(), Some(e)))),
                        }
                    })
                };
                let cancel = {
                    let r = renaming.clone();
                    Callback::from(move |_: MouseEvent| r.set(None))
                };
                html! {
                    <li key={s.name.clone()}>
                        <form class="controls" onsubmit={confirm}>
                            <label for={field_id.clone()}>{ format!("New name for “{}”", s.name) }
                                <input id={field_id} value={new.clone()} oninput={on_input}
                                    aria-invalid={err.is_some().to_string()}
                                    aria-describedby={err.is_some().then(|| err_id.clone())} />
                            </label>
                            <button type="submit">{ "Save name" }</button>
                            <button type="button" onclick={cancel}>{ "Cancel" }</button>
                        </form>
                        if let Some(e) = err {
                            <p class="field-error" id={err_id}>{ e.clone() }</p>
                        }
                    </li>
                }
            }
            _ => html! {
                <li key={s.name.clone()} class="pl-saved-item">
                    <span class="pl-saved-name">{ s.name.clone() }</span>
                    <span class="pl-hint">{ format!(" {lines} lines ") }</span>
                    <button onclick={load} aria-label={format!("Load {}", s.name)}>{ "Load" }</button>
                    <button onclick={start_rename} aria-label={format!("Rename {}", s.name)}>{ "Rename" }</button>
                    <button onclick={delete} aria-label={format!("Delete {}", s.name)}>{ "Delete" }</button>
                </li>
            },
        }
    });
    let corrupt = list.corrupt.iter().map(|c| {
        let delete = {
            let (list, n) = (list.clone(), c.name.clone());
            Callback::from(move |_: MouseEvent| {
                let _ = storage::remove(&n);
                list.set(read());
            })
        };
        html! {
            <li key={c.name.clone()}>
                { format!("Saved entry “{}” could not be read ({}) and was skipped. ", c.name, c.why) }
                <button onclick={delete} aria-label={format!("Delete unreadable entry {}", c.name)}>{ "Delete it" }</button>
            </li>
        }
    });

    html! {
        <section role="group" class="card-box pl-saved" aria-labelledby={format!("{uid}-saved-h")}>
            <h2 id={format!("{uid}-saved-h")}>{ "Saved configs (this browser)" }</h2>
            <form class="controls" onsubmit={on_save}>
                <label for={name_id.clone()}>{ "Name" }
                    <input id={name_id} value={(*name).clone()} oninput={on_name} maxlength="200"
                        aria-invalid={name_error.is_some().to_string()}
                        aria-describedby={name_error.is_some().then(|| name_err_id.clone())} />
                </label>
                <button type="submit">{ "Save editor text" }</button>
            </form>
            if let Some(e) = &*name_error {
                <p class="field-error" id={name_err_id}>{ e.clone() }</p>
            }
            if let Some(e) = &list.error {
                <p class="field-error">{ e.clone() }</p>
            }
            if list.saved.is_empty() {
                <p class="pl-hint">{ "Nothing saved yet." }</p>
            } else {
                <ul class="pl-saved-list" aria-label="Saved configs">{ for items }</ul>
            }
            if !list.corrupt.is_empty() {
                <ul class="pl-corrupt" aria-label="Unreadable saved entries">{ for corrupt }</ul>
            }
            if let Some(n) = &*note {
                <p class="pl-hint" role="status">{ n.clone() }</p>
            }
        </section>
    }
}
