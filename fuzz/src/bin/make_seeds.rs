//! Writes the seed corpora under `fuzz/seeds/<target>/` from the presets and
//! tours: links of default, preset and end-of-tour states (as link text, as a
//! hash route and as raw postcard payloads), the pipeline presets' and tours'
//! TOML, CSV from the SVM presets, model files trained on them, and the
//! presets and tours as literal session scripts. Every structured target
//! also gets a few fixed byte strings.
//!
//!     cargo run --manifest-path fuzz/Cargo.toml --bin make_seeds
//!
//! It clears each target's seed folder first, so the output is exactly what
//! this program makes; run it again after a change to the presets or tours.

use std::fs;
use std::path::{Path, PathBuf};

use techshack_core::state::encode;
use techshack_core::PanelModel;
use techshack_fuzz::link::payload_seed;
use techshack_fuzz::message_store::Script as MsScript;
use techshack_fuzz::vpc::Script as VpcScript;
use topic_message_store::MessageStorePanel;
use topic_pipeline::model as pl;
use topic_pipeline::PipelinePanel;
use topic_svm::model as svm;
use topic_svm::SvmPanel;
use topic_vpc::model as vpc;
use topic_vpc::VpcPanel;

struct Seeds {
    dir: PathBuf,
    count: usize,
}

impl Seeds {
    fn new(root: &Path, target: &str) -> Seeds {
        let dir = root.join(target);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("seed folder");
        Seeds { dir, count: 0 }
    }

    fn put(&mut self, name: &str, bytes: &[u8]) {
        let safe: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        fs::write(self.dir.join(safe), bytes).expect("seed file");
        self.count += 1;
    }

    /// A state as link text, as a payload, and (the first time) as a route.
    fn link<S: serde::Serialize>(&mut self, topic: &str, name: &str, version: u32, s: &S) {
        let text = encode(version, s);
        if self.count == 0 {
            self.put(
                &format!("{name}-route"),
                format!("#/{topic}?s={text}").as_bytes(),
            );
        }
        self.put(&format!("{name}-link"), text.as_bytes());
        self.put(&format!("{name}-payload"), &payload_seed(s));
    }
}

/// The default state and each tour's last state, as the registry tests make them.
fn tour_states<M: PanelModel>() -> Vec<(String, M::Snapshot)> {
    let mut out = vec![("default".to_string(), M::initial().snapshot())];
    for tour in M::tours() {
        let mut m = M::initial();
        for a in tour.actions_revealed(usize::MAX) {
            m.apply(&a);
        }
        out.push((format!("tour-{}", tour.id), m.snapshot()));
    }
    out
}

