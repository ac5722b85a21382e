//! Reading panel state out of a location hash such as `#/svm?s=1.eyJ...`.
//! Kept apart from the router so it is pure and natively tested.

/// The value of `s` in the query part of a hash route, if any.
pub fn state_param(hash: &str) -> Option<&str> {
    let (_, query) = hash.split_once('?')?;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("s="))
        .filter(|v| !v.is_empty())
}

/// The path part of a hash route: `#/svm?s=..` gives `/svm`.
pub fn route_path(hash: &str) -> &str {
    let without_hash = hash.strip_prefix('#').unwrap_or(hash);
    let path = without_hash.split('?').next().unwrap_or("");
    if path.is_empty() {
        "/"
    } else {
        path
    }
}

/// A shareable link to a topic's panel with its state.
pub fn panel_link(base: &str, topic: &str, state: &str) -> String {
    format!("{}#/{topic}?s={state}", base_without_hash(base))
}

/// The iframe address of a topic's embed route.
pub fn embed_link(base: &str, topic: &str) -> String {
    format!("{}#/embed/{topic}", base_without_hash(base))
}

fn base_without_hash(base: &str) -> &str {
    base.split('#').next().unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_state_among_other_params() {
        assert_eq!(state_param("#/svm?s=1.abc"), Some("1.abc"));
        assert_eq!(state_param("#/svm?x=2&s=1.abc&y"), Some("1.abc"));
        assert_eq!(state_param("#/svm?s="), None);
        assert_eq!(state_param("#/svm"), None);
    }

    #[test]
    fn route_path_strips_hash_and_query() {
        assert_eq!(route_path("#/svm?s=1"), "/svm");
        assert_eq!(route_path(""), "/");
        assert_eq!(route_path("#"), "/");
        assert_eq!(route_path("#/embed/vpc"), "/embed/vpc");
    }

    #[test]
    fn links_replace_any_existing_hash() {
        assert_eq!(
            panel_link("http://h/p/#/old", "svm", "1.x"),
            "http://h/p/#/svm?s=1.x"
        );
        assert_eq!(embed_link("http://h/", "vpc"), "http://h/#/embed/vpc");
    }
}
