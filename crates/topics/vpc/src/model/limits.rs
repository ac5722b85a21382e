//! Size caps. They keep every model call bounded on untrusted input (a URL
//! snapshot) and match AWS's default quotas where AWS has one.

pub const MAX_VPCS: usize = 8;
/// AWS default: 5 IPv4 CIDR blocks per VPC (primary + 4).
pub const MAX_SECONDARY_CIDRS: usize = 4;
pub const MAX_SUBNETS: usize = 200;
pub const MAX_ROUTE_TABLES: usize = 200;
/// AWS default: 50 non-propagated routes per table.
pub const MAX_ROUTES_PER_TABLE: usize = 50;
pub const MAX_INSTANCES: usize = 1000;
pub const MAX_NAT_GATEWAYS: usize = 50;
/// The reachability matrix keeps group membership in a `u128`.
pub const MAX_SECURITY_GROUPS: usize = 128;
/// AWS default: 60 inbound and 60 outbound rules per group.
pub const MAX_SG_RULES: usize = 60;
/// AWS default: 5 security groups per network interface.
pub const MAX_GROUPS_PER_INSTANCE: usize = 5;
pub const MAX_NETWORK_ACLS: usize = 200;
/// AWS default is 20 per direction, adjustable to 40.
pub const MAX_ACL_RULES: usize = 40;
pub const MAX_PEERINGS: usize = 32;
pub const MAX_ID_LEN: usize = 64;
/// Edits a snapshot may carry before it stops being link-sized.
pub const MAX_SNAPSHOT_EDITS: usize = 48;
/// AWS default: 20 gateway endpoints per Region.
pub const MAX_ENDPOINTS: usize = 20;
