//! Saved configs in the browser's localStorage, one key per config under a
//! prefix. Parsing is pure (and tested natively); a corrupt entry is reported
//! and skipped, never fatal.

use serde::{Deserialize, Serialize};

pub const PREFIX: &str = "techshack-pipeline-config:";
pub const MAX_NAME_CHARS: usize = 64;

#[derive(Serialize, Deserialize)]
struct Stored {
    text: String,
}

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
pub fn parse_entries(
    items: impl IntoIterator<Item = (String, String)>,
) -> (Vec<SavedConfig>, Vec<Corrupt>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (key, value) in items {
        let Some(name) = key.strip_prefix(PREFIX) else {
            continue;
        };
        match serde_json::from_str::<Stored>(&value) {
            Ok(s) => ok.push(SavedConfig {
                name: name.to_owned(),
                text: s.text,
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

pub fn encode(text: &str) -> String {
    serde_json::to_string(&Stored {
        text: text.to_owned(),
    })
    .unwrap_or_default()
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
    Ok(parse_entries(items.collect::<Vec<_>>()))
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

    #[test]
    fn corrupt_entries_are_reported_and_skipped() {
        let items = vec![
            (format!("{PREFIX}b"), encode("service = \"b\"")),
            (format!("{PREFIX}a"), encode("x")),
            (format!("{PREFIX}broken"), "{not json".to_owned()),
            ("someone-else:key".to_owned(), "whatever".to_owned()),
        ];
        let (ok, bad) = parse_entries(items);
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
