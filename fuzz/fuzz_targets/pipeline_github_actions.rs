//! The GitHub Actions export of any valid pipeline config: it must parse as
//! YAML, have one job per target (plus the rollback job when rollback is
//! automatic) with `needs` as the dependencies, and keep the service name
//! exactly (with GitHub's `${{` defused).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_yaml::Value;
use std::collections::BTreeSet;
use topic_pipeline::model::github_actions::{job_id, to_github_actions};
use topic_pipeline::model::{validate_str, RollbackMode};

fn defused(s: &str) -> String {
    s.replace("${{", "${{ '${{' }}")
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(p) = validate_str(text) else {
        return;
    };
    let yaml = to_github_actions(&p);
    let doc: Value =
        serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("export is not YAML: {e}\n{yaml}"));
    assert_eq!(
        doc["name"].as_str(),
        Some(defused(&format!("Deploy {}", p.service())).as_str()),
        "{yaml}"
    );
    let jobs = doc["jobs"].as_mapping().expect("a jobs mapping");
    let keys: BTreeSet<String> = jobs
        .keys()
        .map(|k| k.as_str().expect("job ids are strings").to_owned())
        .collect();
    let mut want: BTreeSet<String> = p.targets().iter().map(|t| job_id(&t.id)).collect();
    if p.spec().rollback.mode == RollbackMode::Automatic {
        want.insert("_rollback".into());
    }
    assert_eq!(keys, want, "{yaml}");
    for i in 0..p.len() {
        let job = &jobs[job_id(p.id(i)).as_str()];
        let needs: BTreeSet<String> = match &job["needs"] {
            Value::Sequence(s) => s
                .iter()
                .filter_map(|v| v.as_str())
                .map(String::from)
                .collect(),
            Value::String(s) => [s.clone()].into(),
            _ => BTreeSet::new(),
        };
        let deps: BTreeSet<String> = p.deps(i).iter().map(|&d| job_id(p.id(d))).collect();
        assert_eq!(needs, deps, "needs of {}\n{yaml}", p.id(i));
    }
});
