// The workshop kit (issue 13): the session page #/workshop lists every
// registered topic; a teacher's reordered or trimmed plan rides in the link
// and comes back from it; each block's timer counts and pauses; each block's
// step links open the block's own panel at that step and "Reset all panels"
// takes every panel back to its start; the facilitator's view shows the
// answers the session view hides; printing gives one hand-out per block and
// the answer key on a page of its own. Axe-clean in light, dark and
// presenter mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { axeViolations, openPage, sitePages, waitForApp } from "./support.mjs";
import { TOPICS } from "../../assets/techshack-live.js";

const site = sitePages();
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const open = (hash = "#/workshop", options = {}) => site.open("workshop", ".agenda .block", options, hash);
const blockIds = (page) => page.locator(".agenda > .block").evaluateAll((bs) => bs.map((b) => b.dataset.block));
const hashOf = (page) => page.evaluate(() => location.hash);

test("the session page names every registered topic, with a block, a timer and step links for each", async () => {
  const { page, problems } = await open();
  assert.equal(await page.locator("h1").textContent(), "Workshop: EnqueueZero Techshack 2019-01");
  for (const topic of TOPICS) {
    const block = page.locator(`.agenda > .block[data-topic="${topic.id}"]`).first();
    assert.ok(await block.isVisible(), `${topic.id} has a block`);
    assert.ok((await block.getByRole("timer").textContent()).match(/^\d+:00$/), `${topic.id}: a timer at its full time`);
    const link = await block.locator(".block-tours > li > a").first().getAttribute("href");
    assert.match(link, new RegExp(`^#/${topic.id}\\?tour=[a-z-]+&step=1$`));
  }
  assert.equal(await page.locator("[data-total]").textContent(), "120", "a two-hour session");
  assert.ok(await page.getByRole("link", { name: "Workshop" }).getAttribute("aria-current"), "the nav marks the page");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test("a reordered and trimmed plan rides in the link and comes back from it; a bad plan says so in place", async () => {
  const { page, problems } = await open();
  const whole = await blockIds(page);
  const [first, second] = whole;
  await page.getByRole("button", { name: `Move ${await page.locator(`.block[data-block="${first}"]`).getAttribute("data-title")} later` }).click();
  assert.deepEqual((await blockIds(page)).slice(0, 2), [second, first]);
  const last = whole[whole.length - 1];
  const lastTitle = await page.locator(`.block[data-block="${last}"]`).getAttribute("data-title");
  await page.getByRole("button", { name: `Drop ${lastTitle} from the plan` }).click();
  const plan = [second, first, ...whole.slice(2, -1)];
  assert.deepEqual(await blockIds(page), plan);
  assert.equal(await hashOf(page), `#/workshop?plan=${plan.join(",")}`);
  assert.match(await page.getByRole("status").first().textContent(), /Dropped/);
  const minutes = Number(await page.locator("[data-total]").textContent());
  assert.ok(minutes < 120, `the total follows the plan (${minutes})`);
  // The dropped block waits under "Dropped blocks", and its hand-out is not printed.
  assert.ok(await page.getByRole("button", { name: `Add back ${lastTitle}` }).isVisible());
  assert.equal(await page.locator(`.handout[data-block="${last}"]`).getAttribute("hidden"), "");

  // The copied link restores the plan in a fresh page.
  await page.getByRole("button", { name: "Copy link to this plan" }).click();
  await page.waitForFunction(() => document.querySelector(".workshop-status").textContent.includes("Copied"));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const fresh = await openPage(site.browser, site.server.url);
  await fresh.page.goto(copied);
  await fresh.page.waitForSelector(".agenda .block");
  assert.deepEqual(await blockIds(fresh.page), plan);
  assert.equal(await fresh.page.locator("[data-total]").textContent(), String(minutes));

  // Added back, it goes last.
  await page.getByRole("button", { name: `Add back ${lastTitle}` }).click();
  assert.deepEqual(await blockIds(page), [...plan, last]);

  const bad = await openPage(site.browser, site.server.url);
  await bad.page.goto(`${site.server.url}#/workshop?plan=${first},nope`);
  await bad.page.waitForSelector(".agenda .block");
  assert.match(await bad.page.getByRole("alert").textContent(), /block that does not exist.*Showing the whole agenda/);
  assert.deepEqual(await blockIds(bad.page), whole);
  assert.deepEqual([...problems, ...fresh.problems, ...bad.problems], []);
});

test("a block's timer counts down, pauses and resets", async () => {
  const { page, problems } = await openPage(site.browser, site.server.url);
  await page.clock.install();
  await page.goto(`${site.server.url}#/workshop`);
  await waitForApp(page);
  await page.waitForSelector(".agenda .block");
  const block = page.locator(".agenda > .block").first();
  const minutes = Number(await block.getAttribute("data-minutes"));
  const timer = block.getByRole("timer");
  assert.equal(await timer.textContent(), `${minutes}:00`);
  await block.getByRole("button", { name: /^Start the timer/ }).click();
  await page.clock.runFor(65_000);
  assert.equal(await timer.textContent(), `${minutes - 2}:55`, "65 s later");
  await block.getByRole("button", { name: /^Pause the timer/ }).click();
  await page.clock.runFor(30_000);
  assert.equal(await timer.textContent(), `${minutes - 2}:55`, "paused, it holds");
  await block.getByRole("button", { name: /^Resume the timer/ }).click();
  await page.clock.runFor(5_000);
  assert.equal(await timer.textContent(), `${minutes - 2}:50`);
  await block.getByRole("button", { name: /^Reset timer for / }).click();
  assert.equal(await timer.textContent(), `${minutes}:00`);
  assert.ok(await block.getByRole("button", { name: /^Start the timer/ }).isVisible());
  assert.deepEqual(problems, []);
});

/// Each block's panel once mounted and settled, with the state it reports
/// (the message store opens on a scenario, so its start has a link state).
async function settledStates(page) {
  const states = {};
  for (const id of await blockIds(page)) {
    const box = page.locator(`.block[data-block="${id}"] [data-panel]`);
    await box.scrollIntoViewIfNeeded();
    await box.locator("techshack-panel .panel").waitFor({ timeout: 30000 });
  }
  // A panel writes its state a moment after it changes.
  await page.waitForTimeout(1500);
  for (const id of await blockIds(page)) {
    states[id] = await page.locator(`.block[data-block="${id}"] [data-panel]`).getAttribute("data-state");
  }
  return states;
}

test("a block's step link opens that step in the block's panel, and Reset all panels takes every panel back to its start", async () => {
  // The facilitator's view links every step; the last step of a block's
  // first tour has every earlier step's actions behind it.
  const { page, problems } = await open("#/workshop?view=facilitator");
  const start = await settledStates(page);
  for (const id of await blockIds(page)) {
    const block = page.locator(`.block[data-block="${id}"]`);
    await block.locator(".block-tours > li").first().locator(".say a").last().click();
    const host = block.locator("[data-panel] techshack-panel");
    await host.locator(".tour").waitFor({ timeout: 30000 });
    assert.match(await page.getByRole("status").first().textContent(), /^Opened /);
  }
  // The opened tours' setups are in the panels' states, as their links say.
  for (const id of await blockIds(page)) {
    await page.waitForFunction(
      ([b, s]) => (document.querySelector(`.block[data-block="${b}"] [data-panel]`).dataset.state ?? null) !== s,
      [id, start[id]],
      { timeout: 15000 },
    );
  }
  await page.getByRole("button", { name: "Reset all panels" }).click();
  assert.equal(await page.locator(".workshop-status").textContent(), "Every panel is back at its start.");
  const after = await settledStates(page);
  assert.deepEqual(after, start, "every panel reports its start again");
  for (const id of await blockIds(page)) {
    assert.equal(await page.locator(`.block[data-block="${id}"] techshack-panel .tour`).count(), 0, `${id}: no tour open`);
  }
  assert.deepEqual(problems, []);
});

test("the facilitator's view shows the answers and what to say that the session view hides", async () => {
  const { page, problems } = await open();
  const answers = page.locator(".block .say .answer");
  assert.ok((await answers.count()) > 10);
  assert.equal(await answers.first().isVisible(), false, "the room does not see the answers");
  await page.getByRole("link", { name: "Facilitator view" }).click();
  await page.waitForFunction(() => document.querySelector(".workshop").dataset.view === "facilitator");
  assert.equal(await hashOf(page), "#/workshop?view=facilitator");
  assert.ok(await answers.first().isVisible(), "the facilitator does");
  assert.match(await answers.first().textContent(), /^(Answer|Solution): ./);
  assert.match(await page.locator(".block .say li").first().textContent(), /Ask the room|Give pairs/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole("link", { name: "Session view" }).click();
  await page.waitForFunction(() => document.querySelector(".workshop").dataset.view === "session");
  assert.equal(await answers.first().isVisible(), false);
  assert.deepEqual(problems, []);
});

test("printing the session page gives one hand-out per block, then the answer key on a page of its own", async () => {
  const { page, problems } = await open();
  const blocks = await page.locator(".agenda > .block").evaluateAll((bs) => bs.map((b) => b.dataset.title));
  // The zine pages arrive once the page is up.
  await page.waitForFunction(() => [...document.querySelectorAll(".handout-zines")].every((s) => s.querySelector("svg")));
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), "workshop-print-"));
  const file = join(dir, "workshop.pdf");
  writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  const text = (n) => execFileSync("pdftotext", ["-layout", "-f", String(n), "-l", String(n), file, "-"], { encoding: "utf8" });
  const texts = Array.from({ length: pages }, (_, k) => text(k + 1));
  console.log(`workshop print: ${pages} pages (${blocks.length} hand-outs and the key)`);
  // Each hand-out starts a page with its title; nothing of the screen's tools is printed.
  let at = -1;
  for (const title of blocks) {
    const k = texts.findIndex((t) => t.trim().startsWith(`Hand-out: ${title}`));
    assert.ok(k > at, `the hand-out of ${title} starts a page after the one before`);
    at = k;
  }
  assert.ok(texts.every((t) => !t.includes("Reset all panels")), "no screen tools on paper");
  assert.ok(texts[0].includes("Exercises") && texts.join("").includes("Sources"), "exercises and sources");
  const zine = texts.findIndex((t) => t.includes("How Discord stores billions of messages"));
  const second = texts.findIndex((t) => t.trim().startsWith(`Hand-out: ${blocks[1]}`));
  assert.ok(zine > 0 && zine < second, "the first block's zine page prints after its hand-out, before the next");
  const key = texts.findIndex((t) => t.trim().startsWith("Answer key"));
  assert.ok(key > at, "the answer key comes after the hand-outs, on a page of its own");
  assert.ok(texts.slice(0, key).every((t) => !t.includes("Answer key")), "no answers before the key's page");
  assert.deepEqual(problems, []);
});

