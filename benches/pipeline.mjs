// Pipeline: validating, ordering and computing enablement for 2 000 targets
// and 10 000 edges (goal ≤ 20 ms in wasm), and re-validating presets per
// keystroke (goal ≤ 16 ms). The peer is the goal itself: no other tool does this.
export async function run({ wasm, report, time }) {
  const bytes = wasm.pipeline_prepare(2000, 10000);
  const struct = time(() => wasm.pipeline_validate_order_enable(), 9);
  report("pipeline", "2000 targets/10000 edges: validate+order+enable (parsed)", struct, "goal", 20, "ms", "≤ 20 ms");
  const text = time(() => wasm.pipeline_from_text(), 5);
  report("pipeline", `same from ${(bytes / 1024).toFixed(0)} KB of TOML text`, text, "goal", 20, "ms", "≤ 20 ms");
  const presets = time(() => wasm.pipeline_presets(), 21) / 3;
  report("pipeline", "re-validate one preset (per keystroke)", presets, "goal", 16, "ms", "≤ 16 ms");
}
