// The read cost model, as a person sees it: the incident tour's failing read
// with its estimated time, garbage, GC pause and threshold state; the Cost
// model section opened by keyboard and by touch, an assumption changed and
// the figures following it, bad values refused in place with the last good
// value kept; axe-core clean with the section open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";
import { button, card, fieldError, runQuery, writeMessage } from "./message-store.helpers.mjs";

const open = panelPages("message-store", ".ms");
const cost = (page, cls) => page.locator(`.ms-query .ms-cost-${cls} dd`).textContent();
/// The growth table's row for a tombstone count, cell by cell.
const growthRow = (page, tombstones) =>
  page.locator(".ms-cost-growth tbody tr").evaluateAll((rows, t) =>
    rows.map((r) => [...r.cells].map((c) => c.textContent)).find((cells) => cells[0] === t), tombstones);

test("the incident's failing read shows its cost, and the table the 20 s read and 10 s pause", async () => {
  const { page, problems, context } = await open();
  await page.click(".tour-menu summary");
  await page.click(".tour-menu li a:text-is('One live message after millions deleted')");
  // The read is the step's reveal: the reader bets, or asks to be shown.
  await button(page.getByRole("group", { name: "Your bet" }), "Show me").click();
  await page.locator(".ms-failure[role=alert]").waitFor();
  // 100 001 tombstones × (1 + 9) µs, × 500 B, under the 200 MB young generation.
  assert.equal(await cost(page, "time"), "1.0 s");
  assert.equal(await cost(page, "garbage"), "50.0 MB");
  assert.equal(await cost(page, "pause"), "0 µs");
  assert.equal(await cost(page, "threshold"), "failed: over 100 000 tombstones");
  assert.match(await card(page, "cost").textContent(), /Discord's 2017 read did not fail/);

  // Opened by keyboard: focus the summary and press Enter.
  const summary = page.locator(".ms-cost-model > summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator(".ms-cost-model[open]").count(), 1);
  // Tab goes on to the first assumption.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest(".ms-field")?.querySelector("label")?.textContent), "µs per row scanned");
  // The pause grows with tombstones; the incident's row lands on 20 s and 10 s.
  assert.deepEqual(await growthRow(page, "1 000 000"), ["1 000 000", "10.0 s", "500.0 MB", "3.7 s", "fails"]);
  assert.deepEqual(await growthRow(page, "2 000 000"), ["2 000 000", "20.0 s", "1.0 GB", "10.0 s", "fails"]);
  assert.deepEqual(await growthRow(page, "1 000"), ["1 000", "10.0 ms", "500.0 KB", "0 µs", "passes"]);

  // A slower tombstone doubles the incident's read, here and in the table.
  const extra = card(page, "cost-model").getByLabel("Extra µs per tombstone", { exact: true });
  await extra.fill("19");
  assert.equal(await cost(page, "time"), "2.0 s");
  assert.equal((await growthRow(page, "2 000 000"))[1], "40.0 s");
  assert.deepEqual(problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test("bad assumptions are refused in place and the figures keep the last good value", async () => {
  const { page, problems, context } = await open({ hasTouch: true });
  await writeMessage(page, { content: "hello" });
  await runQuery(page);
  await page.locator(".ms-query .ms-cost-time").waitFor();
  assert.equal(await cost(page, "threshold"), "under the warning (1 000 tombstones)");
  // Opened by touch.
  await page.locator(".ms-cost-model > summary").tap();
  const model = card(page, "cost-model");
  const gc = model.getByLabel("Stop-the-world GC speed (MB/s)", { exact: true });
  await gc.tap();
  await gc.fill("160");
  assert.equal((await growthRow(page, "2 000 000"))[3], "5.0 s");
  for (const [typed, message] of [
    ["-3", /GC speed \(MB\/s\) cannot be negative/],
    ["0", /must be at least 1/],
    ["5000000", /must be at most 1000000/],
    ["fast", /enter a whole number \(got "fast"\)/],
  ]) {
    await gc.fill(typed);
    assert.match(await fieldError(gc), message);
    assert.equal(await gc.inputValue(), typed, "what was typed stays to be corrected");
    assert.equal((await growthRow(page, "2 000 000"))[3], "5.0 s", "the last good value still counts");
  }
  await button(model, "Back to the 2017 calibration").tap();
  assert.equal(await gc.inputValue(), "80");
  assert.equal(await gc.getAttribute("aria-invalid"), "false");
  assert.equal((await growthRow(page, "2 000 000"))[3], "10.0 s");
  // Every knob refuses zero in place.
  for (const label of ["µs per row scanned", "Extra µs per tombstone", "Garbage per tombstone (bytes)", "Young generation (MB)"]) {
    const input = model.getByLabel(label, { exact: true });
    await input.fill("0");
    assert.match(await fieldError(input), /must be at least 1/);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
