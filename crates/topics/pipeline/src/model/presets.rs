//! Example configs the panel can load, as the TOML a service owner would write.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// dev → staging → canary → production, with a manual gate before production.
    Airbnb,
    /// One build fanning out to parallel regional production targets.
    Monorepo,
    /// A config with a dependency cycle, to show what validation says.
    BrokenCycle,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Airbnb, Preset::Monorepo, Preset::BrokenCycle];

    pub fn title(self) -> &'static str {
        match self {
            Preset::Airbnb => "Airbnb-style: dev → staging → canary → production",
            Preset::Monorepo => "Monorepo with parallel regional production",
            Preset::BrokenCycle => "Broken: a dependency cycle",
        }
    }

    pub fn toml(self) -> &'static str {
        match self {
            Preset::Airbnb => AIRBNB,
            Preset::Monorepo => MONOREPO,
            Preset::BrokenCycle => BROKEN_CYCLE,
        }
    }
}

const AIRBNB: &str = r#"# Every change goes dev → staging → canary → production,
# and a person approves the step into production.
service = "bookings"

[[targets]]
id = "dev"
environment = "dev"
bake_minutes = 2
health = { max_error_rate = 0.05, max_p99_latency_ms = 800 }

[[targets]]
id = "staging"
environment = "staging"
depends_on = ["dev"]
bake_minutes = 5
health = { max_error_rate = 0.02, max_p99_latency_ms = 500 }

[[targets]]
id = "canary"
environment = "canary"
depends_on = ["staging"]
bake_minutes = 5
health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }
canary_steps = [
  { set_weight = 10 },
  { pause_minutes = 5 },
  { analysis = true },
  { set_weight = 50 },
  { pause_minutes = 5 },
  { analysis = true },
]

[[targets]]
id = "production"
environment = "production"
depends_on = ["canary"]
gate = "manual"
bake_minutes = 10
health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }

[rollback]
mode = "automatic"
on_failure = "target"
"#;

const MONOREPO: &str = r#"# One build of the monorepo, checked once, then rolled out to three
# regions in parallel. A failure anywhere rolls back every region.
service = "web-monorepo"

[[targets]]
id = "build-check"
environment = "dev"
bake_minutes = 1
health = { max_error_rate = 0.05 }

[[targets]]
id = "integration"
environment = "staging"
depends_on = ["build-check"]
bake_minutes = 5
health = { max_error_rate = 0.02, max_p99_latency_ms = 600 }

[[targets]]
id = "canary"
environment = "canary"
depends_on = ["integration"]
gate = "manual"
health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }
canary_steps = [
  { set_weight = 5 },
  { pause_minutes = 3 },
  { analysis = true },
  { set_weight = 25 },
  { pause_minutes = 3 },
  { analysis = true },
]

[[targets]]
id = "prod-us-east"
environment = "production"
depends_on = ["canary"]
bake_minutes = 10
health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }

[[targets]]
id = "prod-eu-west"
environment = "production"
depends_on = ["canary"]
bake_minutes = 10
health = { max_error_rate = 0.01, max_p99_latency_ms = 400 }

[[targets]]
id = "prod-ap-south"
environment = "production"
depends_on = ["canary"]
bake_minutes = 10
health = { max_error_rate = 0.01, max_p99_latency_ms = 450 }

[rollback]
mode = "automatic"
on_failure = "pipeline"
"#;

const BROKEN_CYCLE: &str = r#"# Broken on purpose: staging, canary and production wait on each other,
# so none of them (nor anything after them) can ever deploy.
service = "bookings"

[[targets]]
id = "dev"
environment = "dev"

[[targets]]
id = "staging"
environment = "staging"
depends_on = ["dev", "production"]

[[targets]]
id = "canary"
environment = "canary"
depends_on = ["staging"]

[[targets]]
id = "production"
environment = "production"
depends_on = ["canary"]
gate = "manual"

[[targets]]
id = "smoke-test"
environment = "other"
depends_on = ["production"]
"#;
