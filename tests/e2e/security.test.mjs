// The CSP and the other security headers (issue 15): the server sends the
// policy of dist/_headers, no page of the site needs an inline script or
// breaks the policy, an injected inline script does not run, and only the
// embed routes draw inside another site's frame.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sitePages, openPage, waitForApp } from "./support.mjs";

const DIST = process.env.TECHSHACK_DIST ?? join(fileURLToPath(new URL("../..", import.meta.url)), "dist");

const site = sitePages();

/// Records CSP violations from the first script the page runs.
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

function directives(csp) {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

test("the server sends a strict CSP, nosniff, and framing rules per page", async () => {
  const page = await fetch(site.server.url);
  const csp = directives(page.headers.get("content-security-policy") ?? "");
  assert.deepEqual(csp.get("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(csp.get("object-src"), ["'none'"]);
  assert.deepEqual(csp.get("base-uri"), ["'none'"]);
  assert.deepEqual(csp.get("form-action"), ["'none'"]);
  assert.deepEqual(csp.get("frame-ancestors"), ["*"], "blogs frame the embed routes");
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");

  const example = await fetch(`${site.server.url}embed-example.html`);
  const exampleCsp = directives(example.headers.get("content-security-policy") ?? "");
  assert.deepEqual(exampleCsp.get("frame-ancestors"), ["'none'"]);
  const wasm = await fetch(`${site.server.url}topic-svm_bg.wasm`, { method: "HEAD" });
  assert.equal(wasm.headers.get("x-content-type-options"), "nosniff");
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
});

test("the built page has no inline script and its meta policy matches the header's", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  assert.ok(scripts.length > 0);
  for (const [tag, body] of scripts) {
    assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
    assert.equal(body.trim(), "");
  }
  // The release build minifies the HTML: attributes may come in any order.
  const tag = html.match(/<meta[^>]*Content-Security-Policy[^>]*>/);
  assert.ok(tag, "the page carries its policy for hosts that send none");
  const meta = tag[0].match(/content="([^"]*)"/);
  const headers = readFileSync(join(DIST, "_headers"), "utf8");
  const header = headers.match(/^\/index\.html\n\s+Content-Security-Policy: (.*)$/m)[1];
  assert.equal(`${meta[1]}; frame-ancestors *`, header);
});

test("the site, a panel, an embed route and the embed example load with no CSP violation", async () => {
  const routes = ["", "#/about", "#/svm", "#/embed/vpc", "embed-example.html"];
  for (const route of routes) {
    const { page, problems, context } = await openPage(site.browser, site.server.url);
    await watchViolations(page);
    await page.goto(`${site.server.url}${route}`);
    if (route.startsWith("#/")) {
      await waitForApp(page);
      if (route !== "#/about") await page.waitForSelector(".panel");
    } else if (route) {
      await page.waitForSelector(".panel");
    } else {
      await waitForApp(page);
    }
    // The comic and the extras module come later; give them a moment.
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], route || "home");
    assert.deepEqual(problems, [], route || "home");
    await context.close();
  }
});

test("an injected inline script does not run", async () => {
  const { page, context } = await openPage(site.browser, site.server.url);
  await watchViolations(page);
  await page.goto(`${site.server.url}#/svm`);
  await page.waitForSelector(".panel");
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__pwned = true";
    document.body.append(s);
    const img = document.createElement("div");
    img.innerHTML = '<img src="x" onerror="window.__pwned = true">';
    document.body.append(img);
    await new Promise((r) => setTimeout(r, 300));
    return window.__pwned === true;
  });
  assert.equal(ran, false);
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join("\n"));
  await context.close();
});

test("another site can frame an embed route, but not the site's pages", async () => {
  // The blog: another origin (another port) on the same loopback, as Chromium
  // refuses a public page framing a loopback one (local network access).
  const blog = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>A blog</title><h1>My post</h1>
      <iframe name="embed" src="${site.server.url}#/embed/svm" width="720" height="600"></iframe>
      <iframe name="home" src="${site.server.url}#/about" width="720" height="300"></iframe>`);
  });
  await new Promise((ok) => blog.listen(0, "127.0.0.1", ok));
  const BLOG = `http://127.0.0.1:${blog.address().port}/post.html`;
  const context = await site.browser.newContext({ viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  await page.goto(BLOG);
  const embed = page.frame({ name: "embed" });
  await embed.waitForSelector(".panel.embedded", { timeout: 30000 });
  const home = page.frame({ name: "home" });
  await home.waitForSelector(".framed-notice");
  assert.match(await home.textContent(".framed-notice"), /open in their own tab/);
  assert.equal(await home.getAttribute(".framed-notice a", "target"), "_top");
  assert.equal(await home.locator(".site-header").count(), 0);
  await context.close();
  await new Promise((ok) => blog.close(ok));
});
