// The pipeline stepper, driven as a person would: presets, the config editor
// and its errors, releases through a manual gate, a failed canary and its
// rollback, a gameday, saved configs, the GitHub Actions export, shared links,
// console errors and axe-core in light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";

const open = panelPages("pipeline", ".pl");

const button = (page, name) => page.getByRole("button", { name, exact: true });
const node = (page, id) => page.locator(`.pl-node:has(.pl-node-id:text-is("${id}"))`);
const outcome = (page) => page.textContent(".pl-status .badge");

async function editConfig(page, text) {
  await page.fill(".pl-textarea", text);
  // Validation is debounced; wait for the model to catch up with the text.
  await page.waitForTimeout(400);
}

test("each preset loads into the editor and the graph", async () => {
  const { page, problems, context } = await open();
  assert.equal(await page.locator(".pl-node").count(), 4);
  assert.match(await page.inputValue(".pl-textarea"), /service = "bookings"/);

  await button(page, "Monorepo").click();
  await page.waitForSelector('.pl-node-id:text-is("prod-eu-west")');
  assert.equal(await page.locator(".pl-node").count(), 6);
  assert.match(await page.inputValue(".pl-textarea"), /service = "web-monorepo"/);
  assert.match(await page.textContent(".pl-graph-box h2"), /web-monorepo/);
  assert.equal(await button(page, "Monorepo").getAttribute("aria-pressed"), "true");

  await button(page, "Broken cycle").click();
  await page.waitForSelector(".pl-errors li");
  assert.match(await page.textContent(".pl-errors"), /dependency cycle: staging → production → canary → staging/);
  assert.equal(await page.getAttribute(".pl-textarea", "aria-invalid"), "true");
  assert.match(await page.textContent(".pl-editor"), /the last valid pipeline stays in force/);
  assert.equal(await page.locator(".pl-node").count(), 6, "the last valid pipeline stays drawn");

  await button(page, "Airbnb-like").click();
  await page.waitForSelector('.pl-node-id:text-is("canary")');
  assert.equal(await page.locator(".pl-node").count(), 4);
  assert.equal(await page.getAttribute(".pl-textarea", "aria-invalid"), "false");
  assert.equal(await page.locator(".pl-errors").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("typing a cycle shows the error at its line; a huge paste is refused clearly", async () => {
  const { page, problems, context } = await open();
  const text = await page.inputValue(".pl-textarea");
  const cyclic = text.replace('depends_on = ["dev"]', 'depends_on = ["dev", "production"]');
  assert.notEqual(cyclic, text);
  await page.click(".pl-textarea");
  await editConfig(page, cyclic);
  const item = page.locator(".pl-errors li", { hasText: "dependency cycle" });
  await item.waitFor();
  const [, line, col] = (await item.textContent()).match(/line (\d+), col (\d+)/).map(Number);
  const lines = cyclic.split("\n");
  assert.match(lines[line - 1], /depends_on = \["dev", "production"\]/, `line ${line} is the edited one`);
  assert.equal(lines[line - 1].slice(col - 1).startsWith('"production"'), true, `column ${col} points at the dependency`);
  // The gutter marks that line; the textarea is invalid and described by the list.
  assert.ok((await page.locator(".pl-gutter .pl-err-line").allTextContents()).includes(String(line)));
  assert.equal(await page.getAttribute(".pl-textarea", "aria-invalid"), "true");
  const describedBy = await page.getAttribute(".pl-textarea", "aria-describedby");
  const errorsId = describedBy.split(" ").find((id) => id.endsWith("config-errors"));
  assert.match(await page.textContent(`#${errorsId}`), /dependency cycle/);
  // Clicking the error selects its place in the editor.
  await item.getByRole("button").click();
  const selected = await page.evaluate(() => {
    const t = document.querySelector(".pl-textarea");
    return [document.activeElement === t, t.value.slice(t.selectionStart, t.selectionEnd)];
  });
  assert.deepEqual(selected, [true, '"production"']);

  // Typing still works while errors are shown, and fixing the text clears them.
  await editConfig(page, text);
  await page.waitForFunction(() => !document.querySelector(".pl-errors"));

  await page.evaluate(() => {
    const t = document.querySelector(".pl-textarea");
    t.value = "#".repeat(1_200_000);
    t.dispatchEvent(new InputEvent("input", { bubbles: true }));
  });
  await page.waitForSelector(".pl-editor .field-error[role=alert]");
  assert.match(await page.textContent(".pl-editor .field-error[role=alert]"), /1200000 bytes; the limit is 1048576 bytes/);
  assert.match(await page.textContent(".pl-graph-box h2"), /bookings/, "the pipeline in force is kept");
  assert.deepEqual(problems, []);
  await context.close();
});

test("a release steps through the pipeline and waits for manual approval", async () => {
  const { page, problems, context } = await open();
  // Before anything runs, later targets are greyed with their reason.
  const prod = node(page, "production");
  assert.match(await prod.getAttribute("class"), /disabled/);
  await prod.focus();
  const tip = prod.locator(".pl-tip");
  assert.equal(await tip.isVisible(), true, "the reason shows on keyboard focus");
  assert.equal(await tip.textContent(), "waiting for canary to succeed");
  assert.equal(await prod.getAttribute("title"), "waiting for canary to succeed");
  assert.equal(await prod.getAttribute("aria-describedby"), await tip.getAttribute("id"));

  await button(page, "Start release").click();
  assert.match(await node(page, "dev").textContent(), /deploying/);
  for (let i = 0; i < 3; i++) await button(page, "Step 1 min").click();
  assert.match(await page.textContent(".pl-status"), /3 min/);
  await button(page, "Run until blocked").click();
  assert.match(await outcome(page), /waiting for approval/);
  assert.match(await prod.textContent(), /awaiting approval/);
  assert.equal(await page.locator(".pl-approvals li").count(), 1);
  assert.match(await page.textContent(".pl-approvals"), /production waits at its manual gate/);
  assert.match(await node(page, "canary").textContent(), /succeededv43/);
  // Charts carry a text alternative with the latest values.
  const alt = await page.getAttribute('.pl-chart:has-text("canary") [role=img]', "aria-label");
  assert.match(alt, /^canary health over \d+ samples.*error rate now [\d.]+% \(limit 1%\); p99 latency now \d+ ms \(limit 400 ms\)/);

  await prod.getByRole("button", { name: "Approve production" }).click();
  await page.selectOption(".pl-release select", "10");
  await page.getByRole("button", { name: "▶ Play" }).click();
  await page.waitForFunction(() => document.querySelector(".pl-status .badge")?.textContent === "succeeded", null, { timeout: 10000 });
  assert.match(await prod.textContent(), /succeededv43/);
  assert.match(await page.textContent(".pl-timeline"), /production: approved/);
  await page.getByRole("button", { name: "▶ Play" }).waitFor();
  assert.match(await page.textContent(".pl-status"), /dev v43 · staging v43 · canary v43 · production v43/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a bad build fails the canary and is rolled back; manual rollback shows a preview", async () => {
  const { page, problems, context } = await open();
  await page.check(".pl-release input[type=checkbox]");
  await button(page, "Start release").click();
  await button(page, "Run until blocked").click();
  assert.match(await outcome(page), /rolled back/);
  assert.match(await node(page, "canary").textContent(), /rolled back/);
  assert.match(await node(page, "dev").textContent(), /succeeded/, "dev did not see the bug");
  const timeline = await page.textContent(".pl-timeline");
  assert.match(timeline, /canary: health check failed: error rate [\d.]+% > 1%/);
  assert.match(timeline, /canary: canary aborted, weight back to 0%/);
  assert.match(timeline, /canary: rolled back to v42/);
  assert.match(await page.getAttribute(".pl-weight", "aria-label"), /canary: 0% of its traffic on v43/);

  // With a manual policy, the failed canary waits for a person.
  const text = await page.inputValue(".pl-textarea");
  await editConfig(page, text.replace('mode = "automatic"', 'mode = "manual"'));
  await button(page, "Start release").click();
  await button(page, "Run until blocked").click();
  assert.match(await outcome(page), /failed \(not rolled back\)/);
  assert.match(await page.textContent(".pl-release"), /canary failed in the last release and has not been rolled back/);
  await button(page, "⟲ Rollback…").click();
  const preview = await page.textContent(".pl-preview");
  assert.match(preview, /canary: v44 → v42 \(failed now, 0% of its traffic on v44\)/);
  assert.match(preview, /staging: v44 → v43/);
  await button(page, "Confirm rollback").click();
  assert.match(await outcome(page), /rolled back/);
  assert.match(await node(page, "staging").textContent(), /rolled back/);
  assert.equal(await page.locator(".pl-preview").count(), 0);

  // Cowboy mode: the bad build reaches every user at once.
  await page.check(".pl-release input[type=checkbox]");
  await button(page, "🤠 Cowboy deploy to production").click();
  assert.match(await page.textContent(".pl-banner"), /reaching 100% of users/);
  assert.match(await page.textContent(".pl-status"), /Users on a bad build now100%/);
  assert.match(await node(page, "production").textContent(), /succeededv45/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a gameday is injected, watched, classified, and repeats are flagged", async () => {
  const { page, problems, context } = await open();
  await page.click(".pl-drawer summary");
  const drawer = page.locator(".pl-drawer");
  const run = async (kind) => {
    await drawer.locator("select").first().selectOption({ label: kind });
    await button(page, "Inject failure").click();
    await drawer.locator(".pl-gameday-live").waitFor();
    assert.match(await drawer.textContent(), new RegExp(`Injected “${kind}” at minute 0`));
    await button(page, "Run until blocked").click();
    assert.match(await drawer.locator(".pl-gameday-live").textContent(), /Caught\. Caught at dev: error rate/);
    await drawer.getByLabel("Failure class").selectOption({ label: "config" });
    await drawer.getByLabel("Remediation").selectOption({ label: "validate configs in CI before they ship" });
    await button(page, "Classify and file").click();
  };
  await run("push an invalid config");
  assert.match(await drawer.textContent(), /Incident log \(1 filed, 0 repeats\)/);
  assert.match(await drawer.locator("tbody tr").first().textContent(), /config fits/);
  await run("push an invalid config");
  assert.match(await drawer.textContent(), /Incident log \(2 filed, 1 repeat\)/);
  assert.match(await drawer.textContent(), /Repeat incident: config failures already happened in incident #1/);
  assert.equal(await drawer.locator("tr.pl-repeat").count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("saved configs survive a reload, can be renamed and deleted; corrupt ones are skipped", async () => {
  const { page, problems, context } = await open();
  await button(page, "Monorepo").click();
  await page.fill(".pl-saved input", "my monorepo");
  await button(page, "Save editor text").click();
  await page.waitForSelector('.pl-saved-name:text-is("my monorepo")');
  await page.fill(".pl-saved form input", "my monorepo");
  await button(page, "Save editor text").click();
  assert.match(await page.textContent(".pl-saved .field-error"), /already called "my monorepo"/);
  await page.evaluate(() => localStorage.setItem("techshack-pipeline-config:garbled", "{not json"));

  await page.reload();
  await page.waitForSelector(".pl-saved");
  await page.waitForSelector('.pl-saved-name:text-is("my monorepo")');
  assert.match(await page.textContent(".pl-corrupt"), /Saved entry “garbled” could not be read .* and was skipped/);
  await button(page, "Airbnb-like").click();
  await page.waitForSelector('.pl-node-id:text-is("production")');
  await page.getByRole("button", { name: "Load my monorepo" }).click();
  await page.waitForSelector('.pl-node-id:text-is("prod-ap-south")');
  assert.match(await page.inputValue(".pl-textarea"), /service = "web-monorepo"/);

  await page.getByRole("button", { name: "Rename my monorepo" }).click();
  await page.getByLabel("New name for “my monorepo”").fill("regions");
  await button(page, "Save name").click();
  await page.waitForSelector('.pl-saved-name:text-is("regions")');
  assert.equal(await page.locator('.pl-saved-name:text-is("my monorepo")').count(), 0);
  await page.getByRole("button", { name: "Delete regions" }).click();
  await page.waitForSelector("text=Nothing saved yet.");
  await page.getByRole("button", { name: "Delete unreadable entry garbled" }).click();
  assert.equal(await page.locator(".pl-corrupt").count(), 0);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("techshack-pipeline-config:")));
  assert.deepEqual(keys, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the pipeline exports as a GitHub Actions workflow to copy or download", async () => {
  const { page, problems, context } = await open();
  await button(page, "Show workflow").click();
  const yaml = await page.inputValue(".pl-yaml");
  assert.match(yaml, /needs: \["canary"\]/);
  assert.match(yaml, /environment:/);
  assert.equal(await page.$eval(".pl-yaml", (t) => t.readOnly), true);
  await button(page, "Copy").click();
  await page.waitForSelector("text=Workflow copied");
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), yaml);
  const [download] = await Promise.all([page.waitForEvent("download"), button(page, "Download .yml").click()]);
  assert.equal(download.suggestedFilename(), "deploy-bookings.yml");
  const { readFile } = await import("node:fs/promises");
  assert.equal(await readFile(await download.path(), "utf8"), yaml);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a copied link reloads into the same config, seed and SLO", async () => {
  const { page, problems, context } = await open();
  const text = (await page.inputValue(".pl-textarea")).replace('service = "bookings"', 'service = "payments"');
  await editConfig(page, text);
  await page.waitForSelector('.pl-graph-box h2:has-text("payments")');
  await page.fill(".pl-budget input", "99.95");
  await button(page, "Set SLO").click();
  await page.waitForSelector("text=Remaining of the 30-day budget at 99.95%");
  await page.getByLabel("Health seed (later releases)").fill("x7");
  await button(page, "Set seed").click();
  assert.match(await page.textContent(".pl-seed .field-error"), /the seed is a whole number/);
  await page.getByLabel("Health seed (later releases)").fill("7");
  await button(page, "Set seed").click();
  await page.waitForSelector(".pl-seed .field-error", { state: "detached" });
  await page.click("text=Copy link");
  const link = await page.inputValue(".link-out");
  assert.match(link, /#\/pipeline\?s=2\./);

  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector(".pl");
  assert.equal(await fresh.inputValue(".pl-textarea"), text);
  assert.match(await fresh.textContent(".pl-graph-box h2"), /payments/);
  assert.equal(await fresh.inputValue(".pl-budget input"), "99.95");
  assert.equal(await fresh.getByLabel("Health seed (later releases)").inputValue(), "7");
  assert.equal(await fresh.locator(".notice").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("bad numbers in the budget tools get clear messages in place", async () => {
  const { page, problems, context } = await open();
  const calc = page.locator(".pl-calc");
  assert.match(await calc.textContent(), /per year4\.38 h262\.8 min/);
  await calc.getByLabel("Availability target (%)").fill("99.999");
  assert.match(await calc.textContent(), /per 30 days25\.92 s0\.432 min/);
  await calc.getByLabel("Good requests").fill("abc");
  assert.match(await calc.textContent(), /good requests must be a whole number/);
  assert.equal(await calc.getByLabel("Good requests").getAttribute("aria-invalid"), "true");
  await calc.getByLabel("Good requests").fill("2000000");
  assert.match(await calc.textContent(), /good requests \(2000000\) cannot exceed total requests \(1000000\)/);
  await page.fill(".pl-budget input", "100");
  await button(page, "Set SLO").click();
  assert.match(await page.textContent(".pl-budget .field-error"), /above 0% and below 100%/);
  assert.equal(await page.getAttribute(".pl-budget input", "aria-invalid"), "true");
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core finds no violations on the busy panel, light and dark", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const { page, problems, context } = await open({ colorScheme });
    await button(page, "Broken cycle").click();
    await page.waitForSelector(".pl-errors li");
    await button(page, "Airbnb-like").click();
    await button(page, "Start release").click();
    await button(page, "Run until blocked").click();
    await page.click(".pl-drawer summary");
    await page.click(".pl-docs summary");
    await button(page, "Show workflow").click();
    await button(page, "⟲ Rollback…").click();
    await button(page, "Comic").click();
    await page.waitForSelector(".comic svg");
    assert.match(await page.textContent(".comic"), /Deployer/);
    await editConfig(page, (await page.inputValue(".pl-textarea")).replace("[[targets]]", "[[targets]]\nnope = 1"));
    await page.waitForSelector(".pl-errors li");
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], colorScheme);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
