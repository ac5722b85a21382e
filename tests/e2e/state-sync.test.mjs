// What you see is the state you have (issue 16, item 4): Reset and tour
// steps leave no stale form text, Undo says why it is off instead of
// undoing what the note says it cannot, and a read says when the data has
// changed since it ran.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePages } from "./support.mjs";

const site = sitePages();

const open = site.open;

const toolbar = (page, name) => page.locator(".panel .toolbar").getByRole("button", { name, exact: true });

test("pipeline: Reset and a tour untick the Bad build box", async () => {
  const { page, problems, context } = await open("pipeline", ".pl");
  const bad = page.getByLabel("Bad build (a bug only real traffic hits)");
  await bad.check();
  await toolbar(page, "Reset").click();
  assert.equal(await bad.isChecked(), false, "Reset");
  await bad.check();
  await page.click(".tour-menu summary");
  await page.locator(".tour-menu li a").first().click();
  await page.waitForSelector(".tour");
  assert.equal(await bad.isChecked(), false, "tour step");
  assert.deepEqual(problems, []);
  await context.close();
});

test("vpc: after a trace, Reset and a tour, the tracer form shows the traced endpoints", async () => {
  const { page, problems, context } = await open("vpc", ".vpc-diagram");
  const form = page.locator(".vpc-tracer");
  await form.getByLabel("Source").selectOption({ label: "app-a" });
  await form.getByLabel("Destination").selectOption({ label: "Internet" });
  await form.getByRole("button", { name: "Trace", exact: true }).click();
  await page.waitForSelector(".vpc-verdict:has-text('app-a → the internet')");
  await toolbar(page, "Reset").click();
  await page.click(".tour-menu summary");
  await page.locator(".tour-menu li a").first().click();
  await page.waitForSelector(".tour");
  const verdict = await page.textContent(".vpc-verdict");
  const src = await form.getByLabel("Source").evaluate((s) => s.selectedOptions[0].textContent);
  const dst = await form.getByLabel("Destination").evaluate((s) => s.selectedOptions[0].textContent);
  const said = (name) => (name === "Internet" ? "the internet" : name);
  assert.ok(verdict.includes(`${said(src)} → ${said(dst)}`), `form says ${src} → ${dst}; verdict: ${verdict}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("message store: Reset clears typed content; a read refreshes after a delete", async () => {
  const { page, problems, context } = await open("message-store", ".ms");
  const compose = page.locator(".ms-compose");
  const content = compose.getByLabel("Content", { exact: true });
  await content.fill("a draft that Reset should drop");
  await toolbar(page, "Reset").click();
  assert.notEqual(await content.inputValue(), "a draft that Reset should drop");

  await content.fill("soon deleted");
  await compose.getByRole("button", { name: "Write message", exact: true }).click();
  await compose.locator(".ms-done").waitFor();
  const query = page.locator(".ms-query");
  await query.getByRole("button", { name: "Run query", exact: true }).click();
  await query.locator(".ms-result-head").waitFor();
  // #playground opens with the scenario's messages, and now one more.
  const rows = Number((await query.locator(".ms-result-head").textContent()).match(/^(\d+) rows? from \d+ buckets?/)?.[1]);
  assert.ok(rows >= 1, `${rows} rows`);
  assert.equal(await page.locator(".ms-reread").count(), 0, "a fresh read says nothing more");
  await page.locator(".ms-partition").getByRole("button", { name: /^Delete message \d+$/ }).first().click();
  await page.waitForSelector(".ms-reread");
  assert.match(await page.textContent(".ms-reread"), /Updated after your delete/);
  assert.match(await query.locator(".ms-result-head").textContent(), new RegExp(`^${rows - 1} rows? from \\d+ buckets?`), "the result is the store as it is now");
  assert.deepEqual(problems, []);
  await context.close();
});

test("message store: Undo is off, and says why, while the store is too big to copy", async () => {
  const { page, problems, context } = await open("message-store", ".ms");
  const wl = page.locator(".ms-workload");
  await wl.getByLabel("Messages", { exact: true }).fill("30000");
  await wl.getByRole("button", { name: "Generate", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".ms-progress-text")?.textContent === "30 000 / 30 000");
  const undo = toolbar(page, "↶ Undo");
  assert.equal(await undo.isDisabled(), true);
  assert.match(await undo.getAttribute("title"), /Undo is off while the store holds more than 20 000 messages/);
  assert.match(await page.textContent(".ms-undo-note"), /Undo is off/);
  await page.keyboard.press("Control+z");
  // 30 000 generated, and the opening scenario's seven.
  assert.match(await page.textContent(".ms-total-rows"), /30 007/);
  assert.match(await page.textContent(".ms-summary"), /Rows stored \(deleted ones too, until compaction\)/);
  assert.deepEqual(problems, []);
  await context.close();
});
