//! Deploy pipelines and reliability practice.
pub mod model;
super::placeholder::placeholder_topic!(
    "pipeline",
    "Pipeline stepper",
    "Airbnb-style deploy pipelines as config, stepped release by release, with gamedays, rollback and error budgets.",
    "🚦"
);
