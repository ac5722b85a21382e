// A copied pipeline link restores the whole session: the release in progress
// (which targets run what, the canary's weight), the budget spent and the
// gameday log. A tampered link opens the default panel with a notice.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages } from "./support.mjs";

const open = panelPages("pipeline", ".pl");
const button = (page, name) => page.getByRole("button", { name, exact: true });

// What a reader sees of the session, for comparing two pages.
async function seen(page) {
  await page.click(".pl-drawer summary");
  const parts = {};
  for (const sel of [".pl-graph-box", ".pl-status", ".pl-budget dl", ".pl-drawer table", ".pl-approvals"]) {
    parts[sel] = (await page.locator(sel).count()) ? await page.textContent(sel) : null;
  }
  await page.click(".pl-drawer summary");
  return parts;
}

test("a copied link restores the release in progress and the gameday log", async () => {
  const { page, problems, context } = await open();
  await page.click(".pl-drawer summary");
  const drawer = page.locator(".pl-drawer");
  await drawer.locator("select").first().selectOption({ label: "push an invalid config" });
  await button(page, "Inject failure").click();
  await button(page, "Run until blocked").click();
  await drawer.getByLabel("Failure class").selectOption({ label: "config" });
  await drawer.getByLabel("Remediation").selectOption({ label: "validate configs in CI before they ship" });
  await button(page, "Classify and file").click();
  assert.match(await drawer.textContent(), /Incident log \(1 filed, 0 repeats\)/);
  await page.click(".pl-drawer summary");
  // A good release into the canary's steps: dev and staging done, canary mid-way.
  await button(page, "Start release").click();
  for (let i = 0; i < 8; i++) await button(page, "Step 1 min").click();
  const before = await seen(page);
  assert.match(before[".pl-status"], /8 min/);

  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, /#\/pipeline\?s=2\./);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".pl");
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.deepEqual(await seen(fresh), before);
  await fresh.click(".pl-drawer summary");
  assert.match(await fresh.locator(".pl-drawer").textContent(), /Incident log \(1 filed, 0 repeats\)/);
  assert.deepEqual(problems, []);
  await context.close();
});

// Session(Preset(Airbnb), seed 1, 99.9%, [StartRelease{good}, Approve("ghost")]) in postcard.
function tamperedLink(base) {
  const slo = Buffer.alloc(8);
  slo.writeDoubleLE(99.9);
  const bytes = Buffer.concat([Buffer.from([2, 0, 0, 1]), slo, Buffer.from([2, 2, 0, 6, 5]), Buffer.from("ghost")]);
  return `${base}#/pipeline?s=2.${bytes.toString("base64url")}`;
}

test("a tampered link opens the default panel with a notice naming the bad step", async () => {
  const { page, problems, context } = await open();
  const base = page.url().split("#")[0];
  await page.goto(tamperedLink(base));
  await page.reload();
  await page.waitForSelector(".pl");
  const notice = page.locator(".notice");
  await notice.waitFor();
  assert.match(await notice.textContent(), /step 2 of the 2.*no target `ghost`/);
  assert.equal(await page.locator(".pl-node").count(), 4);
  assert.match(await page.textContent(".pl-status"), /no release yet/);
  assert.deepEqual(problems.filter((p) => !/notice/.test(p)), []);
  await context.close();
});
