//! What each component is, in one to three plain sentences. Pure text.

use super::select::Sel;

pub fn kind_name(sel: &Sel, public: bool) -> &'static str {
    match sel {
        Sel::Vpc(_) => "VPC",
        Sel::Subnet(_) if public => "Public subnet",
        Sel::Subnet(_) => "Private subnet",
        Sel::RouteTable(_) => "Route table",
        Sel::Igw(_) => "Internet gateway",
        Sel::Nat(_) => "NAT gateway",
        Sel::Instance(_) => "Instance",
        Sel::SecurityGroup(_) => "Security group",
        Sel::Acl(_) => "Network ACL",
        Sel::Peering(_) => "Peering connection",
        Sel::Internet => "The internet",
        Sel::Endpoint(_) => "Gateway endpoint",
        #[cfg(feature = "ipv6")]
        Sel::Eigw(_) => "Egress-only internet gateway",
    }
}

/// `public` only matters for subnets.
pub fn explain(sel: &Sel, public: bool) -> &'static str {
    match sel {
        Sel::Vpc(_) => "A VPC is your own private network in one AWS region, with an address block such as 10.0.0.0/16. Everything else here lives inside it, and nothing gets in or out unless a gateway and a route allow it.",
        Sel::Subnet(_) if public => "A public subnet is a slice of the VPC's addresses in one availability zone whose route table sends 0.0.0.0/0 to the internet gateway. Its instances still need a public IP to be reached from the internet.",
        Sel::Subnet(_) => "A private subnet has no route to the internet gateway. Its instances reach out through a NAT gateway, and nothing on the internet can open a connection to them.",
        Sel::RouteTable(_) => "A route table tells a subnet's router where each packet goes: the longest matching destination wins, and the local route for the VPC's own addresses is always there. A subnet without its own table uses the main one, and a route whose target was deleted stays behind as a blackhole that drops traffic.",
        Sel::Igw(_) => "The internet gateway connects the VPC to the internet and swaps instances' private addresses for their public IPs on the way through. A VPC has at most one, and it belongs to no availability zone.",
        Sel::Nat(_) => "A NAT gateway lets instances in private subnets open connections to the internet by rewriting their source address to its own. It lives in one public subnet of one availability zone: if that AZ fails, every subnet routed through it loses the internet.",
        Sel::Instance(_) => "An EC2 instance: a virtual machine with a private IP in its subnet and, optionally, a public IP. Its security groups decide what may reach it.",
        Sel::SecurityGroup(_) => "A security group is a stateful firewall around an instance: it has only allow rules, and replies to allowed traffic always get back. A rule may name another group instead of addresses.",
        Sel::Acl(_) => "A network ACL filters traffic entering and leaving a whole subnet: numbered rules, lowest match wins, and a final * rule denies the rest. It is stateless, so replies to ephemeral ports (1024-65535) need rules of their own.",
        Sel::Peering(_) => "A peering connection joins two VPCs so they can talk by private address, once both route tables point at it. It is not transitive: A-B and B-C do not connect A to C.",
        Sel::Endpoint(_) => "A gateway endpoint takes a VPC's traffic to Amazon S3 or DynamoDB in the same Region without an internet gateway or NAT: each associated route table gets a route to the service's prefix list, more specific than 0.0.0.0/0, and the packet keeps its private source address. It is free, and only subnets of its own VPC can use it, not peered VPCs or VPNs.",
        Sel::Internet => "Any host outside AWS, here 203.0.113.10. Traces can start or end on the internet.",
        #[cfg(feature = "ipv6")]
        Sel::Eigw(_) => "An egress-only internet gateway is for IPv6 only: instances' IPv6 traffic goes out through it and replies come back, but nothing on the internet can start a connection in. IPv6 addresses are public, so there is no NAT. The internet host of an IPv6 trace is 2001:db8::10.",
    }
}
