// The loader's `mount` API as an embedding page uses it: ready, failures and
// retry, bad arguments, remounts and unmount, and the Embed dialog's script
// snippet pasted into a page on another origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { openPage, axeViolations } from "./support.mjs";
import { loadingSite, moduleFiles, own, extrasOf, count, openBare } from "./loading.helpers.mjs";

let server, browser, topics;
loadingSite((s) => ({ server, browser, topics } = s));

// ---- (e) `ready`, a failed load and Try again.

test("ready resolves with the handle once the styled panel is on screen; a loading line shows until then", async () => {
  const { page, problems, context } = await openBare();
  for (const { id, title } of topics) {
    const seen = await page.evaluate(async (topic) => {
      const { mount } = await import("./techshack-live.js");
      const el = document.getElementById("a");
      const h = mount(el, topic);
      const root = el.querySelector("techshack-panel")?.shadowRoot;
      const loading = root?.querySelector(".loading[role=status]")?.textContent ?? null;
      const early = !!root?.querySelector(".panel");
      const value = await h.ready;
      const panel = root.querySelector(".panel");
      const button = panel?.querySelector(".toolbar button");
      const seenNow = { same: value === h, topic: value.topic, loading, early, panel: !!panel,
        radius: button ? getComputedStyle(button).borderRadius : null, hosts: el.querySelectorAll("techshack-panel").length };
      h.unmount();
      return seenNow;
    }, id);
    assert.equal(seen.same, true, `${id}: ready resolves with the handle`);
    assert.equal(seen.topic, id);
    assert.equal(seen.loading, `Loading the ${title}…`, `${id}: the loading line shows at once`);
    assert.equal(seen.early, false, `${id}: no panel before the module loads`);
    assert.equal(seen.panel, true, `${id}: the panel is in the shadow root when ready resolves`);
    assert.equal(seen.radius, "6px", `${id}: and styled by then`);
    assert.equal(seen.hosts, 1);
    assert.equal(await page.locator("#a techshack-panel").count(), 0, `${id}: unmount empties the element`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [what, file] of [["JS module", (id) => `topic-${id}.js`], ["wasm", (id) => `topic-${id}_bg.wasm`]]) {
  test(`a ${what} that fails to load: the element says so, ready rejects, Try again loads the panel`, async () => {
    const { id, title } = topics.at(-1);
    const { page, problems, context } = await openBare();
    const url = server.url + file(id);
    await page.route(url, (r) => r.fulfill({ status: 500, contentType: "text/plain", body: "server on fire" }));
    const outcome = await page.evaluate(async (topic) => {
      const { mount } = await import("./techshack-live.js");
      window.handle = mount(document.getElementById("a"), topic);
      try {
        await window.handle.ready;
        return "resolved";
      } catch (e) {
        return `rejected: ${e.message}`;
      }
    }, id);
    assert.match(outcome, /^rejected: /);
    const alert = page.locator("#a [role=alert]");
    assert.match(await alert.textContent(), new RegExp(`The ${title} could not load \\(.+\\)\\. Check the connection and try again\\.`));
    assert.equal(await page.locator("#a .panel").count(), 0);
    const again = page.locator("#a").getByRole("button", { name: "Try again" });
    assert.equal(await again.isVisible(), true);
    assert.deepEqual(await axeViolations(page), [], "the failure notice is accessible");

    await page.unroute(url);
    await again.click();
    await page.waitForSelector(`#a .panel[aria-label="${title}"]`);
    assert.equal(await page.locator("#a [role=alert]").count(), 0, "the notice is gone");
    assert.equal(await page.evaluate(async () => (await window.handle.ready) === window.handle), true, "ready is the retry's and resolves");
    // A mounted panel is compact by default: its toolbar folds behind Menu.
    await page.click("#a .toolbar button:text-is('Menu')");
    await page.click("#a .toolbar button:text-is('Comic')");
    await page.waitForSelector("#a .comic");
    // The one expected error is the 500 itself.
    assert.deepEqual(problems, ["console: Failed to load resource: the server responded with a status of 500 (Internal Server Error)"]);
    await context.close();
  });
}

test("a dropped connection (module and wasm both fail) is reported in the element and nowhere else", async () => {
  const { id } = topics.at(-1);
  const { page, problems, context } = await openBare();
  await page.route(new RegExp(`topic-${id}(\\.js|_bg\\.wasm)$`), (r) => r.abort("connectionreset"));
  const outcome = await page.evaluate(async (topic) => {
    const { mount } = await import("./techshack-live.js");
    return mount(document.getElementById("a"), topic).ready.then(() => "resolved", (e) => `rejected: ${e.message}`);
  }, id);
  assert.match(outcome, /^rejected: /);
  await page.waitForSelector("#a [role=alert]");
  await page.waitForTimeout(500);
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_RESET/.test(p)), []);
  await context.close();
});

test("a Try again that fails again shows the failure again, with no uncaught error", async () => {
  const { id } = topics.at(-1);
  const { page, problems, context } = await openBare();
  await page.route(`${server.url}topic-${id}.js`, (r) => r.fulfill({ status: 500, body: "still down" }));
  await page.evaluate(async (topic) => {
    const { mount } = await import("./techshack-live.js");
    await mount(document.getElementById("a"), topic).ready.catch(() => {});
  }, id);
  await page.locator("#a").getByRole("button", { name: "Try again" }).click();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("#a [role=alert]").count(), 1);
  assert.equal(await page.locator("#a").getByRole("button", { name: "Try again" }).count(), 1);
  assert.deepEqual(problems.filter((p) => !/status of 500/.test(p)), []);
  await context.close();
});

