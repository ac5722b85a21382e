// Prints the gzip size of what the first page load transfers: the HTML, the
// JS loader, the wasm module, the CSS and the font, against the site budget.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 300;
const dist = process.argv[2] ?? "dist";
const html = readFileSync(join(dist, "index.html"), "utf8");
const files = new Set(["index.html"]);
for (const m of html.matchAll(/(?:href|src)="\.?\/?([^"#?]+\.(?:js|css|wasm|woff2))"/g)) files.add(m[1]);
for (const m of html.matchAll(/from '\.?\/?([^']+\.js)'|module_or_path: '\.?\/?([^']+\.wasm)'/g)) files.add(m[1] ?? m[2]);
for (const f of readdirSync(dist)) if (f.endsWith(".wasm")) files.add(f);

let total = 0;
const rows = [];
for (const f of files) {
  const raw = readFileSync(join(dist, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  rows.push([f, raw.length, gz]);
}
rows.sort((a, b) => b[2] - a[2]);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log("file".padEnd(44) + "raw KB".padStart(8) + " gzip KB".padStart(9));
for (const [f, raw, gz] of rows) console.log(f.padEnd(44) + kb(raw) + " " + kb(gz));
console.log(`first page load: ${(total / 1024).toFixed(1)} KB gzip of ${BUDGET_KB} KB budget (${((100 * total) / 1024 / BUDGET_KB).toFixed(0)}%)`);
