//! Saved configs in the browser's localStorage, one key per config under a
//! prefix, each value a JSON object `{"text": …}` (the format the site has
//! always written). The page reads and writes it with the browser's own JSON,
//! so the wasm carries no JSON code; sorting the entries is pure and tested
//! natively. A corrupt entry is reported and skipped, never fatal.

use wasm_bindgen::JsValue;

pub const PREFIX: &str = "techshack-pipeline-config:";
pub const MAX_NAME_CHARS: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub struct SavedConfig {
    pub name: String,
    pub text: String,
}

/// An entry under our prefix that could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Corrupt {
    pub name: String,
    pub why: String,
}

/// Our entries among all storage items, sorted by name; corrupt ones apart.
/// `text_of` reads a stored value's config text, or says why it cannot.
pub fn parse_entries(
    items: impl IntoIterator<Item = (String, String)>,
    text_of: impl Fn(&str) -> Result<String, String>,
) -> (Vec<SavedConfig>, Vec<Corrupt>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (key, value) in items {
        let Some(name) = key.strip_prefix(PREFIX) else {
            continue;
        };
        match text_of(&value) {
            Ok(text) => ok.push(SavedConfig {
                name: name.to_owned(),
                text,
            }),
            Err(e) => bad.push(Corrupt {
                name: name.to_owned(),
                why: format!("not a saved config ({e})"),
            }),
        }
    }
    ok.sort_by(|a, b| a.name.cmp(&b.name));
    bad.sort_by(|a, b| a.name.cmp(&b.name));
    (ok, bad)
}

/// The stored form of a config's text: `{"text": …}`.
pub fn encode(text: &str) -> String {
    let value = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&value, &JsValue::from_str("text"), &JsValue::from_str(text));
    js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A stored value's config text, read with the browser's JSON parser.
fn text_of(value: &str) -> Result<String, String> {
    let parsed = js_sys::JSON::parse(value).map_err(|_| "not JSON".to_owned())?;
    if !parsed.is_object() {
        return Err("not an object".into());
    }
    js_sys::Reflect::get(&parsed, &JsValue::from_str("text"))
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "it has no text".to_owned())
}

/// A usable name, trimmed, not taken by another config (`except` may keep its own).
pub fn check_name(
    name: &str,
    taken: &[SavedConfig],
    except: Option<&str>,
) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("give the config a name".into());
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(format!(
            "names are at most {MAX_NAME_CHARS} characters (this one has {chars})"
        ));
    }
    if name.chars().any(char::is_control) {
        return Err("names cannot contain control characters".into());
    }
    if Some(name) != except && taken.iter().any(|s| s.name == name) {
        return Err(format!(
            "a saved config is already called \"{name}\"; pick another name or delete it first"
        ));
    }
    Ok(name.to_owned())
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| {
            "this browser does not allow local storage here, so configs cannot be saved".to_owned()
        })
}

/// Every saved config in this browser, and the entries that could not be read.
pub fn load_all() -> Result<(Vec<SavedConfig>, Vec<Corrupt>), String> {
    let s = storage()?;
    let n = s.length().unwrap_or(0);
    let items = (0..n).filter_map(|i| {
        let key = s.key(i).ok().flatten()?;
        if !key.starts_with(PREFIX) {
            return None;
        }
        let value = s.get_item(&key).ok().flatten().unwrap_or_default();
        Some((key, value))
    });
    Ok(parse_entries(items.collect::<Vec<_>>(), text_of))
}

pub fn save(name: &str, text: &str) -> Result<(), String> {
    storage()?
        .set_item(&format!("{PREFIX}{name}"), &encode(text))
        .map_err(|_| "the browser refused to store it (storage full or disabled)".to_owned())
}

pub fn remove(name: &str) -> Result<(), String> {
    storage()?
        .remove_item(&format!("{PREFIX}{name}"))
        .map_err(|_| "the browser refused to delete it".to_owned())
}

pub fn rename(old: &str, new: &str) -> Result<(), String> {
    let s = storage()?;
    let value = s
        .get_item(&format!("{PREFIX}{old}"))
        .ok()
        .flatten()
        .ok_or_else(|| format!("\"{old}\" is no longer saved"))?;
    s.set_item(&format!("{PREFIX}{new}"), &value)
        .map_err(|_| "the browser refused to store it (storage full or disabled)".to_owned())?;
    remove(old)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The stored form as the page writes it (`{"text": …}`), for tests.
    fn stored(text: &str) -> String {
        serde_json::json!({ "text": text }).to_string()
    }

    /// The page's reader, with serde_json standing in for the browser's JSON.
    fn read(value: &str) -> Result<String, String> {
        let v: serde_json::Value = serde_json::from_str(value).map_err(|e| e.to_string())?;
        v.get("text")
            .and_then(|t| t.as_str())
            .map(str::to_owned)
            .ok_or_else(|| "it has no text".to_owned())
    }

    #[test]
    fn corrupt_entries_are_reported_and_skipped() {
        let items = vec![
            (format!("{PREFIX}b"), stored("service = \"b\"")),
            (format!("{PREFIX}a"), stored("x")),
            (format!("{PREFIX}broken"), "{not json".to_owned()),
            ("someone-else:key".to_owned(), "whatever".to_owned()),
        ];
        let (ok, bad) = parse_entries(items, read);
        assert_eq!(
            ok.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(ok[1].text, "service = \"b\"");
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].name, "broken");
    }

    #[test]
    fn names_are_checked() {
        let taken = vec![SavedConfig {
            name: "prod".into(),
            text: String::new(),
        }];
        assert_eq!(check_name("  mine ", &taken, None), Ok("mine".into()));
        assert!(check_name(" ", &taken, None).is_err());
        assert!(check_name("prod", &taken, None).is_err_and(|e| e.contains("already")));
        assert_eq!(check_name("prod", &taken, Some("prod")), Ok("prod".into()));
        assert!(check_name(&"x".repeat(65), &taken, None).is_err_and(|e| e.contains("65")));
    }
}
