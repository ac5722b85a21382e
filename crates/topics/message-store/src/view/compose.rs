//! Writing, editing and deleting messages by hand, the null-columns switch,
//! and bulk writes (a burst of messages, a mass delete).

use super::super::model::store::MAX_TTL;
use super::super::model::{Action, Outcome};
use super::super::state::{Field, DEFAULT_AUTHOR, DEFAULT_CHANNEL};
use super::channel::ChannelPick;
use super::field::{checked_of, first_error, on_draft, parse_id, parse_u32, parse_u64, TextField};
use super::format::count;
use super::Props;
use std::collections::HashMap;
use techshack_core::widgets::field_error;
use yew::prelude::*;

type Errors = HashMap<&'static str, String>;

fn errors_from(list: Vec<(&'static str, Result<(), String>)>) -> Errors {
    list.into_iter()
        .filter_map(|(k, r)| r.err().map(|e| (k, e)))
        .collect()
}

fn write_outcome(p: &Props) -> Option<String> {
    let pg = p.state.pg();
    match pg.outcome() {
        Outcome::Wrote {
            message_id,
            cluster,
        } => {
            let id = message_id.map_or("the partition".to_string(), |m| format!("message {m}"));
            let acks = cluster.as_ref().map_or(String::new(), |c| {
                let mut s = format!(
                    "; {} of {} replicas acknowledged (needed {})",
                    c.acked.len(),
                    c.replicas.len(),
                    c.required
                );
                if !c.hinted.is_empty() {
                    s.push_str(&format!(", hints kept for node {:?}", c.hinted));
                }
                if !c.missed.is_empty() {
                    s.push_str(&format!(
                        ", node {:?} missed it (down past the hint window)",
                        c.missed
                    ));
                }
                s
            });
            Some(format!("Wrote {id}{acks}."))
        }
        // A bulk delete writes rows too: a tombstone for each message.
        Outcome::Bulk { rows } => {
            let bulk = pg
                .actions()
                .iter()
                .rev()
                .find(|a| matches!(a, Action::Burst { .. } | Action::DeleteNewest { .. }));
            Some(match bulk {
                Some(Action::DeleteNewest { .. }) => format!(
                    "{} row tombstones written, one per deleted message.",
                    count(*rows)
                ),
                _ => format!("{} rows written.", count(*rows)),
            })
        }
        _ => None,
    }
}

#[function_component]
pub fn Compose(p: &Props) -> Html {
    let channel = use_state(|| DEFAULT_CHANNEL.to_string());
    let author = use_state(|| DEFAULT_AUTHOR.to_string());
    let content = use_state(|| "Hello from the playground 👋".to_string());
    let message = use_state(String::new);
    let burst = use_state(|| "1000".to_string());
    let spacing = use_state(|| "60000".to_string());
    let ttl = use_state(String::new);
    let local = use_state(Errors::new);

    // After a write, offer its ID for editing and deleting.
    {
        let message = message.clone();
        let written = match p.state.pg().outcome() {
            Outcome::Wrote {
                message_id: Some(id),
                ..
            } => Some(*id),
            _ => None,
        };
        use_effect_with(written, move |w| {
            if let Some(id) = w {
                message.set(id.to_string());
            }
        });
    }

    let submit = |kind: &'static str| {
        let p = p.clone();
        let (channel, author, content, message, burst, spacing, ttl, local) = (
            channel.clone(),
            author.clone(),
            content.clone(),
            message.clone(),
            burst.clone(),
            spacing.clone(),
            ttl.clone(),
            local.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let ch = parse_id("Channel ID", &channel);
            let mut checks = vec![("channel", ch.clone().map(|_| ()))];
            let action = match kind {
                "write" => {
                    let au = parse_id("Author ID", &author);
                    checks.push(("author", au.clone().map(|_| ())));
                    // Empty means no TTL; the model refuses 0 and over 20 years.
                    let t = (!ttl.trim().is_empty())
                        .then(|| parse_u32("TTL (s)", &ttl, 1, MAX_TTL as u64))
                        .transpose();
                    checks.push(("ttl", t.clone().map(|_| ())));
                    let (content, at) = ((*content).clone(), p.state.pg().now_ms());
                    match (ch, au, t) {
                        (Ok(channel), Ok(author), Ok(None)) => Some(Action::WriteMessage {
                            channel,
                            author,
                            content,
                            at,
                        }),
                        (Ok(channel), Ok(author), Ok(Some(ttl))) => Some(Action::WriteExpiring {
                            channel,
                            author,
                            content,
                            at,
                            ttl,
                        }),
                        _ => None,
                    }
                }
                "edit" | "delete" => {
                    let m = parse_id("Message ID", &message);
                    checks.push(("message", m.clone().map(|_| ())));
                    match (ch, m) {
                        (Ok(channel), Ok(message)) if kind == "edit" => Some(Action::EditMessage {
                            channel,
                            message,
                            content: (*content).clone(),
                        }),
                        (Ok(channel), Ok(message)) => {
                            Some(Action::DeleteMessage { channel, message })
                        }
                        _ => None,
                    }
                }
                _ => {
                    let n = parse_u32("Count", &burst, 1, 200_000);
                    checks.push(("count", n.clone().map(|_| ())));
                    if kind == "burst" {
                        let au = parse_id("Author ID", &author);
                        let sp = parse_u64("Spacing (ms)", &spacing);
                        checks.push(("author", au.clone().map(|_| ())));
                        checks.push(("spacing", sp.clone().map(|_| ())));
                        match (ch, au, n, sp) {
                            (Ok(channel), Ok(author), Ok(count), Ok(spacing_ms)) => {
                                Some(Action::Burst {
                                    channel,
                                    author,
                                    count,
                                    spacing_ms,
                                })
                            }
                            _ => None,
                        }
                    } else {
                        match (ch, n) {
                            (Ok(channel), Ok(count)) => {
                                Some(Action::DeleteNewest { channel, count })
                            }
                            _ => None,
                        }
                    }
                }
            };
            local.set(errors_from(checks));
            if let Some(a) = action {
                p.act(a);
            }
        })
    };

    let s = &p.state;
    let err = |key: &'static str, field: Field| first_error(local.get(key), s.refused(&field));
    let nulls = s.pg().write_nulls();
    let on_nulls = {
        let p = p.clone();
        Callback::from(move |e: Event| p.act(Action::WriteNullColumns(checked_of(&e))))
    };
    let content_err = s
        .refused(&Field::Content)
        .map(|m| AttrValue::from(m.to_string()));
    let content_id = p.id("content");
    let on_pick = {
        let channel = channel.clone();
        Callback::from(move |c: String| channel.set(c))
    };
    let done = write_outcome(p);
    html! {
        <section role="group" class="card-box ms-compose" aria-labelledby={p.id("compose-h")}>
            <h2 id={p.id("compose-h")}>{ "Write, edit, delete" }</h2>
            <div class="controls">
                <ChannelPick id={p.id("channel-pick")} typed={(*channel).clone()} onpick={on_pick} />
                <TextField id={p.id("channel")} label="Channel ID" value={(*channel).clone()}
                    oninput={on_draft(&channel)} numeric=true error={err("channel", Field::Channel)} class="ms-id" />
                <TextField id={p.id("author")} label="Author ID" value={(*author).clone()}
                    oninput={on_draft(&author)} numeric=true error={err("author", Field::Author)} class="ms-id" />
            </div>
            <div class="ms-field ms-wide">
                <label for={content_id.clone()}>{ "Content" }</label>
                <textarea id={content_id.clone()} rows="2" value={(*content).clone()} oninput={on_draft(&content)}
                    aria-invalid={content_err.is_some().to_string()}
                    aria-describedby={content_err.is_some().then(|| format!("{content_id}-error"))} />
                { field_error(&format!("{content_id}-error"), content_err.as_deref()) }
            </div>
            <label class="ms-check">
                <input type="checkbox" checked={nulls} onchange={on_nulls} />
                { "Write all 16 columns (nulls): each null becomes a tombstone" }
            </label>
            <div class="controls">
                <TextField id={p.id("ttl")} label="TTL (s), empty: never expires" value={(*ttl).clone()}
                    oninput={on_draft(&ttl)} numeric=true error={err("ttl", Field::Ttl)} class="ms-num" placeholder="none" />
                <button type="button" class="primary" onclick={submit("write")}>{ "Write message" }</button>
                <TextField id={p.id("message")} label="Message ID (edit or delete)" value={(*message).clone()}
                    oninput={on_draft(&message)} numeric=true error={err("message", Field::MessageId)} class="ms-id" />
                <button type="button" onclick={submit("edit")}>{ "Edit content" }</button>
                <button type="button" onclick={submit("delete")}>{ "Delete message" }</button>
            </div>
            { field_error(&p.id("compose-error"), s.refused(&Field::Compose)) }
            <details class="ms-bulk">
                <summary>{ "Bulk: a burst of messages, or delete the newest" }</summary>
                <div class="controls">
                    <TextField id={p.id("burst")} label="Count" value={(*burst).clone()} oninput={on_draft(&burst)}
                        numeric=true error={first_error(local.get("count"), None)} class="ms-num" />
                    <TextField id={p.id("spacing")} label="Spacing (ms)" value={(*spacing).clone()}
                        oninput={on_draft(&spacing)} numeric=true error={first_error(local.get("spacing"), None)} class="ms-num" />
                    <button type="button" onclick={submit("burst")}>{ "Write burst" }</button>
                    <button type="button" onclick={submit("delete-newest")}>{ "Delete newest" }</button>
                </div>
                { field_error(&p.id("bulk-error"), s.refused(&Field::Bulk)) }
            </details>
            if let Some(d) = done {
                <p class="ms-done" role="status">{ d }</p>
            }
        </section>
    }
}
