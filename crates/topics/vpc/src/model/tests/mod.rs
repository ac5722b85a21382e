mod association_tests;
mod cidr_tests;
mod endpoint_tests;
#[cfg(feature = "ipv6")]
mod ipv6_tests;
#[cfg(feature = "ipv6")]
mod ipv6_trace_tests;
mod matrix_tests;
mod nat_cost_tests;
mod playground_tests;
mod reply_path_tests;
mod robustness_tests;
mod routing_tests;
mod snapshot_tests;
mod split_bar_tests;
mod support;
mod terraform_hostile_tests;
mod terraform_tests;
mod tour_end_tests;
mod tour_tests;
mod trace_rule_tests;
mod trace_tests;
mod validate_tests;
mod wire_tests;
