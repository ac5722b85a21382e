//! Which diagram items a trace touches, in order, and which ones block it.
//! Pure: maps hops to the keys of `geometry::Item`s.

use std::collections::{BTreeMap, BTreeSet};

use super::super::model::{ComponentKind, Hop, Path, Trace};

/// The diagram key of hop `k` of `path`.
pub fn hop_key(path: &Path, k: usize) -> Option<String> {
    let hop = path.hops.get(k)?;
    let id = &hop.component;
    let first_related = || hop.related.first().cloned();
    Some(match hop.kind {
        ComponentKind::Internet => "internet".into(),
        ComponentKind::Instance => format!("inst:{id}"),
        ComponentKind::NatGateway => format!("nat:{id}"),
        ComponentKind::InternetGateway => format!("igw:{id}"),
        ComponentKind::Peering => format!("pcx:{id}"),
        ComponentKind::SubnetHost => format!("subnet:{id}"),
        ComponentKind::Vpc => format!("vpc:{id}"),
        ComponentKind::RouteTable => format!("rt:{}", first_related()?),
        ComponentKind::NetworkAcl => format!("acl:{}", first_related()?),
        // A group hop sits next to the instance it guards.
        ComponentKind::SecurityGroup => {
            let neighbour = |h: Option<&Hop>| {
                h.filter(|h| h.kind == ComponentKind::Instance)
                    .map(|h| h.component.clone())
            };
            let inst = neighbour(k.checked_sub(1).and_then(|p| path.hops.get(p)))
                .or_else(|| neighbour(path.hops.get(k + 1)))?;
            format!("sg:{inst}:{id}")
        }
    })
}

/// A trace as the diagram shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Highlight {
    /// Each touched item and the step at which it lights up.
    pub order: BTreeMap<String, usize>,
    pub blocked: BTreeSet<String>,
    /// Forward path keys in order; `None` marks a gap (the path broke).
    pub forward: Vec<Option<String>>,
}

pub fn highlight(trace: &Trace) -> Highlight {
    let mut h = Highlight::default();
    let mut step = 0;
    for (path, forward) in [(&trace.forward, true), (&trace.ret, false)] {
        for (k, hop) in path.hops.iter().enumerate() {
            let Some(key) = hop_key(path, k) else {
                continue;
            };
            if forward {
                if hop.gap_before {
                    h.forward.push(None);
                }
                if h.forward.last().and_then(|l| l.as_ref()) != Some(&key) {
                    h.forward.push(Some(key.clone()));
                }
            }
            if hop.is_blocking() {
                h.blocked.insert(key.clone());
            }
            h.order.entry(key).or_insert_with(|| {
                step += 1;
                step - 1
            });
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::super::super::model::{Action, Endpoint, Playground, PresetId, Protocol};
    use super::super::geometry::layout;
    use super::*;

    fn traced(preset: PresetId, actions: &[Action]) -> (Playground, Trace) {
        let mut pg = Playground::with_preset(preset);
        for a in actions {
            pg.apply(a).unwrap();
        }
        let t = pg.trace().unwrap();
        (pg, t)
    }

    #[test]
    fn every_hop_of_the_presets_maps_to_a_drawn_item() {
        for preset in PresetId::ALL {
            let pg = Playground::with_preset(preset);
            let d = layout(pg.network(), pg.faults());
            let m = pg.matrix();
            for r in 0..m.size() {
                for c in 0..m.size() {
                    let Some(spec) = m.trace_spec(r, c) else {
                        continue;
                    };
                    let t = pg.trace_of(&spec).unwrap();
                    for key in highlight(&t).order.keys() {
                        assert!(d.item(key).is_some(), "{preset:?}: {key} is not drawn");
                    }
                }
            }
        }
    }

    #[test]
    fn single_nat_with_az_a_down_blocks_at_the_nat() {
        let (_, t) = traced(
            PresetId::SingleNat,
            &[
                Action::FailAz {
                    az: "us-east-1a".into(),
                    failed: true,
                },
                Action::SetTrace {
                    src: Endpoint::Instance("app-b".into()),
                    dst: Endpoint::Internet,
                    protocol: Protocol::Tcp,
                    port: 443,
                },
            ],
        );
        let h = highlight(&t);
        assert!(h.blocked.contains("nat:nat-a"), "{:?}", h.blocked);
        assert_eq!(h.forward.first(), Some(&Some("inst:app-b".to_string())));
        assert!(h.order.contains_key("sg:app-b:sg-app"));
        assert!(h.order.contains_key("rt:subnet-private-b"));
        assert_eq!(h.forward.last(), Some(&Some("internet".to_string())));
    }

    #[test]
    fn a_broken_route_leaves_a_gap_in_the_forward_line() {
        let (_, t) = traced(
            PresetId::Peering,
            &[Action::SetTrace {
                src: Endpoint::Instance("host-a".into()),
                dst: Endpoint::Instance("host-c".into()),
                protocol: Protocol::Tcp,
                port: 22,
            }],
        );
        let h = highlight(&t);
        assert!(h.forward.contains(&None));
        assert!(h.blocked.contains("rt:subnet-a"));
    }
}