/// Fixed pseudo-random byte strings (xorshift), for the structured targets.
fn blobs(seeds: &mut Seeds, n: usize) {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..n {
        let len = 32 << (i % 5);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        seeds.put(&format!("blob-{i}"), &bytes);
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut made = Vec::new();

    let mut s = Seeds::new(&root, "link_vpc");
    for (name, snap) in tour_states::<VpcPanel>() {
        s.link("vpc", &name, VpcPanel::STATE_VERSION, &snap);
    }
    for p in vpc::PresetId::ALL {
        let snap = vpc::Playground::with_preset(p).snapshot();
        s.link(
            "vpc",
            &format!("preset-{p:?}"),
            VpcPanel::STATE_VERSION,
            &snap,
        );
    }
    made.push(s);

    let mut s = Seeds::new(&root, "link_svm");
    for (name, snap) in tour_states::<SvmPanel>() {
        s.link("svm", &name, SvmPanel::STATE_VERSION, &snap);
    }
    for p in svm::Preset::ALL {
        let snap = svm::Snapshot {
            preset: Some(p),
            seed: Some(3),
            points: Vec::new(),
            kernel: svm::KernelKind::Rbf,
            c: 10.0,
            gamma: svm::Gamma::Scale,
            degree: 3,
            coef0: 0.0,
        };
        s.link(
            "svm",
            &format!("preset-{p:?}"),
            SvmPanel::STATE_VERSION,
            &snap,
        );
    }
    let edited = svm::Snapshot {
        preset: None,
        seed: None,
        points: vec![(0.0, 0.0, -1), (1.0, 1.0, 1), (0.5, -0.25, 2)],
        kernel: svm::KernelKind::Poly,
        c: 1.0,
        gamma: svm::Gamma::Value(0.5),
        degree: 3,
        coef0: 1.0,
    };
    s.link("svm", "points", SvmPanel::STATE_VERSION, &edited);
    made.push(s);

    let mut s = Seeds::new(&root, "link_pipeline");
    for (name, snap) in tour_states::<PipelinePanel>() {
        s.link("pipeline", &name, PipelinePanel::STATE_VERSION, &snap);
    }
    for p in pl::presets::Preset::ALL {
        let snap = pl::Snapshot {
            config: pl::SnapshotConfig::Text(p.toml().to_string()),
            seed: 42,
            slo_percent: 99.95,
            steps: Vec::new(),
        };
        s.link(
            "pipeline",
            &format!("text-{p:?}"),
            PipelinePanel::STATE_VERSION,
            &snap,
        );
    }
    made.push(s);

    let mut s = Seeds::new(&root, "link_message_store");
    for (name, snap) in tour_states::<MessageStorePanel>() {
        s.link(
            "message-store",
            &name,
            MessageStorePanel::STATE_VERSION,
            &snap,
        );
    }
    made.push(s);

    // Pipeline configs: the presets, and every config a tour types.
    let mut tomls: Vec<(String, String)> = pl::presets::Preset::ALL
        .iter()
        .map(|p| (format!("preset-{p:?}"), p.toml().to_string()))
        .collect();
    for tour in pl::tours() {
        for (i, a) in tour.actions_revealed(usize::MAX).iter().enumerate() {
            if let pl::Action::EditConfig(text) = a {
                tomls.push((format!("tour-{}-{i}", tour.id), text.clone()));
            }
        }
    }
    for target in ["pipeline_validate", "pipeline_github_actions"] {
        let mut s = Seeds::new(&root, target);
        for (name, text) in &tomls {
            s.put(name, text.as_bytes());
        }
        made.push(s);
    }

    let mut s = Seeds::new(&root, "svm_csv");
    for (p, seed) in [
        (svm::Preset::BlobsSeparable, 1),
        (svm::Preset::ThreeBlobs, 2),
    ] {
        let mut csv = String::from("x,y,label\n");
        for pt in p.generate(seed) {
            csv += &format!(
                "{},{},{}\n",
                svm::playground::round3(pt.x),
                svm::playground::round3(pt.y),
                pt.label
            );
        }
        s.put(&format!("preset-{p:?}"), csv.as_bytes());
    }
    s.put(
        "hand",
        b"# two points and a comment\n\n0.5, -0.2, 1\n-1e-3,+2.5,-1\n3,4,1.0\n",
    );
    made.push(s);

    let mut s = Seeds::new(&root, "svm_model_parse");
    for (p, kind) in [
        (svm::Preset::BlobsSeparable, svm::KernelKind::Linear),
        (svm::Preset::Moons, svm::KernelKind::Rbf),
        (svm::Preset::Circles, svm::KernelKind::Poly),
        (svm::Preset::BlobsOverlap, svm::KernelKind::Sigmoid),
        (svm::Preset::ThreeBlobs, svm::KernelKind::Rbf),
    ] {
        let params = svm::TrainParams {
            kernel: svm::KernelSpec {
                kind,
                gamma: svm::Gamma::Value(0.5),
                degree: 3,
                coef0: 0.25,
            },
            c: 1.0,
            ..svm::TrainParams::default()
        };
        let fit = svm::train(&p.generate(4), &params, &[]).expect("presets train");
        s.put(
            &format!("{p:?}-{kind:?}"),
            svm::ModelFile::from_fit(&fit).to_text().as_bytes(),
        );
    }
    made.push(s);

    let mut s = Seeds::new(&root, "vpc_cidr");
    for c in [
        "10.0.0.0/16",
        "10.0.1.5/24",
        "172.31.0.0/28",
        "0.0.0.0/0",
        "255.255.255.255/32",
        "10.0.0.0/33",
        " 192.168.0.0/20 ",
        "10.0.0.10",
    ] {
        s.put(c, c.as_bytes());
    }
    made.push(s);

    // Sessions: each preset as it is, each tour's actions (as literal
    // scripts), and a few structured inputs.
    for target in ["vpc_actions", "vpc_terraform"] {
        let mut s = Seeds::new(&root, target);
        for p in vpc::PresetId::ALL {
            s.put(&format!("preset-{p:?}"), &VpcScript::literal_bytes(p, &[]));
        }
        for tour in vpc::tours() {
            let actions = tour.actions_revealed(usize::MAX);
            s.put(
                &format!("tour-{}", tour.id),
                &VpcScript::literal_bytes(vpc::PresetId::Article, &actions),
            );
        }
        blobs(&mut s, 4);
        made.push(s);
    }
    let mut s = Seeds::new(&root, "message_store_cql");
    for tour in topic_message_store::model::tours() {
        let actions = tour.actions_revealed(usize::MAX);
        s.put(
            &format!("tour-{}", tour.id),
            &MsScript::literal_bytes(&actions),
        );
    }
    blobs(&mut s, 4);
    made.push(s);

    let mut s = Seeds::new(&root, "svm_model_write");
    blobs(&mut s, 8);
    made.push(s);

    for s in &made {
        println!("{:>3} seeds in {}", s.count, s.dir.display());
    }
}
