//! The panel's state: the model's playground in the core's `PlaygroundPanel`,
//! which keeps the feedback on the last action (a refusal or a notice such as
//! a rounded CIDR) with the field that caused it, so the view shows it in
//! place. A refused action leaves the playground as it was, so the last
//! valid layout stays drawn.

use super::model::{self, Action, Playground};
use techshack_core::state::StepAction;
use techshack_core::tour::Tour;
use techshack_core::{Article, PanelHandle, PlaygroundPanel, PlaygroundTopic, TopicInfo};
use yew::prelude::*;

pub type VpcPanel = PlaygroundPanel<Playground>;

/// The export the Terraform card asks the extras module for.
pub const TERRAFORM: &str = "terraform";

/// The control an action came from, so its message is shown next to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Preset,
    Az,
    Trace,
    Matrix,
    VpcCidr(String),
    Vpc(String),
    NewSubnet(String),
    SubnetCidr(String),
    Subnet(String),
    Table(String),
    Acl(String),
    Group(String),
    Instance(String),
    NewInstance(String),
    NewNat(String),
    /// Deleting or adding a gateway or a peering connection.
    Component(String),
    /// Adding or changing a gateway endpoint of this VPC.
    Endpoint(String),
    /// A VPC's dual-stack switch, its /56 and its egress-only gateways.
    #[cfg(feature = "ipv6")]
    VpcIpv6(String),
    #[cfg(feature = "ipv6")]
    SubnetIpv6(String),
}

/// Every VPC action is a small, deliberate step; nothing here streams.
impl StepAction for Action {}

impl TopicInfo for Playground {
    const ID: &'static str = "vpc";
    const TITLE: &'static str = "Clickable VPC diagram";
    const SUMMARY: &'static str = "AWS networking you can click and break: subnets over three AZs, gateways, route tables, security groups, NACLs and a packet tracer.";
    const ICON: &'static str = "🌐";
    const ARTICLE: Article = Article {
        title: "How Amazon VPC works (AWS VPC User Guide)",
        url: "https://docs.aws.amazon.com/vpc/latest/userguide/how-it-works.html",
    };
    const WORKSHOP: &'static [techshack_core::workshop::Block] = crate::workshop::BLOCKS;
    // IPv6 (feature `ipv6`) is a module of its own, loaded when first used:
    // with it the VPC's first visit would be over its 300 KB budget.
    const UPGRADE: Option<&'static str> = Some("ipv6");
}

