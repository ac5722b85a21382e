// Hostile numbers through the real UI (issue 15): NaN, Infinity, -Infinity,
// 1e308, -0 and blanks typed into the numeric fields of every topic (SVM C,
// γ, degree and coef0; VPC ports and rule numbers; message-store counts and
// sizes; the pipeline's SLO, budget calculator and seed) get a clear message
// next to the field, and the value in force keeps working.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePages } from "./support.mjs";
import { BAD_NUMBERS, button, fieldError, assertReadable, typeInto } from "./hostile.helpers.mjs";

const site = sitePages();

const open = site.open;

/// Messages a person could not read, collected so that every field is
/// still tried before the test fails on them.
function unreadableList() {
  const list = [];
  return {
    check(message, what) {
      try {
        assertReadable(message, what);
      } catch (e) {
        list.push(e.message.split("\n")[0]);
      }
    },
    list,
  };
}

test("SVM: C, γ, degree and coef0 refuse NaN, infinities, 1e308, -0 and blanks in place, and the model in force keeps training", async () => {
  const { page, problems, context } = await open("svm", ".svm-canvas");
  await page.selectOption(".svm-kernel select", "polynomial");
  await page.getByLabel("Degree (1–10)", { exact: true }).waitFor();
  const status = () => page.textContent(".svm-status-text");
  const points = async () => Number((await page.getAttribute(".svm-canvas", "aria-label")).match(/(\d+) points?/)[1]);
  const slider = page.getByLabel(/^C on a log scale/);
  const before = { c: await slider.getAttribute("aria-valuetext"), status: await status() };
  assert.equal(before.c, "C = 1");
  assert.match(before.status, /^Converged/);
  const unreadable = unreadableList();
  const fields = [
    ["C", page.getByLabel("C", { exact: true }), "1", /^C must be (a number, such as 0\.5 or 1e-3|greater than 0 and at most 1e6 \(got .+\))$/],
    ["γ (gamma)", page.getByLabel("γ (gamma)", { exact: true }), "2", /^(γ \(gamma\) must be a number, such as 0\.5 or 1e-3|gamma must be greater than 0 and at most 1e6 \(got .+\))$/],
    ["Degree", page.getByLabel("Degree (1–10)", { exact: true }), "3", /^Degree must be (a whole number between 1 and 10|between 1 and 10 \(got .+\))$/],
    ["coef0", page.getByLabel("coef0", { exact: true }), "0", /^coef0 must be (a number, such as 0 or 1\.5|between -1e6 and 1e6 \(got .+\))$/],
  ];
  for (const [name, input, valid, pattern] of fields) {
    for (const value of BAD_NUMBERS) {
      await typeInto(input, value);
      await input.press("Enter");
      if (name === "coef0" && value === "-0") {
        // −0 is a fine coef0: it is 0.
        await page.waitForTimeout(100);
        assert.equal(await input.getAttribute("aria-invalid"), "false", "coef0 = -0 is taken as 0");
        continue;
      }
      await page.waitForFunction((el) => el.getAttribute("aria-invalid") === "true", await input.elementHandle());
      const message = await fieldError(input);
      assert.match(message, pattern, `${name} = ${JSON.stringify(value)}`);
      unreadable.check(message, `${name} = ${JSON.stringify(value)}`);
      // The value in force stays: the model is the one before.
      assert.match(await status(), /^Converged/, `${name} = ${JSON.stringify(value)}: the previous model stays`);
      if (name === "C") assert.equal(await slider.getAttribute("aria-valuetext"), "C = 1");
    }
    // With the bad text still in the field, the panel keeps training on clicks.
    const n = await points();
    const box = await page.locator(".svm-canvas").boundingBox();
    await page.mouse.click(box.x + box.width * (0.1 + 0.1 * fields.findIndex((f) => f[0] === name)), box.y + box.height * 0.1);
    await page.waitForFunction((k) => new RegExp(`^SVM plot: ${k} points`).test(document.querySelector(".svm-canvas").getAttribute("aria-label")), n + 1);
    assert.match(await status(), /^Converged/, `${name}: a new point trains with the value in force`);
    // A good value clears the message.
    await typeInto(input, valid);
    await input.press("Enter");
    await page.waitForFunction((el) => el.getAttribute("aria-invalid") === "false", await input.elementHandle());
  }
  assert.equal(await page.locator(".svm-kernel .field-error").count(), 0);
  assert.deepEqual(unreadable.list, [], "every message is readable");
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- VPC

const part = (page, name) => page.locator(`.vpc-diagram [role=button][aria-label^="${name}"]`);

test("VPC: ports and rule numbers refuse NaN, infinities, 1e308, -0 and blanks in place, and the layout in force keeps working", async () => {
  const { page, problems, context } = await open("vpc", ".vpc-diagram");
  const unreadable = unreadableList();
  const tracer = page.locator(".vpc-tracer");
  await tracer.getByLabel("Source").selectOption({ label: "Internet" });
  await tracer.getByLabel("Destination").selectOption({ label: "web-b" });
  await tracer.getByLabel("Port").fill("443");
  await button(page, "Trace").click();
  await page.waitForSelector(".vpc-verdict:has-text('web-b (TCP 443)')");
  const verdict = await page.textContent(".vpc-verdict");
  for (const value of BAD_NUMBERS) {
    const port = tracer.getByLabel("Port");
    await port.fill(value);
    await button(page, "Trace").click();
    const message = await fieldError(port);
    assert.match(message, value ? new RegExp(`^trace port: "${value}" is not a whole number; ports are 0 to 65535$`) : /^trace port: enter a port number from 0 to 65535$/);
    unreadable.check(message, `trace port ${value}`);
    assert.equal(await page.textContent(".vpc-verdict"), verdict, "the last trace stays");
  }

  const matrix = page.locator(".vpc-matrix");
  for (const value of BAD_NUMBERS) {
    await matrix.getByLabel("Port").fill(value);
    await button(page, "Show matrix").click();
    const message = await matrix.locator(".field-error").textContent();
    assert.match(message, value ? /^matrix port: ".*" is not a whole number; ports are 0 to 65535$/ : /^matrix port: enter a port number from 0 to 65535$/);
    unreadable.check(message, `matrix port ${value}`);
    assert.equal(await matrix.locator("button.vpc-cell").count(), 30, "the matrix in force stays");
  }

  // A network ACL rule: the rule number has no default, the ports default
  // to the range their placeholders show.
  const side = page.locator(".vpc-inspector");
  const field = (name) => side.getByLabel(name, { exact: true });
  await part(page, "ACL acl-default, network ACL of subnet-public-a").click();
  const rows = () => side.locator("table tbody tr").count();
  const ruleCount = await rows();
  const fill = async (num, from, to) => {
    await field("Rule #").fill(num);
    await field("From port").fill(from);
    await field("To port").fill(to);
    await button(side, "Add rule").click();
    return side.locator(".vpc-add .field-error").textContent();
  };
  for (const value of BAD_NUMBERS) {
    const message = await fill(value, "80", "80");
    assert.match(message, value ? new RegExp(`^rule number: "${value}" is not a whole number$`) : /^rule number: enter a whole number from 1 to 32766$/, `rule # ${JSON.stringify(value)}`);
    assert.equal(await field("Rule #").getAttribute("aria-invalid"), "true");
    unreadable.check(message, `rule number ${value}`);
    if (!value) continue;
    for (const [from, to, which] of [[value, "80", "from"], ["80", value, "to"]]) {
      const m = await fill("90", from, to);
      assert.equal(m, `${which} port: "${value}" is not a whole number`);
      unreadable.check(m, `${which} port ${value}`);
    }
  }
  assert.equal(await rows(), ruleCount, "no rule was added");
  // Blank ports take the range their placeholders show.
  assert.equal(await field("From port").getAttribute("placeholder"), "0");
  assert.equal(await field("To port").getAttribute("placeholder"), "65535");
  await field("Rule #").fill("91");
  await field("From port").fill("");
  await field("To port").fill("");
  await field("Direction").selectOption("Inbound");
  await button(side, "Add rule").click();
  await side.locator("tr", { hasText: /^91tcpall0\.0\.0\.0\/0allow/ }).waitFor();

  // A security group rule.
  await part(page, "SG sg-app, security group of instance app-a").click();
  const sgRows = await rows();
  for (const value of BAD_NUMBERS.filter(Boolean)) {
    for (const [from, to, which] of [[value, "443", "from"], ["443", value, "to"]]) {
      await field("From port").fill(from);
      await field("To port").fill(to);
      await field("CIDR").fill("10.0.0.0/16");
      await button(side, "Add rule").click();
      const m = await side.locator(".vpc-add .field-error").textContent();
      assert.equal(m, `${which} port: "${value}" is not a whole number`);
      assert.equal(await field("From port").getAttribute("aria-invalid"), "true");
    }
  }
  assert.equal(await rows(), sgRows, "no rule was added");
  await field("From port").fill("443");
  await field("To port").fill("443");
  await button(side, "Add rule").click();
  await page.locator(".vpc-matrix").getByRole("button", { name: /^web-a to app-a: reachable/ }).waitFor();

  // The tracer in force still traces.
  await tracer.getByLabel("Port").fill("80");
  await button(page, "Trace").click();
  await page.waitForSelector(".vpc-verdict:has-text('web-b (TCP 80)')");
  assert.equal(await tracer.getByLabel("Port").getAttribute("aria-invalid"), "false");
  assert.deepEqual(unreadable.list, [], "every message is readable");
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- Message store

test("message store: counts, sizes and ids refuse NaN, infinities, 1e308, -0 and blanks in place, and the values in force keep working", async () => {
  const { page, problems, context } = await open("message-store", ".ms");
  const unreadable = unreadableList();
  await page.click(".ms-compose details summary");
  // [card, field, what the message calls it, the button, a good value to end on]
  const cases = [
    ["compose", "Count", "Count", "Write burst", null],
    ["compose", "Spacing (ms)", "Spacing \\(ms\\)", "Write burst", null],
    ["query", "N (limit)", "N", "Run query", "50"],
    ["query", "Page size", "Page size", "Run query", "50"],
    ["timeline", "Days", "Bucket size \\(days\\)", "Set size", "10"],
    ["cluster", "Nodes", "Nodes", "Set nodes", "8"],
    ["cluster", "Replication factor", "Replication factor", "Set RF", "3"],
    ["upkeep", "Advance the clock by (seconds)", "Seconds", "Advance clock", "3600"],
    ["services", "Instances", "Data service instances", "Set", "4"],
    ["services", "Concurrent reads", "Concurrent reads", "Read at once", "100"],
    ["workload", "Seed", "Seed", "Generate", null],
    ["workload", "Messages", "Messages", "Generate", null],
    ["workload", "Channels", "Channels", "Generate", null],
  ];
  for (const [cls, label, called, submit, good] of cases) {
    const card = page.locator(`.ms-${cls}`);
    const input = card.getByLabel(label, { exact: true });
    const kept = await input.inputValue();
    for (const value of BAD_NUMBERS) {
      await input.fill(value);
      await button(card, submit).click();
      const message = await fieldError(input);
      const expected = value === "" ? `^${called}: enter a whole number$`
        : value === "-0" ? `^${called} cannot be negative \\(got -0\\)$`
        : `^${called} must be a whole number \\(got "${value}"\\)$`;
      assert.match(message, new RegExp(expected), `${label} = ${JSON.stringify(value)}`);
      unreadable.check(message, `${label} = ${JSON.stringify(value)}`);
    }
    await input.fill(good ?? kept);
    if (good) {
      await button(card, submit).click();
      await page.waitForFunction((el) => el.getAttribute("aria-invalid") === "false", await input.elementHandle());
    }
  }
  // The values in force work: a small workload, 8 nodes, a query, a burst of 1 000.
  const wl = page.locator(".ms-workload");
  await wl.getByLabel("Messages", { exact: true }).fill("1000");
  await wl.getByLabel("Channels", { exact: true }).fill("10");
  await button(wl, "Generate").click();
  await page.waitForFunction(() => /^1 000 \/ 1 000/.test(document.querySelector(".ms-workload .ms-progress-text")?.textContent ?? ""));
  await page.waitForFunction(() => document.querySelectorAll(".ms-node").length === 8);
  await button(page.locator(".ms-compose"), "Write burst").click();
  await page.waitForFunction(() => /1 000/.test(document.querySelector(".ms-compose .ms-done")?.textContent ?? ""));
  await button(page.locator(".ms-query"), "Run query").click();
  await page.waitForFunction(() => /^50 rows/.test(document.querySelector(".ms-query .ms-result-head")?.textContent ?? ""));
  assert.equal(await page.locator(".ms [aria-invalid=true]").count(), 0, "no field is left marked");
  assert.deepEqual(unreadable.list, [], "every message is readable");
  assert.deepEqual(problems, []);
  await context.close();
});

// ---- Pipeline

test("pipeline: the SLO, the budget calculator and the seed refuse NaN, infinities, 1e308, -0 and blanks in place, and the values in force stay", async () => {
  const { page, problems, context } = await open("pipeline", ".pl");
  const unreadable = unreadableList();
  const slo = page.locator(".pl-budget input");
  const budget = () => page.textContent(".pl-budget");
  assert.match(await budget(), /Remaining of the 30-day budget at 99\.9%/);
  for (const value of BAD_NUMBERS) {
    await slo.fill(value);
    await button(page, "Set SLO").click();
    const message = await fieldError(slo);
    assert.match(message, value === "" ? /^enter the availability target as a number of percent, e\.g\. 99\.9/ : /^the availability target must be above 0% and below 100%, to at most 6 decimals \(got .+\)$/, `SLO ${JSON.stringify(value)}`);
    unreadable.check(message, `SLO ${JSON.stringify(value)}`);
    assert.match(await budget(), /Remaining of the 30-day budget at 99\.9%/, "the SLO in force stays");
  }
  await slo.fill("99.95");
  await button(page, "Set SLO").click();
  await page.waitForSelector("text=Remaining of the 30-day budget at 99.95%");
  assert.equal(await slo.getAttribute("aria-invalid"), "false");

  const calc = page.locator(".pl-calc");
  for (const [label, pattern, blank] of [
    ["Availability target (%)", /^the availability target must be above 0% and below 100%, to at most 6 decimals \(got .+\)$/, /^enter a percentage such as 99\.99/],
    ["Good requests", /^good requests must be a whole number from 0 to \d+ \(got ".+"\)$/, /^enter the number of good requests$/],
    ["Total requests", /^total requests must be a whole number from 0 to \d+ \(got ".+"\)$/, /^enter the number of total requests$/],
  ]) {
    const input = calc.getByLabel(label);
    const kept = await input.inputValue();
    for (const value of BAD_NUMBERS) {
      await input.fill(value);
      const message = await fieldError(input);
      assert.match(message, value === "" ? blank : pattern, `${label} ${JSON.stringify(value)}`);
      unreadable.check(message, `${label} ${JSON.stringify(value)}`);
    }
    await input.fill(kept);
    assert.equal(await input.getAttribute("aria-invalid"), "false");
  }
  // The calculator opens at 99.95% (99.99% would give two tour bets away).
  assert.match(await calc.textContent(), /per year4\.38 h262\.8 min/, "the calculator works again");

  const seed = page.getByLabel("Health seed (later releases)");
  for (const value of BAD_NUMBERS) {
    await seed.fill(value);
    await button(page, "Set seed").click();
    const message = await fieldError(seed);
    assert.match(message, /^the seed is a whole number from 0 to \d+ \(got ".*"\)$/, `seed ${JSON.stringify(value)}`);
    unreadable.check(message, `seed ${JSON.stringify(value)}`);
  }
  await seed.fill("7");
  await button(page, "Set seed").click();
  await page.waitForSelector(".pl-seed .field-error", { state: "detached" });
  // A release still runs with the values in force.
  await button(page, "Start release").click();
  await button(page, "Run until blocked").click();
  assert.match(await page.textContent(".pl-status .badge"), /waiting for approval/);
  assert.deepEqual(unreadable.list, [], "every message is readable");
  assert.deepEqual(problems, []);
  await context.close();
});
