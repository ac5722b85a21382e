//! The canary: its traffic weight as a bar and its steps, then live health
//! charts (error rate, p99 latency) for every target the new version runs on.

use super::super::model::decimal::Fixed;
use super::super::model::{CanaryStep, EnvironmentKind};
use super::charts::{svg, Series};
use super::status::percent;
use super::Props;
use yew::prelude::*;

/// Charts drawn at most; big pipelines show the targets sampled most recently.
const MAX_CHARTS: usize = 6;

pub fn canary_view(props: &Props) -> Html {
    let pg = &props.state.pg;
    let p = pg.pipeline();
    let release = pg.release();
    let canaries: Vec<usize> = (0..p.len())
        .filter(|&i| {
            p.target(i).is_some_and(|t| {
                t.environment == EnvironmentKind::Canary || !t.canary_steps.is_empty()
            })
        })
        .take(4)
        .collect();
    let bars = canaries.iter().map(|&i| {
        let t = &p.targets()[i];
        let weight = release.map_or(0, |r| r.new_traffic(i));
        let version = release.map_or(String::new(), |r| format!(" on v{}", r.version()));
        let steps: Vec<String> = t.canary_steps.iter().map(CanaryStep::to_string).collect();
        let steps = if steps.is_empty() {
            "no canary steps: a plain rollout".to_owned()
        } else {
            steps.join(" → ")
        };
        let label = format!("{}: {weight}% of its traffic{version}", t.id);
        html! {
            <div class="pl-canary">
                <div class="pl-weight" role="img" aria-label={label.clone()}>
                    <div class="pl-weight-fill" style={format!("width:{weight}%")}></div>
                </div>
                <p>{ label }</p>
                <p class="pl-hint">{ format!("Steps: {steps}") }</p>
            </div>
        }
    });

    let charts: Vec<Html> = release
        .map(|r| {
            let mut sampled: Vec<usize> = (0..p.len())
                .filter(|&i| r.run(i).is_some_and(|run| run.sampled_at.is_some()))
                .collect();
            sampled.sort_by_key(|&i| {
                std::cmp::Reverse(r.run(i).and_then(|x| x.sampled_at).unwrap_or(0))
            });
            sampled.truncate(MAX_CHARTS);
            sampled.sort_unstable();
            sampled
                .into_iter()
                .filter_map(|i| chart_pair(pg, i, r.minutes()))
                .collect()
        })
        .unwrap_or_default();

    html! {
        <section role="group" class="card-box pl-canary-box" aria-labelledby={format!("{}-canary-h", props.uid)}>
            <h2 id={format!("{}-canary-h", props.uid)}>{ "Canary and health" }</h2>
            if canaries.is_empty() {
                <p class="pl-hint">{ "This pipeline has no canary target: production is where users meet a new version first." }</p>
            }
            { for bars }
            if charts.is_empty() {
                <p class="pl-hint">{ "Health charts appear once a release samples a target (canary analysis, bake and verify)." }</p>
            } else {
                <div class="pl-charts">{ for charts }</div>
            }
        </section>
    }
}

fn chart_pair(pg: &super::super::model::Playground, i: usize, now: u32) -> Option<Html> {
    let p = pg.pipeline();
    let t = p.target(i)?;
    let r = pg.release()?;
    let run = r.run(i)?;
    let history = r.health_history(i);
    let last = history.last()?;
    let start = history.first().map_or(0, |h| h.0);
    let minutes = (start, now.max(start + 10));
    let errors: Vec<(u32, f64)> = history.iter().map(|(m, s)| (*m, s.error_rate)).collect();
    let p99: Vec<(u32, f64)> = history
        .iter()
        .map(|(m, s)| (*m, f64::from(s.p99_ms)))
        .collect();
    let health = t.health.unwrap_or_default();
    let err_limit = health.max_error_rate;
    let p99_limit = health.max_p99_latency_ms.map(f64::from);
    let limit_text =
        |l: Option<String>| l.map_or(" (not checked)".to_owned(), |l| format!(" (limit {l})"));
    let err_now = format!(
        "{}{}",
        pct(last.1.error_rate),
        limit_text(err_limit.map(pct))
    );
    let p99_now = format!(
        "{} ms{}",
        last.1.p99_ms,
        limit_text(p99_limit.map(|l| format!("{} ms", Fixed(l, 0))))
    );
    let alt = format!(
        "{} health over {} samples, minute {} to {}: error rate now {err_now}; p99 latency now {p99_now}.",
        t.id,
        history.len(),
        start,
        last.0
    );
    let err_svg = svg(&Series {
        points: &errors,
        limit: err_limit,
        minutes,
    });
    let p99_svg = svg(&Series {
        points: &p99,
        limit: p99_limit,
        minutes,
    });
    Some(html! {
        <figure class="pl-chart" key={t.id.clone()}>
            <figcaption><strong>{ t.id.clone() }</strong>{ format!(" · {}", run.status) }</figcaption>
            <div role="img" aria-label={alt} class="pl-chart-pair">
                <div>
                    <span class="pl-chart-label" aria-hidden="true">{ format!("error rate {err_now}") }</span>
                    { Html::from_html_unchecked(AttrValue::from(err_svg)) }
                </div>
                <div>
                    <span class="pl-chart-label" aria-hidden="true">{ format!("p99 {p99_now}") }</span>
                    { Html::from_html_unchecked(AttrValue::from(p99_svg)) }
                </div>
            </div>
        </figure>
    })
}

fn pct(f: f64) -> String {
    if f < 0.01 {
        format!("{}%", Fixed(f * 100.0, 2))
    } else {
        percent(f)
    }
}
