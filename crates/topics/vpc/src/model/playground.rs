//! The panel's state as a reducer: a layout (preset + edits), AZ what-ifs,
//! the current trace request and matrix settings. A rejected action leaves
//! everything as it was.

use serde::{Deserialize, Serialize};

use super::action::{Action, Notice};
use super::edits::apply_edit;
use super::error::VpcError;
use super::explorer::{explain, CidrExplain};
use super::filters::Protocol;
use super::layout::Network;
use super::limits::{MAX_ID_LEN, MAX_SNAPSHOT_EDITS, MAX_SUBNETS};
use super::lookup::{blackholes, is_public_subnet, route_for, RouteDecision};
use super::matrix::{reachability_matrix, Matrix};
use super::packet::{Endpoint, Faults, Trace, TraceSpec};
use super::presets::PresetId;
use super::terraform::to_terraform;
use super::trace::{check_spec, trace};
use super::validate::validate;

/// What "copy link" stores: the preset, the edits since, and the view settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub preset: PresetId,
    #[serde(default)]
    pub edits: Vec<Action>,
    #[serde(default)]
    pub failed_azs: Vec<String>,
    pub trace: TraceSpec,
    pub matrix_protocol: Protocol,
    pub matrix_port: u16,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub vpcs: usize,
    pub subnets: usize,
    pub public_subnets: usize,
    pub instances: usize,
    pub nat_gateways: usize,
    pub route_tables: usize,
    pub blackhole_routes: usize,
    pub failed_azs: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    preset: PresetId,
    edits: Vec<Action>,
    network: Network,
    faults: Faults,
    trace: TraceSpec,
    matrix_protocol: Protocol,
    matrix_port: u16,
    notices: Vec<Notice>,
}

impl Default for Playground {
    fn default() -> Self {
        Playground::with_preset(PresetId::Article)
    }
}

fn port(field: &str, value: u32) -> Result<u16, VpcError> {
    u16::try_from(value).map_err(|_| VpcError::PortOutOfRange {
        field: field.to_string(),
        value,
    })
}

impl Playground {
    pub fn with_preset(preset: PresetId) -> Playground {
        Playground {
            preset,
            edits: Vec::new(),
            network: preset.build(),
            faults: Faults::default(),
            trace: preset.default_trace(),
            matrix_protocol: Protocol::Tcp,
            matrix_port: 443,
            notices: Vec::new(),
        }
    }

    pub fn apply(&mut self, action: &Action) -> Result<(), VpcError> {
        let mut notices = Vec::new();
        let mut next = self.clone();
        next.step(action, &mut notices)?;
        next.notices = notices;
        *self = next;
        Ok(())
    }

