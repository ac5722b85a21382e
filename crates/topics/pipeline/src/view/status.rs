//! Where the release stands: version, minute, outcome, and how many users are
//! on a bad build right now (the number cowboy mode drives to 100%).

use super::super::model::decimal::Trimmed;
use super::super::model::release::{Outcome, ReleaseMode};
use super::Props;
use yew::prelude::*;

pub fn percent(fraction: f64) -> String {
    format!("{}%", Trimmed(fraction * 100.0, 1))
}

pub fn release_status(props: &Props) -> Html {
    let pg = &props.state.pg;
    let affected = pg.affected_fraction();
    let (what, minute, outcome, badge) = match pg.release() {
        None => ("no release yet".to_owned(), "—".to_owned(), "idle", ""),
        Some(r) => {
            let (label, badge) = match r.outcome() {
                Outcome::InProgress if r.is_waiting_for_approval() => {
                    ("waiting for approval", "warn")
                }
                Outcome::InProgress => ("in progress", "warn"),
                Outcome::Succeeded => ("succeeded", "good"),
                Outcome::Failed => ("failed (not rolled back)", "bad"),
                Outcome::RolledBack => ("rolled back", "warn"),
            };
            let mode = match r.mode() {
                ReleaseMode::Pipeline => "through the pipeline",
                ReleaseMode::Cowboy => "cowboy mode",
            };
            (
                format!("v{} (release #{}, {mode})", r.version(), r.number()),
                format!("{} min", r.minutes()),
                label,
                badge,
            )
        }
    };
    let cowboy = pg
        .release()
        .filter(|r| r.mode() == ReleaseMode::Cowboy)
        .map(|r| {
            let reached: f64 = pg
                .user_shares()
                .iter()
                .enumerate()
                .filter(|(i, _)| r.new_traffic(*i) > 0)
                .map(|(_, s)| s)
                .sum();
            let bad = if r.defects().is_empty() {
                "It was a good build this time.".to_owned()
            } else {
                format!("It is a bad build: {} of all users are having a bad time.", percent(affected))
            };
            format!(
                "Cowboy deploy: v{} went straight to every canary and production target, reaching {} of users with no canary, gate or health check. {bad}",
                r.version(),
                percent(reached)
            )
        });
    html! {
        <section role="group" class="card-box pl-status" aria-label="Release status">
            <dl class="stats">
                <div><dt>{ "Release" }</dt><dd>{ what }</dd></div>
                <div><dt>{ "Minute" }</dt><dd>{ minute }</dd></div>
                <div><dt>{ "Outcome" }</dt><dd><span class={classes!("badge", badge)}>{ outcome }</span></dd></div>
                <div><dt>{ "Users on a bad build now" }</dt>
                    <dd class={classes!((affected > 0.0).then_some("pl-bad-text"))}>{ percent(affected) }</dd></div>
                <div><dt>{ "Versions running" }</dt>
                    <dd class="pl-versions">{ versions(pg) }</dd></div>
            </dl>
            if let Some(text) = cowboy {
                <p class={classes!("pl-banner", (affected > 0.0).then_some("bad"))}>{ text }</p>
            }
        </section>
    }
}

fn versions(pg: &super::super::model::Playground) -> String {
    let p = pg.pipeline();
    let v = pg.current_versions();
    let mut parts: Vec<String> = p
        .order()
        .iter()
        .take(8)
        .map(|&i| format!("{} v{}", p.id(i), v.get(i).copied().unwrap_or_default()))
        .collect();
    if p.len() > 8 {
        parts.push(format!("… {} more", p.len() - 8));
    }
    parts.join(" · ")
}
