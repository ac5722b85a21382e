//! Issue 16: the colours of plots and diagrams meet WCAG 2.1 AA in the light
//! and the dark theme: text 4.5:1 (SC 1.4.3), marks 3:1 against what they sit
//! on (SC 1.4.11). Everything is read from the real CSS, the theme variables
//! in assets/style.css and the rules of each topic's stylesheet, so a changed
//! variable or rule is checked where it is used. The SVM canvas takes its
//! colours from the same variables; its shading is checked in the topic's
//! `view/palette.rs`, as the view module is private to that crate.
#![cfg(not(target_arch = "wasm32"))]

mod css;

use css::{colour, hex, hsl, over, ratio, rules, stylesheet, themes, Rgb, Rule};
use std::collections::HashMap;

/// One check a line: `text` (4.5:1) or `mark` (3:1), the topic, a colour,
/// and after `on` what it sits on: alternatives split by ` | `, each a stack
/// of layers from the bottom joined by ` + ` (each at its rule's opacity). A
/// colour is a theme `--variable` or a `selector/property` of the topic's
/// stylesheet, `&` standing for the first colour's selector.
const CHECKS: &[&str] = &[
    // Message store: the token ring (in a card, on --bg) and the bucket lane.
    "text message-store .ms-ring-text/fill on --bg",
    "text message-store .ms-ring-text.small/fill on --bg",
    "text message-store .ms-node-load/color on --surface | .ms-node.down/background",
    "text message-store --ink on .ms-node.down/background",
    "mark message-store .ms-token/fill on &/stroke",
    "mark message-store .ms-token-line/stroke on --bg",
    "mark message-store .ms-fill/background on .ms-box/background",
    "mark message-store .ms-box.over .ms-fill/background on .ms-box/background",
    "mark message-store .ms-bucket.selected .ms-box/outline on --bg",
    "mark message-store .ms-bucket.walk-now .ms-box/box-shadow on --bg",
    "mark message-store .ms-bucket.walk-read .ms-box/border-color on &/background | --bg",
    "mark message-store .ms-bucket.walk-empty .ms-box/border-color on &/background | --bg",
    "mark message-store .ms-bucket.walk-skipped .ms-box/border-color on &/background | --bg",
    "mark message-store .ms-sw.walk-read/border-color on &/background | --bg",
    "mark message-store .ms-sw.walk-empty/border-color on &/background | --bg",
    "mark message-store .ms-sw.walk-skipped/border-color on &/background | --bg",
    "mark message-store .ms-bits-time/border-color on --bg",
    "mark message-store .ms-bits-worker/border-color on --bg",
    "mark message-store .ms-bits-process/border-color on --bg",
    "mark message-store .ms-bits-increment/border-color on --bg",
    // Pipeline: the graph (in a card, on --bg); charts.rs draws the canary
    // series in --blue and its threshold in --bad.
    "mark pipeline .pl-edge/stroke on --bg",
    "mark pipeline .pl-edge.done/stroke on --bg",
    "mark pipeline .pl-node/border on --bg | &/background | .pl-node.disabled/background",
    "mark pipeline .pl-node.st-rolledback/border-color on --bg | &/background",
    "mark pipeline .pl-node.st-active/border-color on --bg | &/background",
    "mark pipeline .pl-node.st-waiting/border-color on --bg | &/background",
    "mark pipeline .pl-node.st-ok/border-color on --bg | &/background",
    "mark pipeline .pl-node.st-failed/border-color on --bg | &/background",
    "text pipeline --ink on .pl-node/background | .pl-node.disabled/background",
    "text pipeline .pl-node-env/color on .pl-node/background | .pl-node.disabled/background",
    "text pipeline --ink on .pl-node.st-active/background | .pl-node.st-waiting/background",
    "text pipeline --ink on .pl-node.st-ok/background | .pl-node.st-failed/background",
    "text pipeline .pl-node-env/color on .pl-node.st-active/background",
    "text pipeline .pl-node-env/color on .pl-node.st-waiting/background",
    "text pipeline .pl-node-env/color on .pl-node.st-ok/background",
    "text pipeline .pl-node-env/color on .pl-node.st-failed/background",
    "text pipeline .pl-node.disabled .pl-node-id/color on .pl-node.disabled/background",
    "mark pipeline --blue on .pl-chart-svg/background",
    "mark pipeline --bad on .pl-chart-svg/background",
    "mark pipeline .pl-weight-fill/background on .pl-weight/background",
    "text pipeline .pl-bad-text/color on .pl-preview/background",
    // SVM: class keys and the plot's legend (in cards); gap_chart.rs draws
    // in --blue and --good. The canvas is checked in its palette.rs.
    "mark svm .svm-swatch/background on --bg | --surface",
    "mark svm .slot1 .svm-swatch/background on --bg | --surface",
    "mark svm .slot2 .svm-swatch/background on --bg | --surface",
    "mark svm .slot3 .svm-swatch/background on --bg | --surface",
    "mark svm .slot4 .svm-swatch/background on --bg | --surface",
    "mark svm .svm-key/border-top on --bg",
    "mark svm .svm-key.margin/border-top on --bg",
    "mark svm .svm-key.slack/border-top on --bg",
    "mark svm .svm-key.ring/border on --bg",
    "mark svm .svm-key.bounded/border on --bg",
    "mark svm --blue on .svm-gap-svg/background",
    "mark svm --good on .svm-gap-svg/background",
    // VPC: the diagram (in a card, on --bg). Subnets sit in the VPC box,
    // instances and NAT gateways in subnets, tags in the box or subnets.
    "text vpc .vpc-text/fill on .vpc-item .shape/fill | .vpc-k-vpc .shape/fill",
    "text vpc .vpc-text/fill on .vpc-k-public .shape/fill | .vpc-k-private .shape/fill",
    "text vpc .vpc-text/fill on .vpc-k-nat .shape/fill",
    // Labels in a failed AZ lie under its hatch (at worst, on a line of it).
    "text vpc .vpc-text/fill on .vpc-item .shape/fill + .vpc-hatch-line/stroke",
    "text vpc .vpc-text/fill on .vpc-k-public .shape/fill + .vpc-hatch-line/stroke",
    "text vpc .vpc-text/fill on .vpc-k-private .shape/fill + .vpc-hatch-line/stroke",
    "text vpc .vpc-caption/fill on .vpc-k-vpc .shape/fill | --bg",
    "text vpc .vpc-col text/fill on .vpc-k-vpc .shape/fill",
    "text vpc .vpc-col.failed text/fill on .vpc-k-vpc .shape/fill",
    "text vpc .vpc-x text/fill on .vpc-x circle/fill",
    "mark vpc .vpc-k-vpc .shape/stroke on &/fill | --bg",
    "mark vpc .vpc-k-public .shape/stroke on &/fill | .vpc-k-vpc .shape/fill",
    "mark vpc .vpc-k-private .shape/stroke on &/fill | .vpc-k-vpc .shape/fill",
    "mark vpc .vpc-k-nat .shape/stroke on &/fill | .vpc-k-public .shape/fill | --bg",
    "mark vpc .vpc-k-instance .shape/stroke on .vpc-item .shape/fill",
    "mark vpc .vpc-k-instance .shape/stroke on .vpc-k-public .shape/fill",
    "mark vpc .vpc-k-instance .shape/stroke on .vpc-k-private .shape/fill",
    "mark vpc .vpc-k-internet .shape/stroke on .vpc-item .shape/fill | --bg",
    "mark vpc .vpc-item .shape/stroke on &/fill | .vpc-k-vpc .shape/fill",
    "mark vpc .vpc-item .shape/stroke on .vpc-k-public .shape/fill | .vpc-k-private .shape/fill",
    "mark vpc .vpc-x circle/stroke on &/fill",
    "mark vpc .vpc-wire/stroke on --bg | .vpc-k-vpc .shape/fill",
    "mark vpc .vpc-col.failed rect/stroke on .vpc-k-vpc .shape/fill",
    "mark vpc .vpc-sw.public::before/border-color on &/background | --bg",
    "mark vpc .vpc-sw.private::before/border-color on &/background | --bg",
    "mark vpc .vpc-sw.path::before/border-top on --bg",
    "mark vpc .vpc-sw.blocked::before/border on --bg",
    "mark vpc .vpc-sw.down::before/border-color on --bg",
];

