//! Light/dark theme and presenter mode, stored per browser. The default theme
//! follows `prefers-color-scheme` in CSS; a choice here overrides it.

use super::dom::set_root_attr;
use gloo::storage::{LocalStorage, Storage};

const THEME_KEY: &str = "techshack-theme";
const PRESENTER_KEY: &str = "techshack-presenter";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn next(self) -> Self {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
    fn attr(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

pub fn load_theme() -> Theme {
    match LocalStorage::get::<String>(THEME_KEY).ok().as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

pub fn apply_theme(theme: Theme) {
    set_root_attr("data-theme", theme.attr());
    let _ = match theme.attr() {
        Some(v) => LocalStorage::set(THEME_KEY, v),
        None => {
            LocalStorage::delete(THEME_KEY);
            Ok(())
        }
    };
}

pub fn load_presenter() -> bool {
    LocalStorage::get::<bool>(PRESENTER_KEY).unwrap_or(false)
}

pub fn apply_presenter(on: bool) {
    set_root_attr("data-presenter", on.then_some("on"));
    let _ = LocalStorage::set(PRESENTER_KEY, on);
}
