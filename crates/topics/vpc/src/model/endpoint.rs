//! Gateway VPC endpoints for Amazon S3 and DynamoDB (AWS PrivateLink guide,
//! "Gateway endpoints"): no interface and no address of their own, only a
//! route target. Associating an endpoint with a route table adds a route in
//! that table whose destination is the service's AWS-managed prefix list and
//! whose target is the endpoint; deleting the endpoint (or dropping the
//! association) removes those routes again, so they are derived here rather
//! than stored in `RouteTable::routes`.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;

use super::error::VpcError;
use super::layout::{Network, RouteTable};

/// The Region the playground's VPCs live in: every preset uses us-east-1's
/// AZs. Gateway endpoints reach a service in the VPC's own Region only.
pub const REGION: &str = "us-east-1";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    S3,
    Dynamodb,
}

impl Service {
    pub const ALL: [Service; 2] = [Service::S3, Service::Dynamodb];

    /// The last part of the service name `com.amazonaws.<region>.<service>`.
    pub fn key(self) -> &'static str {
        match self {
            Service::S3 => "s3",
            Service::Dynamodb => "dynamodb",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Service::S3 => "Amazon S3",
            Service::Dynamodb => "DynamoDB",
        }
    }

    /// The AWS-managed prefix list of the service in us-east-1, as
    /// `aws ec2 describe-managed-prefix-lists` names it there
    /// (com.amazonaws.us-east-1.s3 is pl-63a5400a, .dynamodb pl-02cd2c6b).
    pub fn prefix_list(self) -> &'static str {
        match self {
            Service::S3 => "pl-63a5400a",
            Service::Dynamodb => "pl-02cd2c6b",
        }
    }

    /// A representative part of the prefix list: blocks that AWS's
    /// ip-ranges.json lists for the service in us-east-1. The real list has
    /// more entries and AWS changes it; the model keeps these few fixed so
    /// traces and links stay reproducible.
    pub fn cidrs(self) -> &'static [Ipv4Net] {
        const S3: [Ipv4Net; 2] = [net(52, 216, 0, 0, 15), net(54, 231, 0, 0, 17)];
        const DDB: [Ipv4Net; 1] = [net(52, 94, 0, 0, 22)];
        match self {
            Service::S3 => &S3,
            Service::Dynamodb => &DDB,
        }
    }
}

const fn net(a: u8, b: u8, c: u8, d: u8, len: u8) -> Ipv4Net {
    Ipv4Net::new_assert(Ipv4Addr::new(a, b, c, d), len)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayEndpoint {
    pub id: String,
    pub vpc: String,
    pub service: Service,
    /// Route tables that get the prefix-list route.
    pub route_tables: Vec<String>,
}

impl GatewayEndpoint {
    /// `com.amazonaws.us-east-1.s3`, as Terraform's `service_name` wants it.
    pub fn service_name(&self) -> String {
        format!("com.amazonaws.{REGION}.{}", self.service.key())
    }
}

impl Network {
    pub fn endpoint(&self, id: &str) -> Option<&GatewayEndpoint> {
        self.endpoints.iter().find(|e| e.id == id)
    }

    /// The endpoints associated with `t`, in the order they were added.
    pub fn endpoints_of<'n>(
        &'n self,
        t: &'n RouteTable,
    ) -> impl Iterator<Item = &'n GatewayEndpoint> + 'n {
        self.endpoints
            .iter()
            .filter(|e| e.vpc == t.vpc && e.route_tables.contains(&t.id))
    }
}

/// Creates the endpoint, or gives an existing one new route tables; its
/// VPC and service are fixed once it exists, as in AWS.
pub(super) fn set(
    net: &mut Network,
    id: &str,
    vpc: &str,
    service: Service,
    route_tables: &[String],
) -> Result<(), VpcError> {
    let tables = route_tables.to_vec();
    match net.endpoints.iter_mut().find(|e| e.id == id) {
        Some(e) if e.vpc == vpc && e.service == service => e.route_tables = tables,
        Some(_) => return Err(VpcError::DuplicateId { id: id.to_string() }),
        None => net.endpoints.push(GatewayEndpoint {
            id: id.to_string(),
            vpc: vpc.to_string(),
            service,
            route_tables: tables,
        }),
    }
    Ok(())
}

/// AWS's rules for gateway endpoints: the VPC exists, each associated table
/// is one of its tables, and a table has at most one endpoint route per
/// service ("you can't have more than one route to the same service in a
/// single route table", PrivateLink guide, "Gateway endpoints", Routing).
pub(super) fn check_endpoints(net: &Network) -> Result<(), VpcError> {
    super::validate::cap(
        net.endpoints.len(),
        super::limits::MAX_ENDPOINTS,
        "gateway endpoints",
    )?;
    for (i, e) in net.endpoints.iter().enumerate() {
        let refuse = |rule| {
            Err(VpcError::GatewayEndpoint {
                id: e.id.clone(),
                rule,
            })
        };
        if net.vpc(&e.vpc).is_none() {
            return refuse("its VPC does not exist");
        }
        // Each table exists once at most, so the list is bounded by MAX_ROUTE_TABLES.
        for (k, t) in e.route_tables.iter().enumerate() {
            if net.route_table(t).is_none_or(|x| x.vpc != e.vpc) {
                return refuse("a gateway endpoint serves only route tables of its own VPC");
            }
            if e.route_tables[..k].contains(t) {
                return refuse("each route table is associated once");
            }
            // Checked against earlier endpoints, so the newer one is named.
            let same = |o: &&GatewayEndpoint| o.service == e.service;
            if net.endpoints[..i]
                .iter()
                .filter(same)
                .any(|o| o.route_tables.contains(t))
            {
                return refuse(
                    "a route table can hold only one endpoint route to the same service",
                );
            }
        }
    }
    Ok(())
}
