// Hostile storage (issue 15): what the site keeps in localStorage — the
// theme and presenter choices (site.js, JSON under techshack-theme and
// techshack-presenter) and the pipeline's saved configs (JSON {"text": …}
// under techshack-pipeline-config:<name>) — is read as untrusted. Corrupt
// values fall back to the defaults (the theme silently, saved configs with a
// notice naming each unreadable entry); a full quota or storage turned off is
// said in place, and the config being edited is never lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sitePages, openPage, waitForApp } from "./support.mjs";
import { button, assertInert, fieldError } from "./hostile.helpers.mjs";

const PREFIX = "techshack-pipeline-config:";
const site = sitePages();

async function open(route, ready, init) {
  const opened = await openPage(site.browser, site.server.url);
  if (init) await opened.page.addInitScript(init);
  await opened.page.goto(`${site.server.url}#/${route}`);
  await waitForApp(opened.page);
  await opened.page.waitForSelector(ready);
  return opened;
}

async function reload(page, ready) {
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector(ready);
}

const themeButton = (page) => page.locator("[data-action=theme]");
const presenterButton = (page) => page.locator("[data-action=presenter]");

test("corrupt theme and presenter settings fall back to the defaults, and the buttons store good values again", async () => {
  const { page, problems, context } = await open("about", ".prose");
  const cases = [
    ["{not json", "{"],
    ['"purple"', '"yes"'],
    ["42", "1"],
    ["null", "null"],
    ['["dark"]', '{"on":true}'],
    [JSON.stringify(`<img src=x onerror="window.__pwned=1">`), JSON.stringify("<script>window.__pwned=1</script>")],
  ];
  for (const [theme, presenter] of cases) {
    await page.evaluate(([t, p]) => {
      localStorage.setItem("techshack-theme", t);
      localStorage.setItem("techshack-presenter", p);
    }, [theme, presenter]);
    await reload(page, ".prose");
    assert.equal(await themeButton(page).textContent(), "Theme: system", `theme ${theme}`);
    assert.equal(await page.getAttribute("html", "data-theme"), null);
    assert.equal(await presenterButton(page).getAttribute("aria-pressed"), "false", `presenter ${presenter}`);
    assert.equal(await page.getAttribute("html", "data-presenter"), null);
  }
  // The buttons work and overwrite the garbage with good values.
  await themeButton(page).click();
  assert.equal(await themeButton(page).textContent(), "Theme: dark");
  await presenterButton(page).click();
  assert.deepEqual(await page.evaluate(() => [localStorage.getItem("techshack-theme"), localStorage.getItem("techshack-presenter")]), ['"dark"', "true"]);
  await reload(page, ".prose");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  assert.equal(await presenterButton(page).getAttribute("aria-pressed"), "true");
  // A topic page opens under the stored look.
  await page.goto(`${site.server.url}#/svm`);
  await page.waitForSelector(".svm-canvas");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await assertInert(page);
  assert.deepEqual(problems, []);
  await context.close();
});

test("unreadable saved pipeline configs are named and skipped, hostile names stay text, and the good ones load", async () => {
  const { page, problems, context } = await open("pipeline", ".pl");
  const good = 'service = "from-storage"\n\n[[targets]]\nid = "prod"\nenvironment = "production"\n';
  const hostileName = `<img src=x onerror="window.__pwned=1">`;
  const entries = {
    good: JSON.stringify({ text: good }),
    "bad-toml": JSON.stringify({ text: "service = [oops" }),
    huge: JSON.stringify({ text: "#".repeat(1_200_000) }),
    "not-json": "{not json",
    number: "42",
    null: "null",
    "no-text": '{"txt":"service = \\"x\\""}',
    "text-number": '{"text":5}',
    array: "[1,2]",
    [hostileName]: "<script>window.__pwned=1</script>",
  };
  await page.evaluate(([prefix, all]) => {
    for (const [name, value] of Object.entries(all)) localStorage.setItem(prefix + name, value);
    localStorage.setItem("someone-else", "{");
  }, [PREFIX, entries]);
  await reload(page, ".pl-saved");
  await page.waitForSelector(".pl-corrupt");

  // Each unreadable entry is named, with why; its name is text.
  const why = {
    "not-json": "not JSON",
    number: "not an object",
    null: "not an object",
    "no-text": "it has no text",
    "text-number": "it has no text",
    array: "it has no text",
    [hostileName]: "not JSON",
  };
  const corrupt = await page.locator(".pl-corrupt li").allTextContents();
  assert.equal(corrupt.length, Object.keys(why).length, corrupt.join("\n"));
  for (const [name, reason] of Object.entries(why)) {
    assert.ok(corrupt.some((t) => t.startsWith(`Saved entry “${name}” could not be read (not a saved config (${reason})) and was skipped.`)), `${name}: ${corrupt.join("\n")}`);
  }
  assert.deepEqual(await page.locator(".pl-saved-name").allTextContents(), ["bad-toml", "good", "huge"]);

  // The good one loads; a config that does not parse loads as text with its
  // errors, the last valid pipeline staying in force.
  await page.getByRole("button", { name: "Load good" }).click();
  await page.waitForSelector('.pl-graph-box h2:has-text("from-storage")');
  await page.getByRole("button", { name: "Load bad-toml" }).click();
  await page.waitForSelector(".pl-errors li");
  assert.equal(await page.getAttribute(".pl-textarea", "aria-invalid"), "true");
  assert.match(await page.textContent(".pl-graph-box h2"), /from-storage/);
  // One too big for the editor is refused in place; nothing freezes for long.
  const t0 = Date.now();
  await page.getByRole("button", { name: "Load huge" }).click();
  await page.waitForSelector(".pl-editor .field-error");
  console.log(`loading a 1.2 MB saved config: refused after ${Date.now() - t0} ms`);
  assert.match(await page.textContent(".pl-editor .field-error"), /1200000 bytes; the limit is 1048576 bytes/);
  assert.match(await page.textContent(".pl-graph-box h2"), /from-storage/);

  // Unreadable entries can be deleted; the site's other keys are not touched.
  for (const name of Object.keys(why)) {
    await page.getByRole("button", { name: `Delete unreadable entry ${name}` }).click();
  }
  assert.equal(await page.locator(".pl-corrupt").count(), 0);
  const left = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), PREFIX);
  assert.deepEqual(left, ["bad-toml", "good", "huge"].map((n) => PREFIX + n));
  assert.equal(await page.evaluate(() => localStorage.getItem("someone-else")), "{");
  await assertInert(page);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await context.close();
});

