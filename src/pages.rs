//! The parts of the static site that list topics, made from the registry:
//! `index.html`'s module links and navigation, and the topic table in the
//! embed loader, from which `site.js` also draws the home page's cards and a
//! topic page's outline (its heading and introduction, shown before the
//! topic's wasm arrives): every route downloads the table anyway, so the
//! words are sent once. Each part sits between marker
//! comments in its file; `cargo test` rewrites stale parts (see
//! `tests::site_files_match_the_registry`), so adding a topic to the registry
//! is all it takes.
//!
//! Conventions the loader relies on: topic `<id>` lives in
//! `crates/topics/<id>/`, whose package `topic-<id>` trunk builds into
//! `topic-<id>.js` and `topic-<id>_bg.wasm`, whose extras crate
//! `crates/topics/<id>/extras` (package `topic-<id>-extras`: comics and
//! tours, fetched on first use) becomes `topic-<id>-extras.js`, and whose
//! stylesheet `<id>.css` is copied beside them (loaded only with the topic).
//! A topic with an upgrade module (`TopicInfo::UPGRADE`, say `ipv6`) has its
//! crate in `crates/topics/<id>/ipv6`, built into `topic-<id>-ipv6.js`.

use crate::registry;
use techshack_core::sketch::escape;
use techshack_core::Topic;

/// A region of a file between `<open>` and `<close>` markers, made anew.
pub struct Region {
    pub open: &'static str,
    pub close: &'static str,
    pub body: String,
}

fn each(f: impl Fn(&dyn Topic) -> String) -> String {
    registry().iter().map(|t| f(*t)).collect()
}

/// The folder of a topic's crate, relative to the repository root.
pub fn crate_dir(id: &str) -> String {
    format!("crates/topics/{id}")
}

pub fn index_regions() -> Vec<Region> {
    vec![
        Region {
            open: "<!-- registry:modules (made from the registry by `cargo test`: see src/pages.rs) -->",
            close: "  <!-- /registry:modules -->",
            // A topic's own module runs wasm-opt until it stops shrinking
            // (`--converge`, about 1 KB gzip each): it is what a first visit
            // downloads, against the 300 KB budget. Extras load on request.
            // Rust's modules define their own memory, so it starts zeroed,
            // and put the stack first, so the lowest 1 KB is the stack's far
            // end: telling wasm-opt (`--zero-filled-memory`,
            // `--low-memory-unused`) saves about 2.4 KB gzip per module, and
            // GUFA's whole-module flow analysis (`--gufa-optimizing`, sound) 0.9 KB more;
            // the producers and target-features sections, which browsers
            // ignore, 0.2 KB.
            // A topic's upgrade module (a fuller build of its panel, loaded
            // on request) is optimised as its own module is.
            body: each(|t| {
                let dir = crate_dir(t.id());
                let panel_module = |dir: &str| {
                    format!("  <link data-trunk rel=\"rust\" data-type=\"worker\" href=\"{dir}\" data-bindgen-target=\"web\" data-wasm-opt=\"z\" data-wasm-opt-params=\"--converge --low-memory-unused --zero-filled-memory --gufa-optimizing --strip-producers --strip-target-features\" data-cargo-features=\"wasm-module\" />\n")
                };
                let upgrade = t
                    .upgrade()
                    .map(|name| panel_module(&format!("{dir}/{name}")))
                    .unwrap_or_default();
                format!(
                    concat!(
                        "{panel}",
                        "{upgrade}",
                        "  <link data-trunk rel=\"rust\" data-type=\"worker\" href=\"{dir}/extras\" data-bindgen-target=\"web\" data-wasm-opt=\"z\" />\n",
                        "  <link data-trunk rel=\"copy-file\" href=\"{dir}/{id}.css\" />\n",
                        "  <link data-trunk rel=\"copy-file\" href=\"{dir}/{id}-story.html\" />\n"
                    ),
                    panel = panel_module(&dir),
                    upgrade = upgrade,
                    dir = dir,
                    id = t.id()
                )
            }),
        },
        Region {
            open: "<!-- registry:nav -->",
            close: "          <!-- /registry:nav -->",
            body: each(|t| {
                format!(
                    "          <li><a href=\"#/{}\"><span aria-hidden=\"true\">{}</span> {}</a></li>\n",
                    t.id(),
                    t.icon(),
                    escape(t.title())
                )
            }),
        },
    ]
}

/// The topic's story as written in its crate (`crates/topics/<id>/<id>-story.html`).
pub fn story_text(id: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(crate_dir(id))
        .join(format!("{id}-story.html"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn loader_regions() -> Vec<Region> {
    vec![Region {
        open: "// registry:topics (made from the registry by `cargo test`: see src/pages.rs)",
        close: "  // /registry:topics",
        body: each(|t| {
            format!(
                "  {{ id: {}, icon: {}, title: {}, summary: {}, article: {{ title: {}, url: {} }}{} }},\n",
                js_string(t.id()),
                js_string(t.icon()),
                js_string(t.title()),
                js_string(t.summary()),
                js_string(t.article().title),
                js_string(t.article().url),
                t.upgrade()
                    .map(|name| format!(", upgrade: {}", js_string(name)))
                    .unwrap_or_default()
            )
        }),
    }]
}

/// A JS string literal for `s`.
fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` with each region's body replaced, or which marker is missing.
pub fn apply(text: &str, regions: &[Region]) -> Result<String, String> {
    let mut out = text.to_string();
    for r in regions {
        let start = out
            .find(r.open)
            .ok_or_else(|| format!("marker {:?} is missing", r.open))?
            + r.open.len();
        let line_end = out[start..].find('\n').map_or(out.len(), |i| start + i + 1);
        let end = out[line_end..]
            .find(r.close)
            .map(|i| line_end + i)
            .ok_or_else(|| format!("marker {:?} is missing", r.close))?;
        out.replace_range(line_end..end, &r.body);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_replaced_between_their_markers_only() {
        let regions = [Region {
            open: "<!-- a -->",
            close: "<!-- /a -->",
            body: "new\n".into(),
        }];
        let text = "head <!-- a -->\nold\nolder\n<!-- /a --> tail";
        assert_eq!(
            apply(text, &regions).unwrap(),
            "head <!-- a -->\nnew\n<!-- /a --> tail"
        );
        assert!(apply("no markers", &regions).is_err());
    }

    #[test]
    fn js_strings_cannot_end_the_script() {
        assert_eq!(
            js_string("a\"b\\</script>"),
            "\"a\\\"b\\\\\\u003c/script>\""
        );
    }
}
