//! AWS VPC networking with a packet tracer.
super::placeholder::placeholder_topic!(
    "vpc",
    "Clickable VPC diagram",
    "AWS networking you can click and break: subnets over three AZs, gateways, route tables, security groups, NACLs and a packet tracer.",
    "🌐"
);
