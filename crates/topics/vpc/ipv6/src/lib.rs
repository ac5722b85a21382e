//! The vpc topic's upgrade module: the VPC panel with its IPv6 tools (see
//! `techshack_core::extras::Upgrade`).

techshack_core::export_panel!(topic_vpc::VpcPanel);
