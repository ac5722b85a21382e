//! Snowflake anatomy: a message ID split into the fields the Discord API docs
//! describe (42 bits of milliseconds since 2015, 5 of worker, 5 of process,
//! 12 of increment), drawn as its 64 bits; and the smallest ID of a given
//! time, which is how a read asks for "messages before this time".

use super::super::model::snowflake::{Snowflake, SnowflakeParts};
use super::field::{on_draft, TextField};
use super::utc::{parse_utc, utc_millis};
use super::Props;
use yew::prelude::*;

/// The docs' own example ID.
pub const EXAMPLE_ID: &str = "175928847299117063";

#[derive(Properties, PartialEq, Clone)]
pub struct AnatomyProps {
    pub p: Props,
    /// An ID picked elsewhere in the panel (a partition row), shown here.
    pub picked: Option<u64>,
}

/// The 64 bits as runs: (css class, field name, bits). The time's top bit
/// stays 0, as Cassandra stores IDs in a signed bigint.
fn bit_runs(id: u64) -> [(&'static str, &'static str, String); 4] {
    let bits = format!("{id:064b}");
    [
        (
            "ms-bits-time",
            "milliseconds since 2015-01-01",
            bits[..42].to_string(),
        ),
        ("ms-bits-worker", "worker", bits[42..47].to_string()),
        ("ms-bits-process", "process", bits[47..52].to_string()),
        ("ms-bits-increment", "increment", bits[52..].to_string()),
    ]
}

#[function_component]
pub fn Anatomy(props: &AnatomyProps) -> Html {
    let p = &props.p;
    let id_text = use_state(|| EXAMPLE_ID.to_string());
    let time_text = use_state(|| "2016-04-30 11:18:25.796".to_string());
    {
        let id_text = id_text.clone();
        use_effect_with(props.picked, move |picked| {
            if let Some(id) = picked {
                id_text.set(id.to_string());
            }
        });
    }
    let parsed = Snowflake::parse(&id_text);
    let made = parse_utc(&time_text).and_then(|ms| {
        Snowflake::from_parts(SnowflakeParts {
            unix_ms: ms,
            worker: 0,
            process: 0,
            increment: 0,
        })
        .map_err(|e| e.to_string())
    });
    let use_made = {
        let (id_text, made) = (id_text.clone(), made.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(id) = &made {
                id_text.set(id.to_string());
            }
        })
    };
    html! {
        <section role="group" class="card-box ms-anatomy" aria-labelledby={p.id("anatomy-h")}>
            <h2 id={p.id("anatomy-h")}>{ "Snowflake anatomy" }</h2>
            <p class="ms-hint">{ "Every message ID carries its creation time. Pick an ID in the partition, or type one." }</p>
            <TextField id={p.id("anatomy-id")} label="Message ID" value={(*id_text).clone()}
                oninput={on_draft(&id_text)} numeric=true
                error={parsed.as_ref().err().map(|e| AttrValue::from(e.to_string()))} />
            if let Ok(id) = parsed {
                <p class="ms-bits mono" aria-label={format!("The 64 bits of {id}")}>
                    { for bit_runs(id.0).into_iter().map(|(class, name, bits)| html! {
                        <span class={class} title={name}>{ bits }</span>
                    }) }
                </p>
                <dl class="stats ms-anatomy-parts">
                    <div><dt>{ "Created" }</dt><dd>{ utc_millis(id.unix_ms()) }</dd></div>
                    <div><dt>{ "Worker" }</dt><dd>{ id.worker() }</dd></div>
                    <div><dt>{ "Process" }</dt><dd>{ id.process() }</dd></div>
                    <div><dt>{ "Increment" }</dt><dd>{ id.increment() }</dd></div>
                </dl>
            }
            <h3>{ "An ID from a time" }</h3>
            <TextField id={p.id("anatomy-time")} label="Time (UTC)" value={(*time_text).clone()}
                oninput={on_draft(&time_text)} placeholder="2016-04-30 11:18:25.796"
                error={made.as_ref().err().map(|e| AttrValue::from(e.clone()))} />
            if let Ok(id) = &made {
                <p class="ms-anatomy-made">
                    <span>{ "Smallest ID of that millisecond: " }</span>
                    <output class="mono" for={p.id("anatomy-time")}>{ id.to_string() }</output>
                    { " " }
                    <button type="button" class="ms-small" onclick={use_made}>{ "Take it apart" }</button>
                </p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_example_splits_into_its_fields() {
        // Discord API docs, "Snowflakes": worker 1, process 0, increment 7.
        let runs = bit_runs(EXAMPLE_ID.parse().unwrap());
        let widths: Vec<usize> = runs.iter().map(|r| r.2.len()).collect();
        assert_eq!(widths, [42, 5, 5, 12]);
        assert_eq!(runs[1].2, "00001");
        assert_eq!(runs[2].2, "00000");
        assert_eq!(runs[3].2, "000000000111");
    }
}
