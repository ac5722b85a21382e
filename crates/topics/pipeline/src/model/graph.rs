//! Dependency checks: unknown and duplicate ids, self-dependencies, cycles and
//! targets that can never deploy.
//!
//! "Unreachable" here means a target that can never become enabled. In a DAG every
//! target is reachable from a root (following depends_on always ends at a target
//! with none), so a target is unreachable exactly when some chain of its
//! dependencies runs into a cycle, a self-dependency or an id that does not exist.
//! Those root causes get their own errors; the targets stuck behind them get an
//! Unreachable error naming the dependency they wait on and the root cause.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::error::{Blocker, ConfigErrorKind as K};
use super::field_docs::suggest;
use super::issues::Issues;
use super::position::LineIndex;
use super::spec::PipelineSpec;

/// Edges by index: `deps[i]` are the targets `i` depends on, in config order.
pub struct Graph {
    pub deps: Vec<Vec<usize>>,
}

/// FNV-1a: ids are short and the map lives for one validation, so a fast,
/// allocation-free hash beats the default SipHash (which dominated in wasm).
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type IdMap<'a> = HashMap<&'a str, usize, BuildHasherDefault<IdHasher>>;

/// Unknown ids get "did you mean" hints only up to this many, since each hint
/// compares against every target id.
const MAX_SUGGESTIONS: usize = 20;

pub fn check_graph(spec: &PipelineSpec, text: &str, issues: &mut Issues) -> Graph {
    let n = spec.targets.len();
    let mut index: IdMap<'_> = IdMap::with_capacity_and_hasher(n, Default::default());
    let mut duplicate = vec![false; n];
    let mut lines: Option<LineIndex<'_>> = None;
    for (i, t) in spec.targets.iter().enumerate() {
        if let Some(&first) = index.get(t.id.as_str()) {
            duplicate[i] = true;
            let lines = lines.get_or_insert_with(|| LineIndex::new(text));
            let first_span = spec.targets.get(first).map_or(0, |f| f.id_span.start);
            issues.push(
                Some(t.id_span),
                K::DuplicateTarget {
                    id: t.id.clone(),
                    first: lines.pos(first_span),
                },
            );
        } else {
            index.insert(t.id.as_str(), i);
        }
    }
    let mut blocked: Vec<Option<Blocker>> = vec![None; n];
    let mut deps: Vec<Vec<usize>> = spec
        .targets
        .iter()
        .map(|t| Vec::with_capacity(t.depends_on.len()))
        .collect();
    let mut hints = 0;
    for (i, t) in spec
        .targets
        .iter()
        .enumerate()
        .filter(|(i, _)| !duplicate[*i])
    {
        for d in &t.depends_on {
            if d.id == t.id {
                blocked[i] = Some(Blocker::SelfDependency);
                issues.push(
                    Some(d.span),
                    K::SelfDependency {
                        target: t.id.clone(),
                    },
                );
            } else if let Some(&j) = index.get(d.id.as_str()) {
                if deps[i].contains(&j) {
                    issues.push(
                        Some(d.span),
                        K::DuplicateDependency {
                            target: t.id.clone(),
                            dependency: d.id.clone(),
                        },
                    );
                } else {
                    deps[i].push(j);
                }
            } else {
                blocked[i] = blocked[i].take().or(Some(Blocker::UnknownDependency));
                let suggestion = if hints < MAX_SUGGESTIONS {
                    hints += 1;
                    suggest(&d.id, index.keys().copied()).map(str::to_owned)
                } else {
                    None
                };
                issues.push(
                    Some(d.span),
                    K::UnknownDependency {
                        target: t.id.clone(),
                        dependency: d.id.clone(),
                        suggestion,
                    },
                );
            }
        }
    }
    let components = strongly_connected(&deps);
    for comp in &components.cycles {
        for &m in comp {
            blocked[m] = Some(Blocker::Cycle);
        }
        report_cycle(spec, &deps, comp, issues);
    }
    report_unreachable(spec, &deps, &components.popped, &blocked, issues);
    Graph { deps }
}

