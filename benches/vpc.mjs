// VPC: all-pairs reachability on the generated layout (goal ≤ 50 ms in wasm),
// and CIDR math against Python's ipaddress (goal ≥ 20× faster).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

function inputs(n) {
  let s = 2019;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const octet = () => Math.floor(rnd() * 256);
  const cidrs = [], ips = [];
  for (let i = 0; i < n; i++) {
    cidrs.push(`10.${octet()}.${octet()}.${octet()}/${16 + Math.floor(rnd() * 13)}`);
    ips.push(`10.${octet()}.${octet()}.${octet()}`);
  }
  return { cidrs, ips };
}

export async function run({ wasm, report, time }) {
  const n = wasm.vpc_prepare();
  const t0 = performance.now();
  wasm.vpc_matrix();
  const cold = performance.now() - t0;
  const warm = time(() => wasm.vpc_matrix(), 7);
  report("vpc", `all-pairs reachability, ${n} instances (first call)`, cold, "goal", 50, "ms", "≤ 50 ms");
  report("vpc", `all-pairs reachability, ${n} instances (median)`, warm, "goal", 50, "ms", "≤ 50 ms");

  const { cidrs, ips } = inputs(100000);
  const file = join(tmpdir(), "techshack-cidr-inputs.json");
  writeFileSync(file, JSON.stringify([cidrs, ips]));
  const [cidrText, ipText] = [cidrs.join("\n"), ips.join("\n")];
  const ours = time(() => wasm.vpc_cidr_work(cidrText, ipText), 5);
  let peer = NaN;
  try {
    peer = JSON.parse(execFileSync("python3", [join(import.meta.dirname, "vpc_ipaddress.py"), file])).ms;
  } catch (e) {
    console.error("python ipaddress peer failed:", e.message);
  }
  report("vpc", "100k containment checks + subnet splits", ours, "Python ipaddress", peer, "ms", "≤ 0.05× (20× faster)");
}
