// Loading, as a reader and an embedding blog see it: which files each route
// fetches (home and About no wasm; a topic only its own module), moving
// between topics, and the three panels of embed-example.html.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, axeViolations } from "./support.mjs";
import { loadingSite, recordSite, moduleFiles, own, count } from "./loading.helpers.mjs";

let server, browser, topics;
loadingSite((s) => ({ server, browser, topics } = s));

// ---- (a) Home and About fetch no wasm.

test("home and About load no wasm and no topic module, directly or by the header link", async () => {
  for (const path of ["", "#/about"]) {
    const { page, problems, context } = await openPage(browser, server.url);
    const site = recordSite(page);
    await page.goto(server.url + path);
    await page.waitForSelector(path ? "main .prose" : "main .cards");
    await page.waitForLoadState("networkidle");
    // The recorder sees the page's own files, so an empty list below means something.
    assert.ok(site.includes("site.js") && site.includes("panels.js") && site.includes("style.css"), `${path || "home"}: ${site}`);
    assert.deepEqual(moduleFiles(site), [], `${path || "home"} fetched ${moduleFiles(site)}`);

    // And moving between the two pages inside the site fetches none either.
    await page.click(path ? ".site-header .brand" : ".site-header nav a[href='#/about']");
    await page.waitForSelector(path ? "main .cards" : "main .prose");
    await page.waitForTimeout(500);
    assert.deepEqual(moduleFiles(site), [], `${path || "home"} then the other page fetched ${moduleFiles(site)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

// ---- (b) A topic route loads its own module and nothing of another topic.

test("each topic and embed route loads only its own module, once", async () => {
  for (const { id, title } of topics) {
    for (const route of [`#/${id}`, `#/embed/${id}`]) {
      const { page, problems, context } = await openPage(browser, server.url);
      const site = recordSite(page);
      await page.goto(server.url + route);
      await page.waitForSelector("main .panel");
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getAttribute("main .panel", "aria-label"), title, route);
      assert.deepEqual(moduleFiles(site).sort(), own(id).sort(), `${route} fetched ${moduleFiles(site)}`);
      assert.deepEqual(problems, [], `${route}: ${problems.join("\n")}`);
      await context.close();
    }
  }
});

// ---- (c) Moving between topics inside the site.

