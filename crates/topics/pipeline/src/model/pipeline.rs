//! A validated pipeline: a DAG of targets in dependency order, laid out in columns.

use super::spec::{EnvironmentKind, PipelineSpec, RollbackPolicy, TargetSpec};

/// A spec that passed every check, with its graph precomputed for the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Pipeline {
    spec: PipelineSpec,
    deps: Vec<Vec<usize>>,
    dependents: Vec<Vec<usize>>,
    layers: Vec<usize>,
    order: Vec<usize>,
    columns: Vec<Vec<usize>>,
    /// Target indices sorted by id, for `find` without copying the ids.
    by_id: Vec<usize>,
}

impl Pipeline {
    /// Builds the ordering from an acyclic dependency list (checked by the caller).
    pub(super) fn from_dag(spec: PipelineSpec, deps: Vec<Vec<usize>>) -> Pipeline {
        let n = deps.len();
        let mut counts = vec![0usize; n];
        for &d in deps.iter().flatten() {
            counts[d] += 1;
        }
        let mut dependents: Vec<Vec<usize>> =
            counts.iter().map(|&c| Vec::with_capacity(c)).collect();
        let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
        for (i, ds) in deps.iter().enumerate() {
            for &d in ds {
                dependents[d].push(i);
            }
        }
        // Kahn's algorithm; a target's layer is the longest path to it from a root.
        let mut layers = vec![0usize; n];
        let mut ready: Vec<usize> = (0..n).filter(|&i| waiting[i] == 0).collect();
        let mut seen = 0;
        while let Some(u) = ready.pop() {
            seen += 1;
            for &v in &dependents[u] {
                layers[v] = layers[v].max(layers[u] + 1);
                waiting[v] -= 1;
                if waiting[v] == 0 {
                    ready.push(v);
                }
            }
        }
        debug_assert_eq!(seen, n, "from_dag needs an acyclic graph");
        let depth = layers.iter().max().map_or(0, |m| m + 1);
        let mut columns = vec![Vec::new(); depth];
        for (i, &l) in layers.iter().enumerate() {
            columns[l].push(i);
        }
        let order = columns.iter().flatten().copied().collect();
        let mut by_id: Vec<usize> = (0..n).collect();
        let id = |i: usize| spec.targets.get(i).map_or("", |t| t.id.as_str());
        by_id.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
        Pipeline {
            spec,
            deps,
            dependents,
            layers,
            order,
            columns,
            by_id,
        }
    }

    /// A one-target pipeline, the fallback when nothing else is available.
    pub fn single(id: &str) -> Pipeline {
        let spec = PipelineSpec {
            service: "service".to_owned(),
            targets: vec![TargetSpec::new(id, EnvironmentKind::Production)],
            rollback: RollbackPolicy::default(),
        };
        Pipeline::from_dag(spec, vec![Vec::new()])
    }

    pub fn spec(&self) -> &PipelineSpec {
        &self.spec
    }

    pub fn service(&self) -> &str {
        &self.spec.service
    }

    pub fn targets(&self) -> &[TargetSpec] {
        &self.spec.targets
    }

    pub fn len(&self) -> usize {
        self.spec.targets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spec.targets.is_empty()
    }

    pub fn target(&self, i: usize) -> Option<&TargetSpec> {
        self.spec.targets.get(i)
    }

    pub fn id(&self, i: usize) -> &str {
        self.target(i).map_or("?", |t| t.id.as_str())
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        let t = &self.spec.targets;
        self.by_id
            .binary_search_by(|&i| t.get(i).map_or("", |x| x.id.as_str()).cmp(id))
            .ok()
            .and_then(|k| self.by_id.get(k).copied())
    }

    /// The targets `i` depends on, in the order its depends_on lists them.
    pub fn deps(&self, i: usize) -> &[usize] {
        self.deps.get(i).map_or(&[], Vec::as_slice)
    }

    pub fn dependents(&self, i: usize) -> &[usize] {
        self.dependents.get(i).map_or(&[], Vec::as_slice)
    }

    /// Every target, each after all of its dependencies (by column, then config order).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The column a target is drawn in: the longest dependency path from a root.
    pub fn layer(&self, i: usize) -> usize {
        self.layers.get(i).copied().unwrap_or(0)
    }

    /// Targets by column, each column in config order.
    pub fn columns(&self) -> &[Vec<usize>] {
        &self.columns
    }

    pub fn roots(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| self.deps(i).is_empty())
    }

    pub fn edge_count(&self) -> usize {
        self.deps.iter().map(Vec::len).sum()
    }
}