    fn step(&mut self, action: &Action, notices: &mut Vec<Notice>) -> Result<(), VpcError> {
        match action {
            Action::LoadPreset { preset } => *self = Playground::with_preset(*preset),
            Action::FailAz { az, failed } => {
                if !self.network.subnets.iter().any(|s| &s.az == az) {
                    return Err(VpcError::UnknownAz { az: az.clone() });
                }
                if *failed {
                    self.faults.failed_azs.insert(az.clone());
                } else {
                    self.faults.failed_azs.remove(az);
                }
            }
            Action::SetTrace {
                src,
                dst,
                protocol,
                port: p,
            } => {
                let spec = TraceSpec {
                    src: src.clone(),
                    dst: dst.clone(),
                    protocol: *protocol,
                    port: port("trace port", *p)?,
                    src_port: self.trace.src_port,
                };
                check_spec(&self.network, &spec)?;
                self.trace = spec;
            }
            Action::SetEphemeralPort { port: p } => {
                self.trace.src_port = port("ephemeral port", *p)?
            }
            Action::SetMatrix { protocol, port: p } => {
                if *protocol == Protocol::All {
                    return Err(VpcError::TraceEndpoint {
                        reason: "pick tcp, udp or icmp for the matrix".into(),
                    });
                }
                self.matrix_protocol = *protocol;
                self.matrix_port = port("matrix port", *p)?;
            }
            edit => {
                if self.edits.len() >= MAX_SNAPSHOT_EDITS {
                    return Err(VpcError::TooMany {
                        what: "edits since the preset was loaded (reload a preset to start over)",
                        max: MAX_SNAPSHOT_EDITS,
                    });
                }
                apply_edit(&mut self.network, edit, notices)?;
                #[cfg(feature = "ipv6")]
                super::ipv6_edits::prune6(&mut self.network);
                validate(&self.network)?;
                // An AZ left without subnets is no longer failed: a link
                // could not fail it again (found by fuzzing).
                let net = &self.network;
                self.faults
                    .failed_azs
                    .retain(|az| net.subnets.iter().any(|s| &s.az == az));
                self.edits.push(edit.clone());
            }
        }
        Ok(())
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            preset: self.preset,
            edits: self.edits.clone(),
            failed_azs: self.faults.failed_azs.iter().cloned().collect(),
            trace: self.trace.clone(),
            matrix_protocol: self.matrix_protocol,
            matrix_port: self.matrix_port,
        }
    }

    /// Rebuilds a playground from a (possibly tampered) snapshot.
    pub fn from_snapshot(s: Snapshot) -> Result<Playground, VpcError> {
        if s.edits.len() > MAX_SNAPSHOT_EDITS {
            return Err(VpcError::TooMany {
                what: "edits in the link",
                max: MAX_SNAPSHOT_EDITS,
            });
        }
        if s.failed_azs.len() > MAX_SUBNETS {
            return Err(VpcError::TooMany {
                what: "failed AZs in the link",
                max: MAX_SUBNETS,
            });
        }
        let mut p = Playground::with_preset(s.preset);
        for (index, edit) in s.edits.iter().enumerate() {
            if !edit.is_layout_edit() {
                return Err(VpcError::SnapshotReplay {
                    index,
                    error: Box::new(VpcError::TraceEndpoint {
                        reason: "the link's edit list may only hold layout edits".into(),
                    }),
                });
            }
            p.apply(edit).map_err(|e| VpcError::SnapshotReplay {
                index,
                error: Box::new(e),
            })?;
        }
        for az in &s.failed_azs {
            p.apply(&Action::FailAz {
                az: az.clone(),
                failed: true,
            })?;
        }
        let ids = [&s.trace.src, &s.trace.dst];
        if ids.iter().any(|e| match e {
            Endpoint::Instance(id) => id.len() > MAX_ID_LEN,
            #[cfg(feature = "ipv6")]
            Endpoint::Instance6(id) => id.len() > MAX_ID_LEN,
            _ => false,
        }) {
            return Err(VpcError::TooMany {
                what: "characters in an id",
                max: MAX_ID_LEN,
            });
        }
        p.trace = s.trace;
        p.apply(&Action::SetMatrix {
            protocol: s.matrix_protocol,
            port: u32::from(s.matrix_port),
        })?;
        p.notices.clear();
        Ok(p)
    }

    pub fn preset(&self) -> PresetId {
        self.preset
    }
    pub fn network(&self) -> &Network {
        &self.network
    }
    pub fn faults(&self) -> &Faults {
        &self.faults
    }
    pub fn edits(&self) -> &[Action] {
        &self.edits
    }
    pub fn trace_spec(&self) -> &TraceSpec {
        &self.trace
    }
    /// Notes about the last successful action (e.g. a rounded CIDR).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }
    /// The reachability matrix's protocol and destination port.
    pub fn matrix_settings(&self) -> (Protocol, u16) {
        (self.matrix_protocol, self.matrix_port)
    }
    pub fn ephemeral_port(&self) -> u16 {
        self.trace.src_port
    }

    /// The current trace; an error if its endpoints were removed since.
    pub fn trace(&self) -> Result<Trace, VpcError> {
        trace(&self.network, &self.faults, &self.trace)
    }

    pub fn trace_of(&self, spec: &TraceSpec) -> Result<Trace, VpcError> {
        trace(&self.network, &self.faults, spec)
    }

    pub fn matrix(&self) -> Matrix {
        reachability_matrix(
            &self.network,
            &self.faults,
            self.matrix_protocol,
            self.matrix_port,
            self.trace.src_port,
        )
    }

    #[cfg(feature = "ipv6")]
    /// The matrix over IPv6 addresses, for dual-stack layouts.
    pub fn matrix6(&self) -> Matrix {
        super::trace6::reachability_matrix6(
            &self.network,
            &self.faults,
            self.matrix_protocol,
            self.matrix_port,
            self.trace.src_port,
        )
    }

    pub fn terraform(&self) -> String {
        to_terraform(&self.network)
    }

    pub fn explain_subnet(&self, subnet: &str) -> Option<CidrExplain> {
        self.network.subnet(subnet).map(|s| explain(s.cidr))
    }

    pub fn route_decision(&self, subnet: &str, ip: std::net::Ipv4Addr) -> RouteDecision {
        route_for(&self.network, subnet, ip)
    }

    pub fn stats(&self) -> Stats {
        let n = &self.network;
        Stats {
            vpcs: n.vpcs.len(),
            subnets: n.subnets.len(),
            public_subnets: n
                .subnets
                .iter()
                .filter(|s| is_public_subnet(n, &s.id))
                .count(),
            instances: n.instances.len(),
            nat_gateways: n.nat_gateways.len(),
            route_tables: n.route_tables.len(),
            blackhole_routes: blackholes(n).len(),
            failed_azs: self.faults.failed_azs.len(),
        }
    }
}

/// What the core's panel state and tour builder are written against. A
/// rounded CIDR is a notice: the action succeeded, but the learner should
/// know what was kept.
impl techshack_core::state::Playground for Playground {
    type Action = Action;
    type Refusal = VpcError;

    fn apply(&mut self, action: &Action) -> Result<(), VpcError> {
        Playground::apply(self, action)
    }

    fn notices(&self) -> Vec<String> {
        Playground::notices(self)
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    fn goal_holds(&self, goal: &str) -> Option<bool> {
        super::goals::goal_holds(self, goal)
    }

    fn story_values(&self) -> Vec<(&'static str, f64)> {
        super::story::values(self)
    }

    fn story_set(&self, key: &str, value: f64) -> Option<Action> {
        super::story::set(key, value)
    }
}
