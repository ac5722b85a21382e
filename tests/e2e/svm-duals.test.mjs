// Every α on the canvas (issue 14, item 10): the point under the pointer or
// the keyboard cross shows its α, y·f(x), slack ξ and KKT case under the
// plot, and a table lists every point for keyboard and screen-reader users.
// Two points at (±0.5, 0) with the linear kernel have a known solution: the
// hard margin needs α = ‖w‖²/2 = 2 each, so with C = 1 both sit at the bound
// (α = 1, w = 1, y f = 0.5, ξ = 0.5) and with C = 10 both are free on the
// margin (α = 2, y f = 1, ξ = 0).
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";
import { at, importCsv, waitForStat } from "./svm.helpers.mjs";

const open = panelPages("svm", ".svm-canvas");
const TWO = "x,y,label\n-0.5,0,-1\n0.5,0,1\n";

async function twoPoints(page) {
  await page.selectOption(".svm-kernel select", "linear");
  await importCsv(page, TWO);
  await waitForStat(page, "Points", /^2$/);
}

const info = (page) => page.locator(".svm-point-info");

test("hovering a point shows its α, y·f(x), slack and case, and they follow C", async () => {
  const { page, problems, context } = await open();
  await twoPoints(page);
  assert.match(await info(page).textContent(), /^Point at a point, or move the keyboard cross onto it/);
  const [px, py] = await at(page, 0.5, 0);
  await page.mouse.move(px, py);
  await info(page).filter({ hasText: "Point 2, class +1 at (0.5, 0): α = 1 (C = 1), bounded support vector (α = C); y·f(x) = 0.5; slack ξ = 0.5." }).waitFor();

  const c = page.getByLabel("C", { exact: true });
  await c.fill("10");
  await c.press("Enter");
  await info(page).filter({ hasText: "Point 2, class +1 at (0.5, 0): α = 2 (C = 10), free support vector, on the margin (0 < α < C); y·f(x) = 1; slack ξ = 0." }).waitFor();

  // Away from every point the line keeps the last point it showed.
  const [ex, ey] = await at(page, 0, 0.8);
  await page.mouse.move(ex, ey);
  assert.match(await info(page).textContent(), /^Point 2,/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the keyboard cross shows the α of the point it reaches", async () => {
  const { page, problems, context } = await open();
  await twoPoints(page);
  await page.locator(".svm-canvas").focus();
  // The cross starts at (0, 0); ten steps of 0.05 to the left reach (−0.5, 0).
  for (let k = 0; k < 10; k++) await page.keyboard.press("ArrowLeft");
  await info(page).filter({ hasText: /^Point 1, class −1 at \(−0\.5, 0\): α = 1 \(C = 1\), bounded support vector/ }).waitFor();
  assert.equal(await info(page).getAttribute("aria-live"), "polite");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a table lists every point's α, support vectors first, and is axe-clean", async () => {
  const { page, problems, context } = await open();
  await twoPoints(page);
  const c = page.getByLabel("C", { exact: true });
  await c.fill("10");
  await c.press("Enter");
  // One more point, outside the margin (w = (2, 0), so y f = 1.8): α = 0.
  await importCsv(page, `${TWO}0.9,0.9,1\n`);
  await waitForStat(page, "Points", /^3$/);
  const table = page.locator(".svm-duals");
  assert.equal(await table.locator("table").count(), 0, "built only when opened");
  await page.getByText("Every point's α (table)").click();
  const rows = table.locator("tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(cells[2], ["3", "+1", "0", "1.8", "0", "not an SV"]);
  for (const row of cells.slice(0, 2)) assert.deepEqual(row.slice(2), ["2", "1", "0", "free SV"]);
  assert.match(await table.locator("caption").textContent(), /^α, y·f\(x\) and slack ξ of each point \(C = 10\)$/);
  // The scroller can be reached and scrolled from the keyboard.
  assert.equal(await table.locator("[role=region]").getAttribute("tabindex"), "0");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
