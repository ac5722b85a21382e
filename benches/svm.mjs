// SVM training against two peers, on four public fixtures:
//  1. libsvm-js 0.2.1 (libsvm 3.22 in wasm) vs our solver in wasm, both in Node (goal ≤ 0.8×);
//  2. scikit-learn 1.9.1 SVC (native libsvm) vs our native build (goal ≤ 1.5×).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

export const FIXTURES = [
  "blobs_overlap_1000__rbf_C1__tol0.001",
  "blobs_overlap_1000__rbf_C10__tol0.001",
  "xor_300__rbf_C10__tol0.001",
  "moons_150__rbf_C1__tol0.001",
];

function fixtureDir(root) {
  const local = join(root, "../shared/fixtures/svm");
  return existsSync(local) ? local : "/work/shared/fixtures/svm";
}

/// Median times of `a` and `b`, run alternately after one warm-up each, so a
/// burst of load on this shared machine hits both sides alike.
function interleaved(a, b, runs, median) {
  a();
  b();
  const ta = [], tb = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [median(ta), median(tb)];
}

export async function run({ wasm, report, median, root }) {
  const require = createRequire(import.meta.url);
  const SVM = await require("libsvm-js");
  const dir = fixtureDir(root);
  for (const name of FIXTURES) {
    const f = JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));
    const { C, gamma, tol } = f.params;
    const coords = new Float64Array(f.X.flat());
    const labels = new Int32Array(f.y);
    const runs = f.X.length > 500 ? 15 : 41;
    const [ours, peer] = interleaved(() => wasm.svm_fit(coords, labels, C, gamma, tol), () => {
      const svm = new SVM({ kernel: SVM.KERNEL_TYPES.RBF, type: SVM.SVM_TYPES.C_SVC, gamma, cost: C,
        tolerance: tol, shrinking: true, cacheSize: 200, quiet: true });
      svm.train(f.X, f.y);
      svm.free();
    }, runs, median);
    report("svm", `train ${name} (wasm, Node)`, ours, "libsvm-js 0.2.1", peer, "ms", "≤ 0.8×");
  }

  const env = { ...process.env };
  let native = {};
  try {
    native = JSON.parse(execFileSync("cargo", ["bench", "--quiet", "--bench", "svm_native", "--", dir],
      { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] }).toString().trim().split("\n").pop());
  } catch (e) {
    console.error("native SVM bench failed:", e.message);
  }
  let sk = {};
  const python = join(root, ".venv-bench/bin/python");
  try {
    sk = JSON.parse(execFileSync(existsSync(python) ? python : "python3",
      [join(root, "benches/svm_sklearn.py"), dir, ...FIXTURES]).toString());
  } catch (e) {
    console.error("scikit-learn peer failed (./dev bench installs it into .venv-bench):", e.message);
  }
  for (const name of FIXTURES) {
    report("svm", `train ${name} (native)`, native[name], "scikit-learn 1.9.1", sk[name], "ms", "≤ 1.5×");
  }
}