test("the header nav moves from topic to topic, loading each module once, and Back returns", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const site = recordSite(page);
  const [first, ...rest] = topics;
  await page.goto(`${server.url}#/${first.id}`);
  await page.waitForSelector(`main .panel[aria-label="${first.title}"]`);

  let previous = first;
  for (const next of rest) {
    await page.click(`.site-header nav a[href="#/${next.id}"]`);
    await page.waitForSelector(`main .panel[aria-label="${next.title}"]`);
    assert.equal(await page.locator("main .panel").count(), 1, `only ${next.id}'s panel is on the page`);
    assert.equal(await page.locator(`.panel[aria-label="${previous.title}"]`).count(), 0, `${previous.id}'s panel is gone`);
    assert.match(await page.textContent("main h1"), new RegExp(next.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.equal(await page.getAttribute(`.site-header nav a[href="#/${next.id}"]`, "aria-current"), "page");
    assert.equal(await page.locator(".site-header nav a[aria-current]").count(), 1);
    assert.equal(new URL(page.url()).hash.split("?")[0], `#/${next.id}`);
    for (const f of own(next.id)) assert.equal(count(site, f), 1, `${f} fetched once`);
    // The toolbar of the new panel answers.
    await page.click("main .panel .toolbar button:text-is('Comic')");
    await page.waitForSelector("main .panel .comic");
    previous = next;
  }

  // Back through the history: each earlier topic returns, from the modules
  // already loaded (no file is fetched twice).
  for (const back of [...topics].reverse().slice(1)) {
    await page.goBack();
    await page.waitForSelector(`main .panel[aria-label="${back.title}"]`);
    assert.equal(await page.locator("main .panel").count(), 1, `Back to ${back.id} shows its panel alone`);
    assert.equal(new URL(page.url()).hash.split("?")[0], `#/${back.id}`);
    assert.equal(await page.locator("main .panel .comic").count(), 0, `${back.id} opens afresh, comic closed`);
  }
  await page.waitForTimeout(300);
  for (const { id } of topics) for (const f of own(id)) assert.equal(count(site, f), 1, `${f} fetched once in all`);
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- (d) embed-example.html: two topics, one of them twice.

test("embed-example.html: three independent panels, svm's module fetched once", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  const site = recordSite(page);
  await page.goto(`${server.url}embed-example.html`);
  await page.waitForFunction(() => /Mounted/.test(document.getElementById("embed-status").textContent));
  assert.equal(await page.textContent("#embed-status"), "Mounted message-store, svm, svm.");
  const panels = { first: "message-store", second: "svm", third: "svm" };
  for (const [slot, id] of Object.entries(panels)) {
    assert.equal(await page.locator(`#${slot}-panel .panel`).count(), 1, `#${slot}-panel has one panel`);
    assert.equal(await page.getAttribute(`#${slot}-panel techshack-panel`, "data-topic"), id);
  }
  await page.waitForLoadState("networkidle");
  assert.deepEqual(moduleFiles(site).sort(), [...own("message-store"), ...own("svm")].sort(), `fetched ${moduleFiles(site)}`);

  // The comic opens in one panel only, the embed dialog in another only
  // (compact panels keep them behind the toolbar's Menu).
  await page.click("#third-panel .toolbar button:text-is('Menu')");
  await page.click("#third-panel .toolbar button:text-is('Comic')");
  await page.waitForSelector("#third-panel .comic svg");
  await page.click("#first-panel .toolbar button:text-is('Menu')");
  await page.click("#first-panel .toolbar button:text-is('Embed')");
  await page.waitForSelector("#first-panel .embed-dialog");
  for (const [slot, comic, dialog] of [["first", 0, 1], ["second", 0, 0], ["third", 1, 0]]) {
    assert.equal(await page.locator(`#${slot}-panel .comic`).count(), comic, `#${slot}-panel comic`);
    assert.equal(await page.locator(`#${slot}-panel .embed-dialog`).count(), dialog, `#${slot}-panel embed dialog`);
  }
  assert.equal(await page.getAttribute("#third-panel .toolbar button:text-is('Comic')", "aria-expanded"), "true");
  assert.equal(await page.getAttribute("#second-panel .toolbar button:text-is('Comic')", "aria-expanded"), "false");

  // The two svm panels share a module but not their state.
  const points = (slot) => page.getAttribute(`#${slot}-panel .svm-canvas`, "aria-label");
  const third = await points("third");
  await page.click("#second-panel button:text-is('Clear all points')");
  await page.waitForFunction(() => /\b0 points\b/.test(document.querySelector("#second-panel techshack-panel").shadowRoot.querySelector(".svm-canvas").getAttribute("aria-label")));
  assert.equal(await points("third"), third, "the third panel keeps its points");
  assert.equal(await page.isEnabled("#second-panel .toolbar button:has-text('Undo')"), true);
  assert.equal(await page.isEnabled("#third-panel .toolbar button:has-text('Undo')"), false);

  assert.deepEqual(problems, []);
  await context.close();
});

test("embed-example.html is axe-clean with the same topic mounted twice", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await page.goto(`${server.url}embed-example.html`);
  await page.waitForFunction(() => /Mounted/.test(document.getElementById("embed-status").textContent));
  const names = await page.locator("section.panel").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  assert.equal(new Set(names).size, names.length, `each panel has a name of its own: ${names}`);
  assert.ok(names.some((n) => / \(2\)$/.test(n)), `the second svm panel is numbered: ${names}`);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("embed-example.html with one panel per topic is axe-clean in light and dark", async () => {
  // The page's other two panels, alone: what the landmark clash above leaves to check.
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await openPage(browser, server.url, { colorScheme });
    await page.goto(`${server.url}embed-example.html`);
    await page.waitForFunction(() => /Mounted/.test(document.getElementById("embed-status").textContent));
    await page.evaluate(() => document.getElementById("third-panel").remove());
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
