//! Export as a GitHub Actions workflow: one job per target, `needs` for
//! depends_on, a GitHub environment per target. Written by hand (no YAML crate)
//! with every user-supplied string double-quoted and escaped.

use std::fmt::Write;

use super::decimal::Trimmed;
use super::pipeline::Pipeline;
use super::spec::{CanaryStep, Gate, RollbackMode, RollbackScope, TargetSpec};

/// The workflow YAML for a pipeline, jobs in dependency order.
pub fn to_github_actions(pipeline: &Pipeline) -> String {
    let mut y = String::new();
    let service = pipeline.service();
    y.push_str("# GitHub Actions workflow generated from a Techshack Live pipeline.\n");
    y.push_str("# Each target is a job; depends_on became `needs`, and each job deploys to\n");
    y.push_str("# a GitHub environment named after its target.\n");
    let _ = writeln!(y, "name: {}", yaml_str(&format!("Deploy {service}")));
    y.push_str("on:\n  workflow_dispatch: {}\n");
    y.push_str("concurrency:\n");
    let _ = writeln!(y, "  group: {}", yaml_str(&format!("deploy-{service}")));
    y.push_str("  cancel-in-progress: false\n");
    y.push_str("jobs:\n");
    for &i in pipeline.order() {
        let Some(t) = pipeline.target(i) else {
            continue;
        };
        let needs: Vec<String> = pipeline
            .deps(i)
            .iter()
            .map(|&d| yaml_str(&job_id(pipeline.id(d))))
            .collect();
        write_job(&mut y, t, &needs, service);
    }
    let policy = pipeline.spec().rollback;
    if policy.mode == RollbackMode::Automatic {
        let all: Vec<String> = pipeline
            .order()
            .iter()
            .map(|&i| yaml_str(&job_id(pipeline.id(i))))
            .collect();
        let scope = match policy.on_failure {
            RollbackScope::Target => "target",
            RollbackScope::Pipeline => "pipeline",
        };
        // Target ids start with a letter or digit, so this name cannot clash.
        y.push_str("  _rollback:\n");
        let _ = writeln!(y, "    name: {}", yaml_str(&format!("Roll back ({scope})")));
        let _ = writeln!(y, "    needs: [{}]", all.join(", "));
        y.push_str("    if: ${{ failure() }}\n");
        y.push_str("    runs-on: ubuntu-latest\n");
        push_env(&mut y, service, None);
        y.push_str("    steps:\n");
        y.push_str("      - name: \"Restore the previous version\"\n");
        let _ = writeln!(y, "        run: ./rollback.sh --scope {scope}");
    } else {
        y.push_str("# Rollback policy is manual: run ./rollback.sh by hand after a failure.\n");
    }
    y
}

fn write_job(y: &mut String, t: &TargetSpec, needs: &[String], service: &str) {
    let _ = writeln!(y, "  {}:", yaml_key(&job_id(&t.id)));
    let _ = writeln!(
        y,
        "    name: {}",
        yaml_str(&format!("{} ({})", t.id, t.environment.name()))
    );
    if !needs.is_empty() {
        let _ = writeln!(y, "    needs: [{}]", needs.join(", "));
    }
    y.push_str("    runs-on: ubuntu-latest\n");
    if t.gate == Gate::Manual {
        let _ = writeln!(
            y,
            "    # Manual gate: add required reviewers to the {} environment\n    # (Settings > Environments) so this job waits for approval.",
            yaml_str(&t.id)
        );
    }
    let _ = writeln!(y, "    environment: {}", yaml_str(&t.id));
    push_env(y, service, Some(&t.id));
    y.push_str("    steps:\n");
    let step = |y: &mut String, name: &str, run: &str| {
        let _ = writeln!(y, "      - name: {}\n        run: {run}", yaml_str(name));
    };
    step(y, &format!("Deploy to {}", t.id), "./deploy.sh");
    for s in &t.canary_steps {
        match s {
            CanaryStep::SetWeight(w) => step(
                y,
                &format!("Canary: weight {w}%"),
                &format!("./set-weight.sh {w}"),
            ),
            CanaryStep::PauseMinutes(m) => step(
                y,
                &format!("Canary: pause {m} min"),
                &format!("sleep {}", u64::from(*m) * 60),
            ),
            CanaryStep::Analysis => step(y, "Canary: analysis", "./check-health.sh"),
        }
    }
    if !t.canary_steps.is_empty() {
        step(y, "Promote to 100%", "./set-weight.sh 100");
    }
    if t.bake_minutes > 0 {
        step(
            y,
            &format!("Bake {} min", t.bake_minutes),
            &format!("sleep {}", u64::from(t.bake_minutes) * 60),
        );
    }
    if let Some(h) = t.health {
        let _ = writeln!(
            y,
            "      - name: \"Verify health\"\n        run: ./check-health.sh"
        );
        let mut limits = Vec::new();
        if let Some(e) = h.max_error_rate {
            limits.push(format!(
                "MAX_ERROR_RATE: {}",
                yaml_str(&Trimmed(e, 12).to_string())
            ));
        }
        if let Some(l) = h.max_p99_latency_ms {
            limits.push(format!("MAX_P99_LATENCY_MS: {}", yaml_str(&l.to_string())));
        }
        if !limits.is_empty() {
            y.push_str("        env:\n");
            for l in limits {
                let _ = writeln!(y, "          {l}");
            }
        }
    }
}

/// Job-level environment shared by the job's steps.
fn push_env(y: &mut String, service: &str, target: Option<&str>) {
    y.push_str("    env:\n");
    let _ = writeln!(y, "      SERVICE: {}", yaml_str(service));
    if let Some(t) = target {
        let _ = writeln!(y, "      TARGET: {}", yaml_str(t));
    }
    y.push_str("      VERSION: ${{ github.sha }}\n");
}

/// A valid job id: GitHub wants a letter or `_` first; target ids may start
/// with a digit, and `_` never starts a target id, so the prefix cannot collide.
pub fn job_id(target: &str) -> String {
    if target.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        target.to_owned()
    } else {
        format!("_{target}")
    }
}

/// A mapping key, quoted when YAML 1.1 would read it as something other than a
/// plain string (`on`, `yes`, `null`, ...).
pub fn yaml_key(key: &str) -> String {
    const SPECIAL: [&str; 11] = [
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "",
    ];
    let plain = key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !SPECIAL.contains(&key.to_ascii_lowercase().as_str());
    if plain {
        key.to_owned()
    } else {
        yaml_str(key)
    }
}

/// A YAML double-quoted scalar. Also defuses `${{`, which GitHub would otherwise
/// evaluate as an expression inside any string.
pub fn yaml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let defused = s.replace("${{", "${{ '${{' }}");
    for c in defused.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
