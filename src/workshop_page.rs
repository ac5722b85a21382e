//! The session page (`#/workshop`), written from the agenda and the topics'
//! tours into `assets/workshop.html`, which `workshop.js` fetches when the
//! route opens (no other page downloads it). `cargo test` rewrites the file
//! when it is stale (`tests::the_workshop_page_is_current`).
//!
//! One page serves three readers: the room sees the agenda, the timers and
//! each block's live panel; the facilitator (`?view=facilitator`) also sees
//! what to say at every step, with every bet's answer and every task's
//! solution; and paper gets, per block, a hand-out (its comic, its bets and
//! tasks as questions, its sources) and then the answer key on a page of its
//! own (the `@media print` rules in `workshop.css`).

use crate::pages::story_text;
use crate::workshop::{agenda, Entry};
use techshack_core::sketch::escape;
use techshack_core::tour::tour_link;
use techshack_core::workshop::{StepSheet, TourSheet};

/// Where the page is written, relative to the repository root.
pub const PATH: &str = "assets/workshop.html";
/// Where the blocks' zine pages are written: a file of their own, fetched
/// once the session page is up (the SVM's alone is ~110 KB gzip).
pub const ZINES_PATH: &str = "assets/zines.html";

pub fn page() -> String {
    let agenda = agenda();
    let sheets: Vec<(Entry, Vec<TourSheet>)> =
        agenda.iter().map(|e| (*e, block_sheets(e))).collect();
    let mut out = String::from(concat!(
        "<!-- Made by `cargo test` from the registry and each topic's workshop blocks (src/workshop_page.rs): edit those, not this. -->\n",
        "<div class=\"workshop\">\n",
    ));
    out.push_str(&head());
    out.push_str("  <ol class=\"agenda\">\n");
    for (e, tours) in &sheets {
        out.push_str(&block(e, tours));
    }
    out.push_str("  </ol>\n");
    out.push_str("  <section class=\"dropped\" aria-labelledby=\"dropped-title\" hidden=\"\">\n    <h2 id=\"dropped-title\">Dropped blocks</h2>\n    <ul></ul>\n  </section>\n");
    out.push_str("  <div class=\"handouts\">\n");
    for (e, tours) in &sheets {
        out.push_str(&handout(e, tours));
    }
    out.push_str(&answer_key(&sheets));
    out.push_str("  </div>\n</div>\n");
    out
}

/// Every block's zine pages, each a figure naming its block and zine.
pub fn zines_page() -> String {
    let mut out = String::from(
        "<!-- Made by `cargo test` from each topic's zine pages and workshop blocks (src/workshop_page.rs): edit those, not this. -->\n",
    );
    for e in agenda() {
        let drawn = e.topic.zines();
        for id in e.block.zines {
            let (_, svg) = drawn.iter().find(|(z, _)| z == id).unwrap_or_else(|| {
                panic!(
                    "block {} names zine {id}, which {} does not draw",
                    e.block.id,
                    e.topic.id()
                )
            });
            out.push_str(&format!(
                "<figure class=\"zine\" data-block=\"{}\" data-zine=\"{id}\">{svg}</figure>\n",
                e.block.id
            ));
        }
    }
    out
}

/// The block's tours, in the block's order.
fn block_sheets(e: &Entry) -> Vec<TourSheet> {
    let all = e.topic.tour_sheets();
    e.block
        .tours
        .iter()
        .filter_map(|id| all.iter().find(|t| t.id == *id).cloned())
        .collect()
}

fn head() -> String {
    concat!(
        "  <header class=\"workshop-head\">\n",
        "    <h1>Workshop: EnqueueZero Techshack 2019-01</h1>\n",
        "    <p class=\"lede\" data-reader-only=\"\">A two-hour session over the newsletter's four topics, in its order. Each block has a goal, a timer, its tours and its panel, live below it. Move or drop blocks to fit your room: the page's link keeps your plan. Attendees can open any tour on their phones from its link.</p>\n",
        "    <p class=\"lede\" data-facilitator=\"\">Facilitator view: what to say at every step, every bet's answer and every task's solution. Keep it on your own screen and show the room the session view.</p>\n",
        "    <p class=\"notice\" role=\"alert\" data-plan-error=\"\" hidden=\"\"></p>\n",
        "    <div class=\"workshop-tools\">\n",
        "      <a class=\"button\" data-view-switch=\"\" href=\"#/workshop?view=facilitator\">Facilitator view</a>\n",
        "      <button type=\"button\" data-action=\"copy-plan\">Copy link to this plan</button>\n",
        "      <button type=\"button\" data-action=\"reset-all\">Reset all panels</button>\n",
        "      <button type=\"button\" data-action=\"print\">Print hand-outs</button>\n",
        "      <span class=\"plan-total\">Planned: <span data-total=\"\">120</span> minutes</span>\n",
        "    </div>\n",
        "    <p class=\"workshop-status\" role=\"status\"></p>\n",
        "  </header>\n",
    )
    .into()
}

