//! The config editor: a monospace textarea validated as you type (debounced),
//! with a line-number gutter that marks error lines and a list of the errors
//! at their line and column. The last valid pipeline stays in force meanwhile.

use super::super::model::{Action, ConfigError};
use super::super::state::Field;
use super::Props;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Re-validation waits for typing to pause (150 ms), so a big paste does not
/// block keys; big texts wait longer, as validating them takes longer.
pub fn debounce_ms(bytes: usize) -> u32 {
    150 + u32::try_from(bytes / 2048).unwrap_or(u32::MAX).min(650)
}

/// Texts above this say "Validating…" before the work starts.
const SLOW_BYTES: usize = 64 * 1024;

#[function_component]
pub fn ConfigEditor(props: &Props) -> Html {
    let pg = &props.state.pg;
    let area = use_node_ref();
    let gutter = use_node_ref();
    let draft = use_state(|| AttrValue::from(pg.editor_text().to_owned()));
    // The model's editor text as last seen, and the text this editor sent last:
    // an echo of our own edit must not overwrite what was typed since.
    let seen = use_mut_ref(|| pg.editor_text().to_owned());
    let sent = use_mut_ref(|| None::<String>);
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);

    {
        let (draft, seen, sent) = (draft.clone(), seen.clone(), sent.clone());
        use_effect_with(props.state.clone(), move |state| {
            let now = state.pg.editor_text();
            if *seen.borrow() != now {
                now.clone_into(&mut seen.borrow_mut());
                let ours = sent.borrow().as_deref() == Some(now);
                if !ours {
                    draft.set(AttrValue::from(now.to_owned()));
                }
                *sent.borrow_mut() = None;
            }
        });
    }

    let validating = use_state(|| None::<usize>);
    let stage2: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let oninput = {
        let (draft, seen, sent, timer) = (draft.clone(), seen.clone(), sent.clone(), timer.clone());
        let (validating, stage2) = (validating.clone(), stage2.clone());
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let Some(el) = e.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            let text = el.value();
            draft.set(AttrValue::from(text.clone()));
            *stage2.borrow_mut() = None;
            let (seen, sent, dispatch) = (seen.clone(), sent.clone(), dispatch.clone());
            let (validating, stage2) = (validating.clone(), stage2.clone());
            let delay = debounce_ms(text.len());
            *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                if *seen.borrow() == text {
                    return;
                }
                let bytes = text.len();
                let send = {
                    let validating = validating.clone();
                    move || {
                        *sent.borrow_mut() = Some(text.clone());
                        dispatch.emit(Action::EditConfig(text));
                        validating.set(None);
                    }
                };
                if bytes > SLOW_BYTES {
                    // Say so first, then validate once the message has painted.
                    validating.set(Some(bytes));
                    *stage2.borrow_mut() = Some(Timeout::new(30, send));
                } else {
                    send();
                }
            }));
        })
    };

    let onscroll = {
        let (area, gutter) = (area.clone(), gutter.clone());
        Callback::from(move |_: Event| {
            if let (Some(a), Some(g)) = (
                area.cast::<HtmlTextAreaElement>(),
                gutter.cast::<web_sys::HtmlElement>(),
            ) {
                g.set_scroll_top(a.scroll_top());
            }
        })
    };

    // A paste or drop too big to take is refused before the browser inserts it.
    let too_big = use_state(|| None::<String>);
    let onpaste = {
        let (area, too_big) = (area.clone(), too_big.clone());
        Callback::from(move |e: Event| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let data = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .or_else(|| {
                    e.dyn_ref::<web_sys::DragEvent>()
                        .and_then(|d| d.data_transfer())
                });
            let refusal = super::paste_guard::check(&el, data);
            if refusal.is_some() {
                e.prevent_default();
            }
            too_big.set(refusal);
        })
    };
    let ondrop = onpaste.reform(|e: DragEvent| e.into());

    let errors = pg.editor_errors();
    let refused = props.state.refused(&Field::Editor);
    let invalid = !errors.is_empty() || refused.is_some();
    let lines = use_memo((*draft).clone(), |t| t.matches('\n').count() + 1);
    let marks: Vec<(u32, String)> = errors
        .iter()
        .map(|e| (e.pos.line, e.kind.to_string()))
        .collect();
    let gutter_html = use_memo((*lines, marks), |(n, marks)| gutter_lines(*n, marks));

    let uid = &props.uid;
    let area_id = format!("{uid}-config");
    let errors_id = format!("{uid}-config-errors");
    let help_id = format!("{uid}-config-help");
    let lines = *lines;
    let jump = {
        let area = area.clone();
        let text = draft.clone();
        move |e: &ConfigError| {
            let (area, text, e) = (area.clone(), text.clone(), e.clone());
            Callback::from(move |_: MouseEvent| select_error(&area, &text, &e, lines))
        }
    };

    html! {
        <section role="group" class="card-box pl-editor" aria-labelledby={format!("{uid}-editor-h")}>
            <h2 id={format!("{uid}-editor-h")}>{ "Pipeline config (TOML)" }</h2>
            <label for={area_id.clone()} class="sr-only">{ "Pipeline config" }</label>
            <div class="pl-code">
                <pre class="pl-gutter" ref={gutter} aria-hidden="true">{ (*gutter_html).clone() }</pre>
                <textarea id={area_id} ref={area} class="pl-textarea" value={(*draft).clone()}
                    spellcheck="false" autocomplete="off" wrap="off" rows="22"
                    aria-invalid={invalid.to_string()}
                    aria-describedby={format!("{help_id} {errors_id}")}
                    {oninput} {onscroll} {onpaste} {ondrop} />
            </div>
            <p id={help_id} class="pl-hint" role="status">
                { match *validating {
                    Some(bytes) => format!("Validating {} KB…", bytes / 1024),
                    None => summary(pg, lines, errors.len()),
                } }
            </p>
            <div id={errors_id}>
                if let Some(msg) = (*too_big).clone() {
                    <p class="field-error pl-too-big" role="alert">{ msg }</p>
                }
                if let Some(msg) = refused {
                    <p class="field-error" role="alert">{ msg.to_owned() }</p>
                }
                if !errors.is_empty() {
                    <ol class="pl-errors field-error" aria-label="Config errors">
                        { for errors.iter().map(|e| html! {
                            <li>
                                <button class="pl-link" onclick={jump(e)}
                                    title={format!("Go to line {}, column {}", e.pos.line, e.pos.column)}>
                                    { format!("line {}, col {}", e.pos.line, e.pos.column) }
                                </button>
                                { format!(": {}", e.kind) }
                            </li>
                        }) }
                    </ol>
                }
            </div>
        </section>
    }
}

