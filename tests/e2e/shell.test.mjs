// The site shell, driven as a person would: every registered topic, the
// routes, shared links, embedding, keyboard reach, console and accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launch, openPage, axeViolations, waitForApp } from "./support.mjs";

let server, browser, topics;

before(async () => {
  server = await startServer();
  browser = await launch();
  // The registry, read from the page itself, so these tests name no topic.
  const { page } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForApp(page);
  topics = await page.$$eval(".cards .card h2 a", (as) => as.map((a) => ({
    id: a.getAttribute("href").replace(/^#\//, ""), title: a.textContent.trim(),
  })));
  await page.context().close();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("home lists every registered topic with a working link", async () => {
  const { page, problems } = await openPage(browser, server.url);
  await page.goto(server.url);
  await waitForApp(page);
  assert.ok(topics.length >= 4, `expected at least 4 topics, got ${topics.length}`);
  const exported = await page.evaluate(async () => (await import("./techshack-live.js")).topics());
  assert.deepEqual(topics.map((t) => t.id).sort(), [...exported].sort());
  assert.deepEqual(problems, []);
});

test("each topic route and embed route renders its panel without errors", async () => {
  for (const { id, title } of topics) {
    const { page, problems, context } = await openPage(browser, server.url);
    await page.goto(`${server.url}#/${id}`);
    await page.waitForSelector(".panel");
    assert.ok((await page.textContent("h1")).includes(title.replace(/^\S+\s/, "")), `${id} page title`);
    assert.equal(await page.locator(".site-header").count(), 1);

    // A fresh document, as when a reader opens the embed link (see the note on stale link writes).
    await page.goto("about:blank");
    await page.goto(`${server.url}#/embed/${id}`);
    await page.waitForSelector(".panel.embedded");
    assert.equal(await page.locator(".site-header").count(), 0, `${id} embed has no site chrome`);
    assert.deepEqual(problems, [], `${id}: ${problems.join("\n")}`);
    await context.close();
  }
});

test("unknown routes and topics explain themselves", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await page.goto(`${server.url}#/no-such-topic`);
  await page.waitForSelector("[role=alert]");
  assert.match(await page.textContent("[role=alert]"), /no topic called “no-such-topic”/);
  await page.goto(`${server.url}#/a/b/c`);
  await page.reload();
  await page.waitForSelector("h1");
  assert.match(await page.textContent("h1"), /not found/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link restores the state and a corrupted one shows a notice", async () => {
  const { id } = topics[0];
  const { page, problems, context } = await openPage(browser, server.url);
  await page.goto(`${server.url}#/${id}`);
  await page.waitForSelector(".panel");
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, new RegExp(`#/${id}\\?s=\\d+\\.`));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, link);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".panel");
  assert.equal(await fresh.locator(".notice").count(), 0, "a good link restores without a notice");

  await fresh.goto("about:blank");
  await fresh.goto(`${server.url}#/${id}?s=1.%%%garbage`);
  await fresh.waitForSelector(".notice");
  assert.match(await fresh.textContent(".notice"), /Could not restore the shared state/);
  await fresh.goto("about:blank");
  await fresh.goto(`${server.url}#/${id}?s=999.eyJ9`);
  await fresh.waitForSelector(".notice");
  assert.match(await fresh.textContent(".notice"), /made by a newer version/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Links made before the link format became postcard (state v1, JSON), as the
// site wrote them then: they restore to the default with an honest notice.
const OLD_LINKS = {
  svm: "1.eyJwcmVzZXQiOiJibG9ic19zZXBhcmFibGUiLCJzZWVkIjoxLCJrZXJuZWwiOiJsaW5lYXIiLCJjIjoxLjAsImdhbW1hIjoic2NhbGUiLCJkZWdyZWUiOjMsImNvZWYwIjowLjB9",
  pipeline: "1.eyJjb25maWciOnsiUHJlc2V0IjoiQWlyYm5iIn0sInNlZWQiOjEsInNsb19wZXJjZW50Ijo5OS45fQ",
};

test("an old-format link shows the older-version notice", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  for (const [id, state] of Object.entries(OLD_LINKS)) {
    await page.goto("about:blank");
    await page.goto(`${server.url}#/${id}?s=${state}`);
    await page.waitForSelector(".notice");
    assert.match(await page.textContent(".notice"), /made by an older version of the panel \(state v1, now v\d+\)/, id);
    assert.ok(await page.locator(".panel").count() === 1, `${id} still shows its default panel`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("embed-example.html shows two live panels that keep their own state", async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await page.goto(`${server.url}embed-example.html`);
  await page.waitForSelector("#first-panel .panel");
  await page.waitForSelector("#second-panel .panel");
  assert.match(await page.textContent("#embed-status"), /Mounted/);
  const hashBefore = await page.evaluate(() => location.hash);
  await page.click("#first-panel .toolbar button:text-is('Menu')");
  await page.click("#first-panel >> text=Comic");
  await page.waitForSelector("#first-panel .comic svg");
  assert.equal(await page.locator("#second-panel .comic").count(), 0, "the other panel is untouched");
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.hash), hashBefore, "embedded panels leave the host's hash alone");
  const err = await page.evaluate(async () => {
    const { mount } = await import("./techshack-live.js");
    const messages = [];
    try { mount(null, "svm"); } catch (e) { messages.push(e.message); }
    try { mount(document.body, "nope"); } catch (e) { messages.push(e.message); }
    return messages;
  });
  assert.match(err[0], /must be a DOM element, got null/);
  assert.match(err[1], /unknown topic "nope"/);
  assert.equal(await page.locator("#second-panel .panel").count(), 1, "bad mounts break no other panel");
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard alone reaches every control on each page", async () => {
  const pages = ["", "#/about", ...topics.map((t) => `#/${t.id}`)];
  for (const path of pages) {
    const { page, context } = await openPage(browser, server.url);
    await page.goto(server.url + path);
    await waitForApp(page);
    await page.waitForTimeout(200);
    const controls = await page.$$eval(
      "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])",
      // A radio group is one Tab stop (arrow keys move within it), so count only its checked radio.
      (els) => els.filter((e) => e.offsetParent !== null && getComputedStyle(e).visibility !== "hidden" && !e.closest("details:not([open]) > :not(summary)")
        && !(e.type === "radio" && !e.checked && e.name && document.querySelector(`input[type=radio][name="${e.name}"]:checked`))).length,
    );
    const reached = new Set();
    for (let i = 0; i < controls + 10; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => {
        const a = document.activeElement;
        if (!a || a === document.body) return null;
        if (!a.dataset.kbId) a.dataset.kbId = Math.random().toString(36).slice(2);
        return a.dataset.kbId;
      });
      if (id) reached.add(id);
    }
    assert.ok(reached.size >= controls, `${path || "home"}: reached ${reached.size} of ${controls} controls by Tab`);
    await context.close();
  }
});

test("tours step with the arrow keys and presenter mode enlarges type", async () => {
  const { id } = topics[0];
  const { page, problems, context } = await openPage(browser, server.url);
  await page.goto(`${server.url}#/${id}`);
  await page.waitForSelector(".panel");
  await page.click(".tour-menu summary");
  await page.click(".tour-menu li a >> nth=0");
  await page.waitForSelector(".tour");
  const count = await page.textContent(".tour-count");
  const total = Number(count.match(/of (\d+)/)[1]);
  if (total > 1) {
    await page.focus(".tour-nav button >> nth=0");
    await page.keyboard.press("ArrowRight");
    assert.match(await page.textContent(".tour-count"), /Step 2 of/);
    await page.keyboard.press("ArrowLeft");
    assert.match(await page.textContent(".tour-count"), /Step 1 of/);
  }
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".tour").count(), 0);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.click("text=Presenter mode");
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(after > before * 1.2, `presenter font ${after} vs ${before}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dark mode toggle switches the theme", async () => {
  const { page, context } = await openPage(browser, server.url, { colorScheme: "light" });
  await page.goto(server.url);
  await waitForApp(page);
  const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await bg();
  await page.click("text=Theme: system");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  assert.notEqual(await bg(), light);
  await context.close();
});

test("axe-core finds no accessibility violations", async () => {
  const pages = ["", "#/about", ...topics.map((t) => `#/${t.id}`), ...topics.map((t) => `#/embed/${t.id}`)];
  for (const path of pages) {
    for (const colorScheme of ["light", "dark"]) {
      const { page, context } = await openPage(browser, server.url, { colorScheme });
      await page.goto(server.url + path);
      await waitForApp(page);
      await page.waitForTimeout(300);
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${path || "home"} (${colorScheme})`);
      await context.close();
    }
  }
});
