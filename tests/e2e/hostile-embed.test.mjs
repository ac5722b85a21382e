// The embed API's edge cases (issue 15), through the page's own
// techshack-live.js on the site's embed example page, as README's Security
// section states them: mount(null, …), an unknown id and non-object options
// throw an Error at once; a state of another topic opens that topic's default
// with a notice; a non-string state and a non-function onChange are ignored;
// mounting twice into one element replaces the panel; unmount is idempotent
// and may come before ready; a throwing onChange is reported and the panel
// keeps working; `base` is used as given; a second panel of a topic is "… (2)".
// Panels whose controls a test uses are mounted with view "full" (compact, the
// default, folds them behind More: layouts.test.mjs covers that).
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePages, openPage } from "./support.mjs";
import { assertInert, assertReadable } from "./hostile.helpers.mjs";

const site = sitePages();

/// The embed example page, its three panels mounted, and an empty element
/// for each id in `slots`, appended to the post.
async function host(slots = []) {
  const opened = await openPage(site.browser, site.server.url);
  await opened.page.goto(`${site.server.url}embed-example.html`);
  await opened.page.waitForFunction(() => /^Mounted/.test(document.getElementById("embed-status")?.textContent), null, { timeout: 30000 });
  await opened.page.evaluate(async (ids) => {
    window.api = await import("./techshack-live.js");
    for (const id of ids) {
      const div = document.createElement("div");
      div.id = id;
      div.className = "slot";
      document.querySelector("main").append(div);
    }
  }, slots);
  return opened;
}

const plot = (page, slot) => page.locator(`#${slot} .svm-canvas`);