fn block(e: &Entry, tours: &[TourSheet]) -> String {
    let b = &e.block;
    let title = escape(b.title);
    let mut out = format!(
        concat!(
            "    <li class=\"block\" id=\"block-{id}\" data-block=\"{id}\" data-topic=\"{topic}\" data-minutes=\"{min}\" data-title=\"{title}\" aria-labelledby=\"block-{id}-title\">\n",
            "      <h2 id=\"block-{id}-title\"><span aria-hidden=\"true\">{icon}</span> {title} <span class=\"minutes\">{min} min</span></h2>\n",
            "      <p class=\"goal\"><strong>Goal:</strong> {goal}</p>\n",
            "      <div class=\"block-tools\">\n",
            "        <span class=\"timer\" role=\"timer\" aria-label=\"Time left for {title}\" data-timer=\"\">{min}:00</span>\n",
            "        <button type=\"button\" data-action=\"timer\" aria-label=\"Start the timer for {title}\">Start</button>\n",
            "        <button type=\"button\" data-action=\"timer-reset\" aria-label=\"Reset timer for {title}\">Reset timer</button>\n",
            "        <button type=\"button\" data-action=\"earlier\" aria-label=\"Move {title} earlier\">Earlier</button>\n",
            "        <button type=\"button\" data-action=\"later\" aria-label=\"Move {title} later\">Later</button>\n",
            "        <button type=\"button\" data-action=\"drop\" aria-label=\"Drop {title} from the plan\">Drop</button>\n",
            "        <button type=\"button\" data-action=\"qr\" aria-expanded=\"false\" aria-controls=\"block-{id}-qr\" aria-label=\"QR code of the panel of {title}\">QR code</button>\n",
            "      </div>\n",
            "      <figure class=\"block-qr\" id=\"block-{id}-qr\" hidden=\"\"><div data-qr=\"\"></div><figcaption data-qr-caption=\"\"></figcaption></figure>\n",
            "      <h3>Tours</h3>\n",
            "      <ol class=\"block-tours\">\n",
        ),
        id = b.id,
        topic = e.topic.id(),
        min = b.minutes,
        icon = e.topic.icon(),
        title = title,
        goal = escape(b.goal),
    );
    for t in tours {
        out.push_str(&tour_item(e.topic.id(), t));
    }
    out.push_str("      </ol>\n");
    if !b.zines.is_empty() {
        out.push_str(&format!(
            "      <details class=\"block-zines\" data-zines=\"{}\"><summary>The zine {}</summary><div class=\"zine-slot\"></div></details>\n",
            b.id,
            if b.zines.len() == 1 { "page" } else { "pages" }
        ));
    }
    out.push_str(&format!(
        "      <div class=\"block-panel\" data-panel=\"\" aria-label=\"{title}: the panel\" role=\"region\"></div>\n    </li>\n"
    ));
    out
}

/// A tour of a block: its link for the room, and for the facilitator each
/// step's link, what to say and its answer.
fn tour_item(topic: &str, t: &TourSheet) -> String {
    let bets = t.steps.iter().filter(|s| s.bet.is_some()).count();
    let tasks = t.steps.iter().filter(|s| s.task.is_some()).count();
    let mut out = format!(
        "        <li><a href=\"{}\">{}</a> <span class=\"counts\">{} steps · {} {} · {} {}</span>\n          <ol class=\"say\" data-facilitator=\"\">\n",
        escape(&tour_link("", topic, &t.id, 1)),
        escape(&t.title),
        t.steps.len(),
        bets,
        if bets == 1 { "bet" } else { "bets" },
        tasks,
        if tasks == 1 { "task" } else { "tasks" },
    );
    for (k, s) in t.steps.iter().enumerate() {
        out.push_str(&format!(
            "            <li><a href=\"{}\">Step {}</a> {}{}</li>\n",
            escape(&tour_link("", topic, &t.id, k + 1)),
            k + 1,
            escape(&s.what_to_say()),
            answer_line(s)
        ));
    }
    out.push_str(&format!(
        "            <li>Recap: {}</li>\n          </ol>\n        </li>\n",
        escape(&t.seed)
    ));
    out
}

