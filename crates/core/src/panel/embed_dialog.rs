use crate::state::link::embed_link;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub topic: &'static str,
    pub title: &'static str,
    pub base: AttrValue,
    pub on_close: Callback<MouseEvent>,
}

pub fn iframe_snippet(base: &str, topic: &str, title: &str) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="720" style="border:0" loading="lazy"></iframe>"#,
        embed_link(base, topic),
        title.replace('"', "&quot;")
    )
}

pub fn script_snippet(base: &str, topic: &str) -> String {
    let dir = base.split('#').next().unwrap_or(base);
    let dir = &dir[..dir.rfind('/').map_or(dir.len(), |i| i + 1)];
    format!(
        r#"<div id="techshack-{topic}"></div>
<script type="module">
  import init, {{ mount }} from "{dir}techshack-live.js";
  await init();
  mount(document.getElementById("techshack-{topic}"), "{topic}", {{ base: "{dir}" }});
</script>"#
    )
}

#[function_component]
pub fn EmbedDialog(p: &EmbedProps) -> Html {
    let copied = use_state(|| "");
    let snippets = [
        ("Iframe", iframe_snippet(&p.base, p.topic, p.title)),
        ("Script", script_snippet(&p.base, p.topic)),
    ];
    html! {
        <div class="embed-dialog" role="group" aria-label="Embed this panel">
            <p>{ "Paste either snippet into a blog post. The iframe is simplest; the script mounts the panel straight into your page." }</p>
            { for snippets.into_iter().map(|(label, text)| {
                let copied_now = copied.clone();
                let t = text.clone();
                html! {
                    <div class="snippet">
                        <label>
                            { format!("{label} snippet") }
                            <textarea readonly=true rows="5" value={text} />
                        </label>
                        <button onclick={move |_| { crate::dom::clipboard::copy(&t); copied_now.set(label); }}>
                            { format!("Copy {}", label.to_ascii_lowercase()) }
                        </button>
                    </div>
                }
            }) }
            if !copied.is_empty() {
                <p role="status">{ format!("{} snippet copied.", *copied) }</p>
            }
            <button onclick={p.on_close.clone()}>{ "Close" }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_point_at_the_site() {
        let s = script_snippet("https://ex.org/live/index.html#/svm", "svm");
        assert!(s.contains(r#"from "https://ex.org/live/techshack-live.js""#));
        assert!(s.contains(r#"mount(document.getElementById("techshack-svm"), "svm""#));
        let f = iframe_snippet("https://ex.org/live/", "vpc", "A \"VPC\"");
        assert!(f.contains(r#"src="https://ex.org/live/#/embed/vpc""#));
        assert!(f.contains("A &quot;VPC&quot;"));
    }
}