/// Makes every localStorage write fail as a full quota does, until the page
/// sets `window.__quotaFull = false`.
function fullQuota() {
  const real = Storage.prototype.setItem;
  window.__realSetItem = (k, v) => real.call(localStorage, k, v);
  Storage.prototype.setItem = function setItem(k, v) {
    if (window.__quotaFull !== false) {
      throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${k}' exceeded the quota.`, "QuotaExceededError");
    }
    return real.call(this, k, v);
  };
}

test("a full storage quota is reported in place and the config being edited is kept", async () => {
  const { page, problems, context } = await open("pipeline", ".pl", fullQuota);
  await page.evaluate((prefix) => window.__realSetItem(`${prefix}seeded`, JSON.stringify({ text: 'service = "seeded"\n' })), PREFIX);
  await reload(page, ".pl-saved");
  await page.waitForSelector('.pl-saved-name:text-is("seeded")');

  // An edit, then a save that the browser refuses.
  const edited = (await page.inputValue(".pl-textarea")).replace('service = "bookings"', 'service = "edited-under-quota"');
  await page.fill(".pl-textarea", edited);
  await page.waitForSelector('.pl-graph-box h2:has-text("edited-under-quota")');
  const name = page.locator(".pl-saved form input");
  await name.fill("mine");
  await button(page, "Save editor text").click();
  assert.match(await fieldError(name), /^the browser refused to store it \(storage full or disabled\)$/);
  assert.equal(await name.inputValue(), "mine", "the name typed stays");
  assert.equal(await page.inputValue(".pl-textarea"), edited, "the config being edited stays");
  assert.match(await page.textContent(".pl-graph-box h2"), /edited-under-quota/);
  assert.deepEqual(await page.locator(".pl-saved-name").allTextContents(), ["seeded"]);

  // A rename is refused the same way, and the saved config keeps its name.
  await page.getByRole("button", { name: "Rename seeded" }).click();
  const rename = page.getByLabel("New name for “seeded”");
  await rename.fill("renamed");
  await button(page, "Save name").click();
  assert.match(await fieldError(rename), /storage full or disabled/);
  await button(page, "Cancel").click();
  assert.deepEqual(await page.locator(".pl-saved-name").allTextContents(), ["seeded"]);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}seeded`), JSON.stringify({ text: 'service = "seeded"\n' }));

  // The theme still changes for this visit.
  await themeButton(page).click();
  assert.equal(await themeButton(page).textContent(), "Theme: dark");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");

  // With room again, the same click saves the edited config.
  await page.evaluate(() => { window.__quotaFull = false; });
  await button(page, "Save editor text").click();
  await page.waitForSelector('.pl-saved-name:text-is("mine")');
  assert.equal(await name.getAttribute("aria-invalid"), "false");
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}mine`)).text, edited);
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await context.close();
});

/// localStorage that cannot be reached at all, as in some private modes.
function noStorage() {
  Object.defineProperty(window, "localStorage", {
    configurable: true,
    get() {
      throw new DOMException("The document is sandboxed and lacks the 'allow-same-origin' flag.", "SecurityError");
    },
  });
}

test("storage turned off is said where configs are saved, and the rest of the site works", async () => {
  const { page, problems, context } = await open("pipeline", ".pl", noStorage);
  assert.equal(await page.evaluate(() => { try { localStorage; return "reachable"; } catch { return "blocked"; } }), "blocked");
  await page.waitForSelector(".pl-saved .field-error");
  assert.match(await page.textContent(".pl-saved"), /this browser does not allow local storage here, so configs cannot be saved/);
  const edited = (await page.inputValue(".pl-textarea")).replace('service = "bookings"', 'service = "kept"');
  await page.fill(".pl-textarea", edited);
  await page.waitForSelector('.pl-graph-box h2:has-text("kept")');
  const name = page.locator(".pl-saved form input");
  await name.fill("mine");
  await button(page, "Save editor text").click();
  assert.match(await fieldError(name), /does not allow local storage here/);
  assert.equal(await page.inputValue(".pl-textarea"), edited, "the config being edited stays");
  await themeButton(page).click();
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await button(page, "Start release").click();
  assert.match(await page.textContent(".pl-node"), /deploying/);
  assert.deepEqual(problems, []);
  await context.close();
});