/// Outlines of the VPC diagram's highlighted items and the traced path,
/// each checked on every shape fill and the card.
const VPC_HIGHLIGHTS: [&str; 7] = [
    ".vpc-item:hover .shape/stroke",
    ".vpc-item:focus-visible .shape/stroke",
    ".vpc-item.selected .shape/stroke",
    ".vpc-item.picked .shape/stroke",
    ".vpc-item.blocked .shape/stroke",
    ".vpc-path/stroke",
    ".vpc-path.ok/stroke",
];
const VPC_GROUNDS: &str = ".vpc-item .shape/fill | .vpc-k-vpc .shape/fill \
    | .vpc-k-public .shape/fill | .vpc-k-private .shape/fill | .vpc-k-nat .shape/fill | --bg";

struct Topics(HashMap<String, Vec<Rule>>);

impl Topics {
    fn load() -> Topics {
        let dir = format!("{}/crates/topics", env!("CARGO_MANIFEST_DIR"));
        let mut out = HashMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            let path = format!("crates/topics/{name}/{name}.css");
            out.insert(name, rules(&stylesheet(&path)));
        }
        Topics(out)
    }

    /// A declaration's value; a modifier rule (`.a.b`) falls back to its base
    /// rule (`.a`), as it does in the page.
    fn value(&self, topic: &str, selector: &str, prop: &str) -> Option<&str> {
        let found = self.0[topic].iter().rev().find_map(|r| {
            r.selectors.iter().any(|s| s == selector).then_some(())?;
            r.decls.iter().rev().find(|(p, _)| p == prop).map(|d| &*d.1)
        });
        let base = selector
            .rfind('.')
            .filter(|&i| i > 0 && !selector[i..].contains(' '));
        found.or_else(|| self.value(topic, &selector[..base?], prop))
    }

    /// The colour and alpha (with its rule's opacity) of `--var` or
    /// `selector/property`, `&` standing for `first`'s selector.
    fn resolve(
        &self,
        topic: &str,
        c: &str,
        first: &str,
        vars: &HashMap<String, Rgb>,
    ) -> (Rgb, f64) {
        if let Some(name) = c.strip_prefix("--") {
            return (*vars.get(name).unwrap_or_else(|| panic!("no {c}")), 1.0);
        }
        let (sel, prop) = c
            .rsplit_once('/')
            .unwrap_or_else(|| panic!("{c}: no property"));
        let sel = if sel == "&" {
            first.rsplit_once('/').unwrap().0
        } else {
            sel
        };
        let value = self.value(topic, sel, prop);
        let value = value.unwrap_or_else(|| panic!("no {prop} for {sel} in {topic}.css"));
        let (rgb, alpha) = colour(value, vars).unwrap_or_else(|| panic!("{c}: {value}"));
        let opacity = self
            .value(topic, sel, "opacity")
            .map_or(1.0, |o| o.parse().unwrap());
        (rgb, alpha * opacity)
    }

    /// Every failing pair of a check line, described, in one theme.
    fn failures(&self, line: &str, theme: &str, vars: &HashMap<String, Rgb>) -> Vec<String> {
        let parsed = parse(line).unwrap_or_else(|| panic!("malformed check: {line}"));
        let (min, topic, fg, grounds) = parsed;
        let mut out = Vec::new();
        for ground in grounds.split(" | ") {
            let mut layers = ground
                .split(" + ")
                .map(|l| self.resolve(topic, l.trim(), fg, vars));
            let first = layers.next().unwrap().0;
            let under = layers.fold(first, |under, (rgb, alpha)| over(rgb, alpha, under));
            let (rgb, alpha) = self.resolve(topic, fg, fg, vars);
            let got = ratio(over(rgb, alpha, under), under);
            if got < min {
                out.push(format!(
                    "{theme} {topic}: {fg} on {ground}: {got:.2} < {min}"
                ));
            }
        }
        out
    }
}