fn summary(pg: &super::super::model::Playground, lines: usize, errors: usize) -> String {
    let p = pg.pipeline();
    let in_force = format!(
        "service \"{}\", {} targets, {} dependencies",
        p.service(),
        p.len(),
        p.edge_count()
    );
    match errors {
        0 => format!("Valid ({lines} lines); in force: {in_force}."),
        n => format!(
            "{n} error{} — the last valid pipeline stays in force ({in_force}).",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Line numbers as a few text runs, with error lines as marked spans; the
/// number of nodes grows with the errors (capped by the model), not the lines.
fn gutter_lines(n: usize, marks: &[(u32, String)]) -> Html {
    let mut bad: Vec<(usize, String)> = marks
        .iter()
        .map(|(l, m)| (*l as usize, m.clone()))
        .filter(|(l, _)| (1..=n).contains(l))
        .collect();
    bad.sort_by_key(|(l, _)| *l);
    bad.dedup_by_key(|(l, _)| *l);
    let mut out = Vec::with_capacity(bad.len() * 2 + 1);
    let mut next = 1;
    let run = |from: usize, to: usize| -> String {
        let mut s = String::with_capacity((to - from) * 6);
        for i in from..to {
            s.push_str(&i.to_string());
            s.push('\n');
        }
        s
    };
    for (line, msg) in bad {
        if line > next {
            out.push(html! { { run(next, line) } });
        }
        out.push(html! { <><span class="pl-err-line" title={msg}>{ line }</span>{ "\n" }</> });
        next = line + 1;
    }
    if next <= n {
        out.push(html! { { run(next, n + 1) } });
    }
    out.into_iter().collect::<Html>()
}

/// Focuses the textarea with the error's span selected and its line in view.
fn select_error(area: &NodeRef, text: &str, e: &ConfigError, lines: usize) {
    let Some(el) = area.cast::<HtmlTextAreaElement>() else {
        return;
    };
    let (start, end) = match e.span {
        Some(s) => (s.start, s.end.max(s.start)),
        None => (0, 0),
    };
    let utf16 = |b: usize| -> u32 {
        let b = b.min(text.len());
        let b = (0..=b)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        u32::try_from(text[..b].encode_utf16().count()).unwrap_or(u32::MAX)
    };
    let _ = el.focus();
    let _ = el.set_selection_range(utf16(start), utf16(end));
    let line = e.pos.line.saturating_sub(3) as f64;
    let top = el.scroll_height() as f64 * line / lines.max(1) as f64;
    el.set_scroll_top(top as i32);
    if let Some(g) = el
        .previous_element_sibling()
        .and_then(|g| g.dyn_into::<web_sys::HtmlElement>().ok())
    {
        g.set_scroll_top(el.scroll_top());
    }
}
