// Minifies the site's JavaScript and the topics' stylesheets in trunk's
// staging directory after a release build (a post_build hook in Trunk.toml):
// the wasm-bindgen glue of each topic module (trunk's own minifier cannot
// parse it), the loader, and the CSS files trunk copies without minifying.
// Exported names stay as they are: blogs import `mount` and `topics`.
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error("usage: TRUNK_STAGING_DIR=… node scripts/minify.mjs (or pass the directory)");
  process.exit(2);
}
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== "release") process.exit(0);

/// Comments out and whitespace collapsed: enough for our hand-written CSS,
/// which has no strings holding comment markers or significant spaces.
function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

for (const name of await readdir(dir)) {
  const path = join(dir, name);
  if (name.endsWith(".js")) {
    const code = await readFile(path, "utf8");
    const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
    await writeFile(path, out.code);
  } else if (name.endsWith(".css") && name !== "style.css") {
    await writeFile(path, minifyCss(await readFile(path, "utf8")));
  }
}
