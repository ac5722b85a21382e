//! Which diagram items a trace touches, in order, and which ones block it.
//! Pure: maps hops to the keys of `geometry::Item`s.

use crate::model::{SortedMap, SortedSet};

use super::super::model::{ComponentKind, Hop, Path, Trace};
use super::geometry::Stop;

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
        ComponentKind::GatewayEndpoint => format!("vpce:{id}"),
        #[cfg(feature = "ipv6")]
        ComponentKind::EgressOnlyGateway => format!("eigw:{id}"),
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
    /// Each item the packet reaches and the step at which it lights up.
    pub order: SortedMap<String, usize>,
    /// Every item that blocks the trace, on either path.
    pub blocked: SortedSet<String>,
    /// The drawn path: the request, then (only when the reply is what is
    /// blocked) the reply, cut at the first hop that blocks.
    pub stops: Vec<Stop>,
}

pub fn highlight(trace: &Trace) -> Highlight {
    let mut h = Highlight::default();
    let hops: Vec<(&Path, usize, bool)> = [(&trace.forward, false), (&trace.ret, true)]
        .into_iter()
        .flat_map(|(path, reply)| (0..path.hops.len()).map(move |k| (path, k, reply)))
        .collect();
    let first_block = hops
        .iter()
        .position(|(path, k, _)| path.hops.get(*k).is_some_and(Hop::is_blocking));
    let mut step = 0;
    for (n, &(path, k, reply)) in hops.iter().enumerate() {
        let Some(hop) = path.hops.get(k) else {
            continue;
        };
        let key = hop_key(path, k);
        if let Some(key) = key.as_ref().filter(|_| hop.is_blocking()) {
            h.blocked.insert(key.clone());
        }
        // Past the block the packet never gets: nothing there lights up.
        if first_block.is_some_and(|b| n > b) {
            continue;
        }
        let Some(key) = key else {
            continue;
        };
        // The reply is drawn only when it is blocked; otherwise it would
        // retrace the request.
        let drawn = !reply || first_block.is_some();
        if drawn && h.stops.last().map(|s| &s.key) != Some(&key) {
            h.stops.push(Stop {
                key: key.clone(),
                reply,
                gap_before: hop.gap_before,
            });
        }
        h.order.get_or_insert_with(key, || {
            step += 1;
            step - 1
        });
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
        let keys: Vec<&str> = h.stops.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.first(), Some(&"inst:app-b"));
        assert!(h.order.contains_key("sg:app-b:sg-app"));
        assert!(h.order.contains_key("rt:subnet-private-b"));
        // The packet dies at the NAT: the line and the lights stop there.
        assert_eq!(keys.last(), Some(&"nat:nat-a"), "{keys:?}");
        assert!(!h.order.contains_key("igw:ig-1"));
        assert!(!h.order.contains_key("internet"));
    }

    #[test]
    fn a_reply_blocked_on_the_way_back_is_drawn_up_to_the_block() {
        // The locked-down ACL lets the request in but drops the reply.
        let (_, t) = traced(PresetId::LockedNacl, &[]);
        let h = highlight(&t);
        let keys: Vec<&str> = h.stops.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys.first(), Some(&"internet"));
        assert_eq!(keys.last(), Some(&"acl:subnet-public-a"), "{keys:?}");
        assert!(h.stops.last().is_some_and(|s| s.reply));
        assert!(h.stops.iter().any(|s| s.key == "inst:web-a" && !s.reply));
    }

    #[test]
    fn an_open_trace_draws_the_request_only() {
        let (_, t) = traced(PresetId::Article, &[]);
        let h = highlight(&t);
        assert!(h.blocked.is_empty());
        assert!(h.stops.iter().all(|s| !s.reply));
        assert_eq!(h.stops.last().map(|s| s.key.as_str()), Some("inst:web-a"));
    }

    #[test]
    fn a_broken_route_ends_the_line_at_the_route_table() {
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
        assert!(h.blocked.contains("rt:subnet-a"));
        assert_eq!(h.stops.last().map(|s| s.key.as_str()), Some("rt:subnet-a"));
        // The tracer jumps ahead to check host-c's side; that is in the hop
        // list, but the packet never got there, so it is not drawn.
        assert!(t.forward.hops.iter().any(|h| h.gap_before));
        assert!(h.stops.iter().all(|s| !s.gap_before));
        assert!(!h.order.contains_key("inst:host-c"));
    }
}