/// A check line's minimum ratio, topic, colour and grounds.
fn parse(line: &str) -> Option<(f64, &str, &str, &str)> {
    let (kind, rest) = line.split_once(' ')?;
    let (topic, rest) = rest.split_once(' ')?;
    let (fg, grounds) = rest.split_once(" on ")?;
    let min = match kind {
        "text" => 4.5,
        "mark" => 3.0,
        _ => return None,
    };
    Some((min, topic, fg, grounds))
}

/// Runs check lines in both themes; panics listing every failure.
fn run(lines: &[String]) {
    let topics = Topics::load();
    let mut bad = Vec::new();
    for (theme, vars) in themes() {
        for line in lines {
            bad.extend(topics.failures(line, theme, &vars));
        }
    }
    assert!(
        bad.is_empty(),
        "{} low-contrast pairs:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn diagram_text_and_marks_meet_wcag_aa_in_both_themes() {
    let mut lines: Vec<String> = CHECKS.iter().map(|l| l.to_string()).collect();
    lines.extend(VPC_HIGHLIGHTS.map(|c| format!("mark vpc {c} on {VPC_GROUNDS}")));
    run(&lines);
}

/// Every text colour in a topic's stylesheet reads on the rule's own
/// background, or where none is set, on both page grounds (cards on --bg,
/// panels on --surface).
#[test]
fn every_topic_text_colour_reads_on_its_ground() {
    let mut lines = Vec::new();
    for (topic, sheet) in &Topics::load().0 {
        for rule in sheet {
            let has = |prop: &str| {
                rule.decls
                    .iter()
                    .any(|(p, v)| p == prop && v.contains("var("))
            };
            if has("color") {
                let sel = &rule.selectors[0];
                let on = if has("background") {
                    "&/background"
                } else {
                    "--bg | --surface"
                };
                lines.push(format!("text {topic} {sel}/color on {on}"));
            }
        }
    }
    assert!(lines.len() > 20, "found only {} text colours", lines.len());
    run(&lines);
}

#[test]
fn the_contrast_arithmetic_matches_wcag() {
    let (white, black) = (hex("#fff").unwrap().0, hex("#000000").unwrap().0);
    assert!((ratio(white, black) - 21.0).abs() < 1e-9);
    assert_eq!(ratio(white, white), 1.0);
    // #767676 on white is the well-known 4.54:1 edge of AA text.
    let grey = hex("#767676").unwrap().0;
    assert!(
        (ratio(grey, white) - 4.54).abs() < 0.01,
        "{}",
        ratio(grey, white)
    );
    assert_eq!(hex("#0003").unwrap().1, 0.2);
    assert_eq!(over(black, 0.5, white), [0.5; 3]);
}

/// The lightness `selector` gives the message store's ring (`--ring-l`).
fn ring_lightness(sheet: &[Rule], selector: &str) -> f64 {
    let value = sheet
        .iter()
        .filter(|r| r.selectors.iter().any(|s| s == selector))
        .flat_map(|r| r.decls.iter())
        .find(|(p, _)| p == "--ring-l")
        .map(|(_, v)| v.trim_end_matches('%').trim().to_string())
        .unwrap_or_else(|| panic!("{selector} sets no --ring-l in message-store.css"));
    value.parse::<f64>().expect("a percentage") / 100.0
}

#[test]
fn every_hue_of_the_message_store_ring_is_a_visible_mark_in_both_themes() {
    let sheet = rules(&stylesheet("crates/topics/message-store/message-store.css"));
    let [(_, light), (_, dark)] = themes();
    let cases = [
        ("light", ring_lightness(&sheet, ".ms"), &light),
        (
            "dark",
            ring_lightness(&sheet, ":root[data-theme=\"dark\"] .ms"),
            &dark,
        ),
    ];
    let mut bad = Vec::new();
    for (theme, l, vars) in cases {
        for ground in ["bg", "surface"] {
            for h in 0..360 {
                let r = ratio(hsl(f64::from(h), 0.6, l), vars[ground]);
                if r < 3.0 {
                    bad.push(format!("{theme}: hue {h} on --{ground}: {r:.2}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} hues below 3:1, e.g. {:?}",
        bad.len(),
        &bad[..bad.len().min(5)]
    );
}