test("mount throws an Error at once for a missing element, an unknown id or options that are not an object", async () => {
  const { page, problems, context } = await host(["target"]);
  const results = await page.evaluate(() => {
    const el = document.getElementById("target");
    const attempt = (label, f) => {
      try {
        f();
        return { label, threw: false, children: el.childNodes.length };
      } catch (e) {
        return { label, threw: true, isError: e instanceof Error, message: e.message, children: el.childNodes.length };
      }
    };
    return [
      attempt("null", () => window.api.mount(null, "svm")),
      attempt("undefined", () => window.api.mount(undefined, "svm")),
      attempt("missing id", () => window.api.mount(document.getElementById("no-such-element"), "svm")),
      attempt("selector string", () => window.api.mount("#target", "svm")),
      attempt("text node", () => window.api.mount(document.createTextNode("x"), "svm")),
      attempt("unknown", () => window.api.mount(el, "nope")),
      attempt("hostile id", () => window.api.mount(el, `<img src=x onerror="window.__pwned=1">`)),
      attempt("id not a string", () => window.api.mount(el, 42)),
      attempt("options string", () => window.api.mount(el, "svm", "x")),
      attempt("options number", () => window.api.mount(el, "svm", 5)),
      attempt("options true", () => window.api.mount(el, "svm", true)),
      attempt("options function", () => window.api.mount(el, "svm", () => ({}))),
    ];
  });
  const by = Object.fromEntries(results.map((r) => [r.label, r]));
  for (const r of results) {
    assert.equal(r.threw, true, `${r.label} throws`);
    assert.equal(r.isError, true, `${r.label} throws an Error`);
    assert.equal(r.children, 0, `${r.label}: nothing is put in the element`);
    assertReadable(r.message, r.label);
  }
  for (const label of ["null", "missing id"]) {
    assert.match(by[label].message, /^Techshack Live mount: the first argument must be a DOM element, got null\. Is the element's id right/);
  }
  assert.match(by.undefined.message, /got undefined/);
  assert.match(by["selector string"].message, /got string/);
  assert.match(by["text node"].message, /got object/);
  assert.equal(by.unknown.message, 'Techshack Live mount: unknown topic "nope". Known topics: message-store, vpc, svm, pipeline.');
  assert.ok(by["hostile id"].message.includes(`unknown topic "<img src=x onerror="window.__pwned=1">"`));
  assert.match(by["id not a string"].message, /unknown topic "42"\. Known topics: message-store, vpc, svm, pipeline\./);
  for (const label of ["options string", "options number", "options true", "options function"]) {
    assert.equal(by[label].message, 'Techshack Live mount: options must be an object such as { base: "https://…/" }');
  }
  assert.deepEqual(await page.evaluate(() => window.api.topics()), ["message-store", "vpc", "svm", "pipeline"]);
  // null and undefined options are the defaults.
  const mounted = await page.evaluate(async () => {
    const out = [];
    for (const options of [null, undefined]) {
      const el = document.createElement("div");
      document.querySelector("main").append(el);
      const h = window.api.mount(el, "svm", options);
      await h.ready;
      out.push(h.topic);
      h.unmount();
    }
    return out;
  });
  assert.deepEqual(mounted, ["svm", "svm"]);
  await assertInert(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a state of another topic opens the default with a notice; a non-string state and a non-function onChange are ignored", async () => {
  const { page, problems, context } = await host(["vpc", "svm-other", "svm-odd"]);
  // A real VPC state, from the VPC panel's own onChange.
  await page.evaluate(async () => {
    window.vpcStates = [];
    const h = window.api.mount(document.getElementById("vpc"), "vpc", { view: "full", onChange: (s) => window.vpcStates.push(s) });
    await h.ready;
  });
  await page.locator("#vpc").getByRole("button", { name: "Single NAT", exact: true }).click();
  await page.waitForFunction(() => window.vpcStates.length > 0);
  const vpcState = await page.evaluate(() => window.vpcStates.at(-1));
  assert.match(vpcState, /^\d+\.[A-Za-z0-9_-]+$/);

  await page.evaluate(async (state) => {
    await window.api.mount(document.getElementById("svm-other"), "svm", { state }).ready;
  }, vpcState);
  const notice = page.locator("#svm-other .notice");
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /^Could not restore the shared state: .+\. Showing the default instead\./);
  assertReadable(text, "the notice");
  assert.match(await plot(page, "svm-other").getAttribute("aria-label"), /^SVM plot: 40 points/, "the topic's default");

  // Not a string, not a function: ignored, and the panel works as usual.
  await page.evaluate(async () => {
    window.oddPanel = window.api.mount(document.getElementById("svm-odd"), "svm", {
      state: { s: "2.AAAA" }, onChange: "window.__pwned = 1",
    });
    await window.oddPanel.ready;
  });
  await plot(page, "svm-odd").waitFor();
  assert.equal(await page.locator("#svm-odd .notice").count(), 0, "no notice for an ignored state");
  assert.match(await plot(page, "svm-odd").getAttribute("aria-label"), /^SVM plot: 40 points/);
  // Compact (the default): the data controls are behind More.
  await page.locator("#svm-odd").getByRole("button", { name: "More" }).click();
  await page.locator("#svm-odd").getByRole("button", { name: "Clear all points", exact: true }).click();
  await page.waitForFunction(() => /^SVM plot: 0 points/.test(document.querySelector("#svm-odd techshack-panel").shadowRoot.querySelector(".svm-canvas").getAttribute("aria-label")));
  await page.waitForTimeout(800);
  for (const state of [42, ["2.AAAA"], true]) {
    const ok = await page.evaluate(async (s) => {
      const el = document.createElement("div");
      document.querySelector("main").append(el);
      const h = window.api.mount(el, "svm", { state: s, onChange: 7 });
      await h.ready;
      const fine = !el.querySelector("techshack-panel").shadowRoot.querySelector(".notice");
      h.unmount();
      return fine;
    }, state);
    assert.equal(ok, true, `state ${JSON.stringify(state)} is ignored`);
  }
  await assertInert(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("mounting twice into one element replaces the panel, the old handle leaves the new one alone, and unmount twice is harmless", async () => {
  const { page, problems, context } = await host(["twice"]);
  const after = await page.evaluate(async () => {
    const el = document.getElementById("twice");
    const first = window.api.mount(el, "svm");
    await first.ready;
    const second = window.api.mount(el, "vpc", { view: "full" });
    await second.ready;
    const panels = () => [...el.querySelectorAll("techshack-panel")].map((p) => p.dataset.topic);
    const out = { replaced: panels() };
    first.unmount();
    first.unmount();
    out.afterOldUnmount = panels();
    window.second = second;
    return out;
  });
  assert.deepEqual(after.replaced, ["vpc"], "one panel: the new one");
  assert.deepEqual(after.afterOldUnmount, ["vpc"], "the old handle leaves the new panel");
  // The new panel works.
  await page.locator("#twice").getByRole("button", { name: "Single NAT", exact: true }).click();
  assert.equal(await page.locator("#twice").getByRole("button", { name: "Single NAT", exact: true }).getAttribute("aria-pressed"), "true");
  const end = await page.evaluate(() => {
    const el = document.getElementById("twice");
    window.second.unmount();
    let threw = null;
    try {
      window.second.unmount();
    } catch (e) {
      threw = e.message;
    }
    return { children: el.childNodes.length, threw };
  });
  assert.deepEqual(end, { children: 0, threw: null });
  // The element takes a new panel afterwards.
  await page.evaluate(async () => window.api.mount(document.getElementById("twice"), "svm").ready);
  await plot(page, "twice").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("unmounting before ready leaves the element empty, and ready still resolves", async () => {
  const { page, problems, context } = await host(["early-new", "early-loaded"]);
  // "pipeline" is not loaded by the example page yet; "svm" is.
  const results = await page.evaluate(async () => {
    const out = {};
    for (const [slot, topic] of [["early-new", "pipeline"], ["early-loaded", "svm"]]) {
      const el = document.getElementById(slot);
      const h = window.api.mount(el, topic);
      h.unmount();
      const resolved = await Promise.race([h.ready.then((v) => v === h), new Promise((r) => setTimeout(() => r("pending"), 20000))]);
      await new Promise((r) => setTimeout(r, 500));
      out[topic] = { resolved, children: el.childNodes.length };
    }
    return out;
  });
  assert.deepEqual(results, { pipeline: { resolved: true, children: 0 }, svm: { resolved: true, children: 0 } });
  // Nothing of the unmounted pipeline panel reached the page.
  assert.equal(await page.locator(".pl").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an onChange that throws is reported with console.error, and the panel keeps working and calling it", async () => {
  const { page, problems, context } = await host(["thrower"]);
  await page.evaluate(async () => {
    window.calls = 0;
    await window.api.mount(document.getElementById("thrower"), "svm", {
      view: "full",
      onChange: () => {
        window.calls += 1;
        throw new Error("the host page's bug");
      },
    }).ready;
  });
  const panel = page.locator("#thrower");
  const calls = () => page.evaluate(() => window.calls);
  // Three edits, each waited for: the panel answers, and calls onChange again.
  await panel.getByRole("button", { name: "Clear all points", exact: true }).click();
  await page.waitForFunction(() => window.calls >= 1);
  let seen = await calls();
  await panel.locator(".svm-kernel select").selectOption("rbf");
  await panel.locator(".svm-kernel input[type=checkbox]").waitFor();
  await page.waitForFunction((n) => window.calls > n, seen);
  seen = await calls();
  await panel.getByRole("button", { name: "Load preset", exact: true }).click();
  await page.waitForFunction(() => /^SVM plot: [1-9]\d* points/.test(document.querySelector("#thrower techshack-panel").shadowRoot.querySelector(".svm-canvas").getAttribute("aria-label")));
  await page.waitForFunction((n) => window.calls > n, seen);
  await page.waitForTimeout(300);
  const total = await calls();
  assert.ok(total >= 3, `onChange was called after each edit (${total} calls)`);
  for (const p of problems) {
    assert.match(p, /^console: Techshack Live: the page's onChange threw/, p);
  }
  assert.equal(problems.length, total, "each throw is reported once, and nothing else went wrong");
  await context.close();
});

test("base is used as given, and a second panel of one topic has a name of its own", async () => {
  const { page, problems, context } = await host(["based"]);
  // The example page's second and third panels are both SVMs.
  assert.equal(await page.getByRole("region", { name: "Live SVM margin visualizer", exact: true }).count(), 1);
  assert.equal(await page.getByRole("region", { name: "Live SVM margin visualizer (2)", exact: true }).count(), 1);
  await page.evaluate(async () => window.api.mount(document.getElementById("based"), "svm", { view: "full", base: "https://blog.example/techshack/" }).ready);
  const panel = page.locator("#based");
  await panel.getByRole("button", { name: "Copy link", exact: true }).click();
  const link = await panel.locator(".link-out").inputValue();
  assert.match(link, /^https:\/\/blog\.example\/techshack\/#\/svm\?s=\d+\./);
  assert.equal(await page.getByRole("region", { name: "Live SVM margin visualizer (3)", exact: true }).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a base that is not a string is ignored like the other options: links still point at the site", async () => {
  const { page, problems, context } = await host(["odd-base"]);
  await page.evaluate(async () => window.api.mount(document.getElementById("odd-base"), "svm", { view: "full", base: 42 }).ready);
  const panel = page.locator("#odd-base");
  await panel.getByRole("button", { name: "Copy link", exact: true }).click();
  const link = await panel.locator(".link-out").inputValue();
  // Not the host page's own address (embed-example.html), which has no panels to open.
  assert.ok(link.startsWith(`${site.server.url}#/svm?s=`), link);
  assert.deepEqual(problems, []);
  await context.close();
});