// ---- (f) Bad arguments, topics(), remounts and unmount.

test("mount throws at once for a bad element, an unknown id or bad options, and topics() lists the registry", async () => {
  const { page, problems, context, site } = await openBare();
  const { id } = topics[0];
  const seen = await page.evaluate(async (topic) => {
    const { mount, topics: list } = await import("./techshack-live.js");
    const el = document.getElementById("a");
    const thrown = (f) => {
      try {
        const r = f();
        return { returned: r && typeof r.then === "function" ? "a promise" : typeof r };
      } catch (e) {
        return { message: e.message, isError: e instanceof Error };
      }
    };
    return {
      null: thrown(() => mount(null, topic)),
      undefined: thrown(() => mount(undefined, topic)),
      string: thrown(() => mount("#a", topic)),
      text: thrown(() => mount(document.createTextNode("x"), topic)),
      unknown: thrown(() => mount(el, "nope")),
      options: thrown(() => mount(el, topic, "state")),
      list: list(),
      left: el.childNodes.length + document.getElementById("b").childNodes.length,
    };
  }, id);
  for (const kind of ["null", "undefined", "string"]) {
    assert.equal(seen[kind].isError, true, `mount(${kind}) throws an Error synchronously, got ${JSON.stringify(seen[kind])}`);
    assert.match(seen[kind].message, new RegExp(`must be a DOM element, got ${kind}`));
  }
  assert.match(seen.text.message ?? "", /must be a DOM element/, "a text node is not an element");
  assert.equal(seen.unknown.isError, true);
  assert.equal(seen.unknown.message, `Techshack Live mount: unknown topic "nope". Known topics: ${topics.map((t) => t.id).join(", ")}.`);
  assert.match(seen.options.message ?? "", /options must be an object/);
  assert.deepEqual([...seen.list].sort(), topics.map((t) => t.id).sort());
  assert.equal(seen.left, 0, "a refused mount leaves nothing in the page");
  await page.waitForTimeout(300);
  assert.deepEqual(moduleFiles(site), [], "a refused mount fetches nothing");
  assert.deepEqual(problems, []);
  await context.close();
});