impl PlaygroundTopic for Playground {
    // 2: links are postcard, not JSON (v1 links get the older-version notice).
    const STATE_VERSION: u32 = 2;
    const TOUR_TITLES: &'static [(&'static str, &'static str)] = &[
        ("nat-per-az", "One NAT gateway, or one per AZ?"),
        ("ephemeral-ports", "The ACL that forgot ephemeral ports"),
        ("peering-not-transitive", "Peering is not transitive"),
        ("cidr-and-routes", "Addresses, routes and blackholes"),
        ("your-turn", "Your turn: fix the network"),
    ];

    type Snapshot = model::Snapshot;
    type Comic = super::comic::Script;
    type Field = Field;
    type Gesture = Action;

    fn field_of(action: &Action) -> Field {
        match action {
            Action::LoadPreset { .. } => Field::Preset,
            Action::FailAz { .. } => Field::Az,
            Action::SetTrace { .. } | Action::SetEphemeralPort { .. } => Field::Trace,
            Action::SetMatrix { .. } => Field::Matrix,
            Action::SetVpcCidr { vpc, .. } => Field::VpcCidr(vpc.clone()),
            Action::AddSecondaryCidr { vpc, .. }
            | Action::RemoveSecondaryCidr { vpc, .. }
            | Action::AddIgw { vpc, .. } => Field::Vpc(vpc.clone()),
            Action::AddSubnet { vpc, .. } => Field::NewSubnet(vpc.clone()),
            Action::EditSubnetCidr { subnet, .. } => Field::SubnetCidr(subnet.clone()),
            Action::RemoveSubnet { subnet }
            | Action::SetAssociation { subnet, .. }
            | Action::SetAclAssociation { subnet, .. } => Field::Subnet(subnet.clone()),
            Action::AddRouteTable { id, .. } => Field::Table(id.clone()),
            Action::AddRoute { table, .. } | Action::RemoveRoute { table, .. } => {
                Field::Table(table.clone())
            }
            Action::AddNetworkAcl { id, .. } => Field::Acl(id.clone()),
            Action::AddNaclRule { acl, .. } | Action::RemoveNaclRule { acl, .. } => {
                Field::Acl(acl.clone())
            }
            Action::AddSecurityGroup { id, .. } => Field::Group(id.clone()),
            Action::AddSgRule { group, .. } | Action::RemoveSgRule { group, .. } => {
                Field::Group(group.clone())
            }
            Action::RemoveInstance { id } => Field::Instance(id.clone()),
            Action::SetSourceDestCheck { instance, .. } => Field::Instance(instance.clone()),
            Action::AddInstance { subnet, .. } => Field::NewInstance(subnet.clone()),
            Action::AddNat { subnet, .. } => Field::NewNat(subnet.clone()),
            Action::DeleteNat { nat } => Field::Component(nat.clone()),
            Action::DeleteIgw { igw } => Field::Component(igw.clone()),
            Action::SetGatewayEndpoint { vpc, .. } => Field::Endpoint(vpc.clone()),
            Action::AddPeering { id, .. }
            | Action::DeletePeering { id }
            | Action::RemoveGatewayEndpoint { id } => Field::Component(id.clone()),
            #[cfg(feature = "ipv6")]
            Action::SetVpcIpv6 { vpc, .. } | Action::AddEigw { vpc, .. } => {
                Field::VpcIpv6(vpc.clone())
            }
            #[cfg(feature = "ipv6")]
            Action::SetSubnetIpv6 { subnet, .. } => Field::SubnetIpv6(subnet.clone()),
            #[cfg(feature = "ipv6")]
            Action::DeleteEigw { eigw } => Field::Component(eigw.clone()),
            #[cfg(feature = "ipv6")]
            Action::AddRoute6 { table, .. } | Action::RemoveRoute6 { table, .. } => {
                Field::Table(table.clone())
            }
        }
    }

    fn snapshot(&self) -> model::Snapshot {
        Playground::snapshot(self)
    }

    fn restore(snapshot: model::Snapshot) -> Result<Self, String> {
        Playground::from_snapshot(snapshot).map_err(|e| e.to_string())
    }

    fn tours() -> Vec<Tour<Action>> {
        model::tours()
    }

    fn comic_script(&self) -> super::comic::Script {
        super::comic::script(self)
    }

    fn draw_comic(script: &super::comic::Script) -> String {
        super::comic::draw(script)
    }

    fn zines() -> Vec<(&'static str, techshack_core::sketch::Zine)> {
        super::zine::zines()
    }

    fn export(kind: &str, snapshot: model::Snapshot) -> Option<String> {
        match kind {
            TERRAFORM => Playground::from_snapshot(snapshot)
                .ok()
                .map(|pg| pg.terraform()),
            _ => None,
        }
    }

    fn view(handle: PanelHandle<VpcPanel>) -> Html {
        html! { <super::view::VpcView {handle} /> }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_terraform_export_is_written_from_the_link_as_the_panel_shows_it() {
        use techshack_core::extras::write_export;
        use techshack_core::state::encode;
        let mut p = VpcPanel::default();
        p.apply(&Action::FailAz {
            az: "us-east-1a".into(),
            failed: true,
        });
        p.apply(&Action::DeleteIgw {
            igw: p.pg.network().internet_gateways[0].id.clone(),
        });
        let link = encode(VpcPanel::STATE_VERSION, &p.snapshot());
        assert_eq!(
            write_export::<VpcPanel>(TERRAFORM, &link),
            Ok(p.pg.terraform())
        );
        assert!(write_export::<VpcPanel>("yaml", &link).is_err());
        assert!(write_export::<VpcPanel>(TERRAFORM, "2.garbage!").is_err());
    }
    use super::*;
    use techshack_core::state::history::Undoable;
    use techshack_core::PanelModel;

    #[test]
    fn a_refusal_is_kept_with_its_field_and_the_layout_is_unchanged() {
        let mut p = VpcPanel::default();
        let before = p.pg.network().clone();
        p.apply(&Action::EditSubnetCidr {
            subnet: "subnet-public-a".into(),
            cidr: "10.0.1.0/33".into(),
        });
        let field = Field::SubnetCidr("subnet-public-a".into());
        assert!(p
            .refused(&field)
            .is_some_and(|m| m.contains("is not an IPv4 CIDR")));
        assert!(p.refused(&Field::Trace).is_none());
        assert_eq!(p.pg.network(), &before);
        p.apply(&Action::FailAz {
            az: "us-east-1a".into(),
            failed: true,
        });
        assert_eq!(p.feedback, None, "a success clears the old refusal");
    }

    #[test]
    fn a_rounded_vpc_cidr_leaves_a_notice_at_the_vpc_field() {
        let mut p = VpcPanel::default();
        p.apply(&Action::SetVpcCidr {
            vpc: "vpc-123".into(),
            cidr: "10.0.7.0/16".into(),
        });
        let notice = p.notice(&Field::VpcCidr("vpc-123".into()));
        assert!(
            notice.is_some_and(|n| n.contains("rounded to its network address 10.0.0.0/16")),
            "{:?}",
            p.feedback
        );
    }

    #[test]
    fn a_link_restores_failed_azs_and_the_trace() {
        let mut p = VpcPanel::default();
        p.apply(&Action::LoadPreset {
            preset: model::PresetId::SingleNat,
        });
        p.apply(&Action::FailAz {
            az: "us-east-1a".into(),
            failed: true,
        });
        let back = VpcPanel::restore(p.snapshot()).unwrap();
        assert_eq!(back.pg, p.pg);
    }
}