/// The step's answer, set apart so the facilitator finds it at a glance.
fn answer_line(s: &StepSheet) -> String {
    match (&s.bet, &s.task) {
        (Some(b), _) => format!(
            " <strong class=\"answer\">Answer: {}</strong>",
            escape(b.answer())
        ),
        (None, Some(solution)) => format!(
            " <strong class=\"answer\">Solution: {}</strong>",
            escape(solution)
        ),
        _ => String::new(),
    }
}

fn handout(e: &Entry, tours: &[TourSheet]) -> String {
    let b = &e.block;
    let mut out = format!(
        concat!(
            "    <section class=\"handout\" data-block=\"{id}\" aria-labelledby=\"handout-{id}\">\n",
            "      <h2 id=\"handout-{id}\">Hand-out: {title}</h2>\n",
            "      <p class=\"goal\"><strong>Goal:</strong> {goal}</p>\n",
            "      <figure class=\"comic\">{comic}<figcaption>{topic}, as the panel first shows it.</figcaption></figure>\n",
            "      <h3>Exercises</h3>\n",
            "      <ol class=\"exercises\">\n",
        ),
        id = b.id,
        title = escape(b.title),
        goal = escape(b.goal),
        comic = e.topic.default_comic(),
        topic = escape(e.topic.title()),
    );
    for t in tours {
        for (n, s) in t.exercises() {
            out.push_str(&exercise(t, n, s));
        }
    }
    out.push_str("      </ol>\n      <h3>Sources</h3>\n");
    out.push_str(&sources(e.topic.id()));
    if !b.zines.is_empty() {
        out.push_str(&format!(
            "      <div class=\"handout-zines\" data-zines=\"{}\"></div>\n",
            b.id
        ));
    }
    out.push_str("    </section>\n");
    out
}

/// A bet as a question with boxes to tick, a task as a goal with room to
/// write how.
fn exercise(t: &TourSheet, n: usize, s: &StepSheet) -> String {
    let from = format!("{}, step {n}", escape(&t.title));
    match &s.bet {
        Some(b) => {
            let choices: String = b
                .choices
                .iter()
                .map(|c| format!("<li>{}</li>", escape(c)))
                .collect();
            format!(
                "        <li><p class=\"from\">{from}</p><p>{}</p><p>{}</p><ul class=\"choices\">{choices}</ul></li>\n",
                escape(&s.text),
                escape(&b.question)
            )
        }
        None => format!(
            "        <li><p class=\"from\">{from}</p><p>{}</p><div class=\"answer-space\" aria-hidden=\"true\"></div></li>\n",
            escape(&s.text)
        ),
    }
}

/// The topic's sources, as its story lists them.
fn sources(topic: &str) -> String {
    let story = story_text(topic);
    let list = story
        .rfind("<ul class=\"story-sources\">")
        .and_then(|start| {
            story[start..]
                .find("</ul>")
                .map(|end| &story[start..start + end + 5])
        })
        .unwrap_or_else(|| panic!("{topic}: the story lists no sources"));
    format!(
        "      {}\n",
        list.replace("story-sources", "handout-sources")
    )
}

/// Every exercise's answer, block by block, numbered as on the hand-outs.
fn answer_key(sheets: &[(Entry, Vec<TourSheet>)]) -> String {
    let mut out = String::from(
        "    <section class=\"answer-key\" aria-labelledby=\"answer-key\">\n      <h2 id=\"answer-key\">Answer key</h2>\n",
    );
    for (e, tours) in sheets {
        out.push_str(&format!(
            "      <section data-block=\"{}\">\n        <h3>{}</h3>\n        <ol>\n",
            e.block.id,
            escape(e.block.title)
        ));
        for t in tours {
            for (_, s) in t.exercises() {
                let answer = match (&s.bet, &s.task) {
                    (Some(b), _) => format!(
                        "<strong>{}</strong>: {}",
                        escape(b.answer()),
                        escape(&b.why)
                    ),
                    (None, Some(solution)) => escape(solution),
                    _ => String::new(),
                };
                out.push_str(&format!("          <li>{answer}</li>\n"));
            }
        }
        out.push_str("        </ol>\n      </section>\n");
    }
    out.push_str("    </section>\n");
    out
}

#[cfg(test)]
#[path = "workshop_page_tests.rs"]
mod tests;