test("mounting again into one element replaces the panel; unmount twice is harmless", async () => {
  const { page, problems, context } = await openBare();
  const [a, b] = topics;
  const seen = await page.evaluate(async ([ida, idb]) => {
    const { mount } = await import("./techshack-live.js");
    const el = document.getElementById("a");
    const shown = () => [...el.querySelectorAll("techshack-panel")].map((h) => ({
      topic: h.dataset.topic, panels: h.shadowRoot.querySelectorAll(".panel").length,
      label: h.shadowRoot.querySelector(".panel")?.getAttribute("aria-label") ?? null,
    }));
    const out = {};
    // A loaded panel replaced by another topic's.
    const h1 = await mount(el, ida).ready;
    const h2 = mount(el, idb);
    await h2.ready;
    out.replaced = shown();
    // The replaced handle's unmount must not touch the new panel.
    h1.unmount();
    out.afterOldUnmount = shown();
    // Two mounts in a row, the first still loading: only the second shows.
    // (Whether h3.ready settles is the next test's: today it never does.)
    mount(el, ida);
    const h4 = mount(el, ida);
    await h4.ready;
    out.raced = shown();
    h4.unmount();
    h4.unmount();
    out.afterUnmount = el.childNodes.length;
    // And the element takes a new mount afterwards.
    await mount(el, idb).ready;
    out.again = shown();
    // Another element's panel is its own.
    await mount(document.getElementById("b"), ida).ready;
    out.both = [shown(), document.getElementById("b").querySelectorAll("techshack-panel").length];
    return out;
  }, [a.id, b.id]);
  assert.deepEqual(seen.replaced, [{ topic: b.id, panels: 1, label: b.title }]);
  assert.deepEqual(seen.afterOldUnmount, [{ topic: b.id, panels: 1, label: b.title }]);
  assert.deepEqual(seen.raced, [{ topic: a.id, panels: 1, label: a.title }]);
  assert.equal(seen.afterUnmount, 0, "unmount empties the element");
  assert.deepEqual(seen.again, [{ topic: b.id, panels: 1, label: b.title }]);
  assert.deepEqual(seen.both, [[{ topic: b.id, panels: 1, label: b.title }], 1]);
  // The remounted panel works.
  // A mounted panel is compact by default: its toolbar folds behind Menu.
  await page.click("#a .toolbar button:text-is('Menu')");
  await page.click("#a .toolbar button:text-is('Comic')");
  await page.waitForSelector("#a .comic");
  assert.equal(await page.locator("#b .comic").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a mount unmounted or replaced while it loads still settles its ready", async () => {
  const { page, problems, context } = await openBare();
  const { id } = topics[0];
  const seen = await page.evaluate(async (topic) => {
    const { mount } = await import("./techshack-live.js");
    const within = (p, ms) => Promise.race([p.then((v) => ({ resolved: v }), (e) => ({ rejected: e.message })), new Promise((ok) => setTimeout(() => ok("pending"), ms))]);
    const el = document.getElementById("a");
    const unmounted = mount(el, topic);
    unmounted.unmount();
    const replaced = mount(el, topic);
    const current = mount(el, topic);
    const [u, r, c] = await Promise.all([within(unmounted.ready, 5000), within(replaced.ready, 5000), within(current.ready, 30000)]);
    return { unmounted: u === "pending" ? u : u.resolved === unmounted, replaced: r === "pending" ? r : r.resolved === replaced, current: c.resolved === current,
      hosts: el.querySelectorAll("techshack-panel").length };
  }, id);
  assert.equal(seen.current, true, "the mount that stays resolves");
  assert.equal(seen.hosts, 1);
  assert.equal(seen.unmounted, true, "an unmounted mount's ready resolves with its handle");
  assert.equal(seen.replaced, true, "a replaced mount's ready resolves with its handle");
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- (g) The Embed dialog's script snippet, on a page from another origin.

/// A tiny host on its own port (another origin than the site) serving
/// `pages` (path → HTML).
async function startHost(pages) {
  const host = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const body = pages[path];
    // The browser asks every origin for a favicon; a blog would have one.
    if (path === "/favicon.ico") res.writeHead(204).end();
    else if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${host.address().port}/`,
    close: () => new Promise((ok) => { host.closeAllConnections?.(); host.close(ok); }),
  };
}

const HOST_STYLE = `body { font-family: Georgia, serif; }
  p.host { font-family: "Courier New", monospace; font-size: 18px; line-height: 1.25; color: rgb(0, 0, 128); }`;

/// Computed styles that tell the site's look from a browser default.
function looksOf(el) {
  const s = getComputedStyle(el);
  return { borderRadius: s.borderTopLeftRadius, background: s.backgroundColor, border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
    padding: s.paddingLeft, fontFamily: s.fontFamily };
}
/// The look of the first element matching `selector` (Playwright's selectors see into open shadow roots).
const looks = (page, selector) => page.locator(selector).first().evaluate(looksOf);

test("the Embed dialog's script snippet, pasted into a page on another origin, mounts a styled panel and leaves the host's styles alone", async () => {
  for (const { id, title } of topics) {
    // The snippet as the dialog shows it on the site's own topic page.
    const { page: sitePage, context: siteContext, problems: siteProblems } = await openPage(browser, server.url, { colorScheme: "light" });
    await sitePage.goto(`${server.url}#/${id}`);
    await sitePage.waitForSelector("main .panel");
    await sitePage.click("main .toolbar button:text-is('Embed')");
    const snippet = await sitePage.getByLabel("Script snippet").inputValue();
    assert.match(snippet, new RegExp(`from "${server.url}techshack-live\\.js"`), "the snippet points at the site it was copied from");
    const siteButton = await looks(sitePage, "main .toolbar button");
    const sitePanelFont = await sitePage.evaluate(() => getComputedStyle(document.querySelector("main .panel")).fontFamily);
    assert.deepEqual(siteProblems, []);
    await siteContext.close();

    const host = await startHost({
      "/post.html": `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A blog post</title><style>${HOST_STYLE}</style></head>
<body><main>
<h1>A blog post</h1>
<p class="host">The host's own paragraph.</p>
<button type="button" class="host">A host button</button>
${snippet}
</main></body>
</html>`,
    });
    try {
      assert.notEqual(new URL(host.url).origin, new URL(server.url).origin);
      const { page, problems, context } = await openPage(browser, host.url, { colorScheme: "light" });
      await page.goto(`${host.url}post.html`);
      const hostPara = await looks(page, "p.host");
      const hostButton = await looks(page, "button.host");
      await page.waitForSelector(`#techshack-${id} .panel[aria-label="${title}"]`);

      const inside = await page.evaluate((topic) => {
        const root = document.querySelector(`#techshack-${topic} techshack-panel`).shadowRoot;
        const heading = root.querySelector(".sr-only");
        const box = heading.getBoundingClientRect();
        const hs = getComputedStyle(heading);
        return {
          panelFont: getComputedStyle(root.querySelector(".panel")).fontFamily,
          heading: { text: heading.textContent, width: box.width, height: box.height, position: hs.position, overflow: hs.overflow },
          docSheets: document.styleSheets.length,
          docLinks: document.querySelectorAll("link[rel=stylesheet]").length,
        };
      }, id);
      const button = await looks(page, `#techshack-${id} .toolbar button`);
      assert.deepEqual(button, siteButton, `${id}: toolbar buttons look as on the site`);
      assert.notDeepEqual(button, hostButton, `${id}: and not like the host's default button`);
      assert.equal(inside.panelFont, sitePanelFont, `${id}: the panel's type is the site's`);
      assert.deepEqual(inside.heading, { text: title, width: 1, height: 1, position: "absolute", overflow: "hidden" }, `${id}: the hidden heading is visually hidden`);

      // Nothing of the site's stylesheet reaches the host page.
      assert.equal(inside.docSheets, 1, "only the host's own <style> is in the document");
      assert.equal(inside.docLinks, 0);
      assert.deepEqual(await looks(page, "p.host"), hostPara, "the host's paragraph keeps its look");
      assert.equal(hostPara.fontFamily, '"Courier New", monospace');
      assert.deepEqual(await looks(page, "button.host"), hostButton, "the host's button keeps its look");
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), "8px", "the site's body margin does not leak");
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("p.host")).boxSizing), "content-box");

      // The panel works there: its comic opens (fetching the hand font cross-origin).
      await page.click(`#techshack-${id} .toolbar button:text-is('Menu')`);
      await page.click(`#techshack-${id} .toolbar button:text-is('Comic')`);
      await page.waitForSelector(`#techshack-${id} .comic`);
      await page.waitForLoadState("networkidle");
      assert.equal(new URL(page.url()).hash, "", "the panel leaves the host's address alone");

      assert.deepEqual(await axeViolations(page), [], `${id} on the host page`);
      // Requests to the site are the point here; any other problem is not.
      const foreign = problems.filter((p) => p.startsWith("foreign request: "));
      assert.ok(foreign.length > 0 && foreign.every((p) => p.startsWith(`foreign request: ${server.url}`)), foreign.join("\n"));
      const files = foreign.map((p) => p.slice(`foreign request: ${server.url}`.length));
      // The comic was opened, so the topic's extras module came too; nothing of another topic.
      assert.deepEqual(moduleFiles(files).sort(), [...own(id), ...extrasOf(id)].sort(), `${id}: only its own modules`);
      assert.deepEqual(problems.filter((p) => !p.startsWith("foreign request: ")), [], id);
      await context.close();
    } finally {
      await host.close();
    }
  }
});