/// One cycle through the component's first-listed target, found by BFS.
fn report_cycle(spec: &PipelineSpec, deps: &[Vec<usize>], comp: &[usize], issues: &mut Issues) {
    let Some(&start) = comp.iter().min() else {
        return;
    };
    let n = deps.len();
    let mut in_comp = vec![false; n];
    for &m in comp {
        in_comp[m] = true;
    }
    let mut parent: Vec<Option<usize>> = vec![None; n];
    let mut queue = std::collections::VecDeque::from([start]);
    let mut closing = None;
    'search: while let Some(u) = queue.pop_front() {
        for &v in deps.get(u).into_iter().flatten() {
            if v == start {
                closing = Some(u);
                break 'search;
            }
            if in_comp[v] && parent[v].is_none() {
                parent[v] = Some(u);
                queue.push_back(v);
            }
        }
    }
    let mut path = vec![start];
    let mut cur = closing;
    while let Some(u) = cur.filter(|&u| u != start) {
        path.push(u);
        cur = parent[u];
    }
    // The walk went from the end of the cycle back to its start; flip the tail.
    path[1..].reverse();
    path.push(start);
    let names: Vec<String> = path
        .iter()
        .filter_map(|&i| spec.targets.get(i))
        .map(|t| t.id.clone())
        .collect();
    let span = path.get(1).and_then(|next| {
        let from = spec.targets.get(start)?;
        let next_id = &spec.targets.get(*next)?.id;
        from.depends_on
            .iter()
            .find(|d| &d.id == next_id)
            .map(|d| d.span)
    });
    issues.push(span, K::Cycle { path: names });
}

fn report_unreachable(
    spec: &PipelineSpec,
    deps: &[Vec<usize>],
    popped: &[usize],
    blocked: &[Option<Blocker>],
    issues: &mut Issues,
) {
    // (the dependency waited on, the blocked target behind it)
    let mut stuck: Vec<Option<(usize, usize)>> = vec![None; deps.len()];
    // Targets come out dependencies-first, so each dependency is settled before its dependents.
    for &i in popped {
        if blocked[i].is_some() {
            continue;
        }
        let cause = deps[i]
            .iter()
            .find_map(|&d| match (blocked[d].is_some(), stuck[d]) {
                (true, _) => Some((d, d)),
                (false, Some((_, root))) => Some((d, root)),
                _ => None,
            });
        if let Some((via, root)) = cause {
            stuck[i] = Some((via, root));
            let (Some(t), Some(v), Some(r)) = (
                spec.targets.get(i),
                spec.targets.get(via),
                spec.targets.get(root),
            ) else {
                continue;
            };
            let blocker = blocked[root].clone().unwrap_or(Blocker::Cycle);
            issues.push(
                Some(t.id_span),
                K::Unreachable {
                    target: t.id.clone(),
                    via: v.id.clone(),
                    root: r.id.clone(),
                    blocker,
                },
            );
        }
    }
}

/// Strongly connected components, as Tarjan's algorithm finds them.
pub struct Components {
    /// Components with more than one target: each is (part of) a cycle.
    pub cycles: Vec<Vec<usize>>,
    /// Every target, each after all targets it depends on (cycle members aside).
    pub popped: Vec<usize>,
}

/// Tarjan's algorithm without recursion (a 5000-target chain would overflow a wasm
/// stack), allocating only for components that are cycles.
pub fn strongly_connected(deps: &[Vec<usize>]) -> Components {
    let n = deps.len();
    let mut order = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut call: Vec<(usize, usize)> = Vec::new();
    let mut out = Components {
        cycles: Vec::new(),
        popped: Vec::with_capacity(n),
    };
    let mut counter = 0;
    for root in 0..n {
        if order[root] != usize::MAX {
            continue;
        }
        call.push((root, 0));
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (u, ref mut next)) = call.last_mut() {
            if let Some(&v) = deps[u].get(*next) {
                *next += 1;
                if order[v] == usize::MAX {
                    order[v] = counter;
                    low[v] = counter;
                    counter += 1;
                    stack.push(v);
                    on_stack[v] = true;
                    call.push((v, 0));
                } else if on_stack[v] {
                    low[u] = low[u].min(order[v]);
                }
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[u]);
            }
            if low[u] == order[u] {
                let first = out.popped.len();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    out.popped.push(w);
                    if w == u {
                        break;
                    }
                }
                if out.popped.len() - first > 1 {
                    out.cycles.push(out.popped[first..].to_vec());
                }
            }
        }
    }
    out
}
