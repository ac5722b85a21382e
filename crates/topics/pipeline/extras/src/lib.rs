//! The pipeline topic's extras module (see `techshack_core::extras`).

techshack_core::export_extras!(topic_pipeline::PipelinePanel);