test("axe finds nothing on the session page in light, dark and presenter mode, nor on a phone", async () => {
  for (const [look, options] of [
    ["light", { colorScheme: "light" }],
    ["dark", { colorScheme: "dark" }],
    ["presenter", { colorScheme: "light" }],
    ["phone", PHONE],
  ]) {
    const { page, problems } = await open("#/workshop?view=facilitator", options);
    if (look === "presenter") await page.getByRole("button", { name: "Presenter mode" }).click();
    assert.deepEqual(await axeViolations(page), [], look);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `${look}: no sideways scroll (${wide} px)`);
    assert.deepEqual(problems, [], look);
  }
});

test("a block's QR code carries its panel's link as it is now, drawn by the QR module", async () => {
  const { page, problems } = await open();
  const id = (await blockIds(page))[0];
  const block = page.locator(`.block[data-block="${id}"]`);
  const topic = await block.getAttribute("data-topic");
  const button = block.getByRole("button", { name: /^QR code of the panel of / });
  await button.click();
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const code = block.locator(".block-qr [data-qr] svg");
  await code.waitFor();
  const state = await block.locator("[data-panel]").getAttribute("data-state");
  const startLabel = `QR code of ${site.server.url}#/${topic}${state ? `?s=${state}` : ""}`;
  assert.equal(await code.getAttribute("aria-label"), startLabel, "the panel at its start");
  assert.ok((await code.locator("path").getAttribute("d")).length > 500, "modules drawn");
  // A tour step changes the panel; the code follows its state.
  await block.locator(".block-tours > li > a").first().click();
  await page.waitForFunction(
    ([b, l]) => {
      const label = document.querySelector(`.block[data-block="${b}"] .block-qr svg`)?.getAttribute("aria-label");
      return label && label !== l && label.includes("?s=");
    },
    [id, startLabel],
    { timeout: 30000 },
  );
  assert.match(await block.locator(".block-qr figcaption").textContent(), /^Scan to open this panel as it is now: http/);
  await button.click();
  assert.equal(await block.locator(".block-qr").isHidden(), true);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
});

test("each block's zine page shows on request and prints after its hand-out", async () => {
  const { page, problems } = await open();
  const block = page.locator(".agenda > .block").first();
  await block.locator(".block-zines summary").click();
  const zine = block.locator(".block-zines .zine svg");
  await zine.first().waitFor({ timeout: 15000 });
  assert.match(await zine.first().locator("title").textContent(), /^Zine: /);
  // Printed: each block with zines gets its pages after its hand-out's text.
  await page.waitForFunction(() => [...document.querySelectorAll(".handout-zines")].every((s) => s.querySelector("svg")));
  const printed = await page.locator(".handout .zine").count();
  assert.ok(printed >= (await page.locator(".agenda > .block").count()), `${printed} zine pages in the hand-outs`);
  assert.deepEqual(problems, []);
});
