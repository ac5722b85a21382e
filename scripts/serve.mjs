// Serves the built site as a static host would: gzip for clients that ask
// for it, the right MIME types (wasm must be application/wasm to stream),
// and CORS on every file, so a blog on another origin can import a topic's
// module and fetch its wasm, stylesheet and font.
//
//   node scripts/serve.mjs [dist] [port]     (./dev serve runs this)
//
// The e2e tests start the same server (`startSiteServer`), so they see the
// headers readers get.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".wasm", ".css", ".svg", ".txt", ".json"]);

/// The rules of a `_headers` file (Netlify / Cloudflare Pages format): a
/// path on its own line, then its indented `Name: value` lines.
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
    } else if (rules.length > 0) {
      const at = line.indexOf(":");
      if (at > 0) rules.at(-1).headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/// The headers the rules give `path` (exact paths, or prefixes ending in `*`).
export function headersFor(rules, path) {
  const out = {};
  for (const r of rules) {
    const hit = r.path.endsWith("*") ? path.startsWith(r.path.slice(0, -1)) : path === r.path;
    if (hit) Object.assign(out, r.headers);
  }
  return out;
}

/// Starts a server for `dist` on `port` (0: any free port) and resolves with
/// its base URL and a `close()`. It sends the security headers of
/// `dist/_headers`, as a static host reading that file would.
export async function startSiteServer(dist, { port = 0, host = "127.0.0.1" } = {}) {
  const root = resolve(dist);
  const gzipped = new Map();
  let rules = [];
  try {
    rules = parseHeaders(await readFile(join(root, "_headers"), "utf8"));
  } catch {
    console.warn(`${join(root, "_headers")} is missing: serving without security headers`);
  }
  const server = createServer(async (req, res) => {
    const headers = { "access-control-allow-origin": "*", "cache-control": "no-cache" };
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    } catch {
      res.writeHead(400, headers).end("bad request");
      return;
    }
    Object.assign(headers, headersFor(rules, path));
    const file = normalize(join(root, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(root)) {
      res.writeHead(403, headers).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { ...headers, "content-type": TYPES[".txt"] }).end("not found");
      return;
    }
    const ext = extname(file);
    headers["content-type"] = TYPES[ext] ?? "application/octet-stream";
    headers["vary"] = "accept-encoding";
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const key = `${file}:${body.length}`;
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      body = gzipped.get(key);
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  });
  await new Promise((ok) => server.listen(port, host, ok));
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? "dist";
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await startSiteServer(dist, { port });
  console.log(`Serving ${dist} at ${url} (gzip, CORS for embeds). Ctrl+C stops.`);
}
