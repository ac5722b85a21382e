// Benchmarks: our figure and the peer's, measured in one run and printed side
// by side as a ratio. Run with `./dev bench`. Timings are medians of repeated
// runs; the machine is shared and noisy, so read them as rough.
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { createRequire } from "node:module";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PKG = join(ROOT, "benches/node/pkg");
const require = createRequire(import.meta.url);

function buildWasm() {
  const env = { ...process.env, CARGO_TARGET_DIR: join(ROOT, "target/bench") };
  console.log("building the models for wasm (release, same profile as the site)…");
  execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown",
    "--manifest-path", join(ROOT, "benches/node/Cargo.toml")], { stdio: "inherit", env });
  execFileSync("wasm-bindgen", ["--target", "nodejs", "--out-dir", PKG,
    join(ROOT, "target/bench/wasm32-unknown-unknown/release/techshack_bench.wasm")], { stdio: "inherit" });
  // wasm-bindgen's nodejs output is CommonJS; the repo's package.json says "module".
  writeFileSync(join(PKG, "package.json"), '{ "type": "commonjs" }\n');
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
/// Median wall time of `fn` in ms over `runs` runs after one warm-up.
export function time(fn, runs = 5) {
  fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const rows = [];
/// One comparison row: ours vs the peer (or vs a target), lower is better.
export function report(topic, what, ours, peerName, peer, unit = "ms", goal = "") {
  const ratio = peer ? ours / peer : NaN;
  rows.push({ topic, what, ours, peerName, peer, ratio, unit, goal });
}

function print() {
  const f = (x) => (x === undefined || x === null || Number.isNaN(x) ? "—" : x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toFixed(4));
  console.log("\n" + ["topic", "measure", "ours", "peer", "peer figure", "ours/peer", "goal"].join(" | "));
  console.log("---|---|---|---|---|---|---");
  for (const r of rows) {
    console.log([r.topic, r.what, `${f(r.ours)} ${r.unit}`, r.peerName, r.peer ? `${f(r.peer)} ${r.unit}` : "—",
      Number.isNaN(r.ratio) ? "—" : `${r.ratio.toFixed(3)}×`, r.goal].join(" | "));
  }
}

if (!process.argv.includes("--no-build") || !existsSync(PKG)) buildWasm();
const wasm = require(join(PKG, "techshack_bench.js"));
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
// "tti" times each route of the built site (dist/) in throttled Chromium: benches/tti.mjs.
for (const topic of ["pipeline", "svm", "vpc", "message-store", "tti"]) {
  if (only && only !== topic) continue;
  const file = join(ROOT, `benches/${topic}.mjs`);
  if (!existsSync(file)) continue;
  const mod = await import(file);
  await mod.run({ wasm, report, time, median, percentile, root: ROOT });
}
print();
