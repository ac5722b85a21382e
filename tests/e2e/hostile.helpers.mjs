// Helpers shared by the hostile-input e2e files (issue 15): the payloads a
// person might type or paste, a check that none of them turned into markup
// or ran, the field-error contract, a clipboard paste, and the page's long
// tasks.
import assert from "node:assert/strict";

/// Text that would run script or be evaluated if any of it reached the page,
/// the comic or an export as markup or as a template.
export const PAYLOADS = [
  `<img src=x onerror="window.__pwned=1">`,
  `<script>window.__pwned=1</script>`,
  `"><svg onload=window.__pwned=1>`,
  "${7*7}",
  "{{7*7}}",
];

/// The numbers (and non-numbers) typed into numeric fields.
export const BAD_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e308", "-0", ""];

export const button = (scope, name) => scope.getByRole("button", { name, exact: true });

/// Nothing ran, and no element in `scope` (the whole page by default, open
/// shadow roots included) came from a payload: no image, inline script,
/// iframe, nested svg or inline event handler.
export async function assertInert(page, scope = "html") {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "no payload ran");
  const found = await page.evaluate((sel) => {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll("*")) {
        const tag = el.tagName.toLowerCase();
        if (["img", "iframe", "object", "embed", "foreignobject"].includes(tag)) out.push(tag);
        if (tag === "script" && !el.src) out.push("inline script");
        if (tag === "svg" && el.parentElement?.closest("svg")) out.push("nested svg");
        for (const a of el.getAttributeNames()) if (/^on/i.test(a)) out.push(`${tag}[${a}]`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    for (const root of document.querySelectorAll(sel)) walk(root);
    return out;
  }, scope);
  assert.deepEqual(found, [], `injected elements in ${scope}`);
}

/// The message an invalid input points at: aria-invalid, and the element
/// its aria-describedby names.
export async function fieldError(input) {
  assert.equal(await input.getAttribute("aria-invalid"), "true", "the field is marked invalid");
  const ids = (await input.getAttribute("aria-describedby")) ?? "";
  assert.ok(ids, "an invalid field is described by its message");
  const texts = [];
  for (const id of ids.split(/\s+/).filter(Boolean)) {
    const el = input.page().locator(`[id="${id}"]`);
    if (await el.count()) texts.push(await el.textContent());
  }
  assert.ok(texts.length > 0, `aria-describedby="${ids}" names an element on the page`);
  return texts.join(" ");
}

/// A message a person can read: no run of 20 digits (a number printed in
/// full rather than as typed), no Rust or serde internals, and not too long.
export function assertReadable(message, what) {
  assert.doesNotMatch(message, /\d{25}/, `${what}: the number is echoed as typed, not as 300 digits: ${message.slice(0, 120)}…`);
  assert.doesNotMatch(message, /Serde|panicked|Err\(|Some\(/, `${what}: the decoder's or Rust's own words: ${message}`);
  assert.ok(message.length < 300, `${what}: a short message (${message.length} characters)`);
}

/// Starts recording long tasks (buffered, so one that began a moment ago
/// counts too). `longest()` gives the longest since the last `reset()`.
export async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  return {
    reset: () => page.evaluate(() => { window.__longtasks = []; }),
    longest: () => page.evaluate(() => Math.max(0, ...window.__longtasks)),
    all: () => page.evaluate(() => window.__longtasks.slice()),
  };
}

/// Puts `text` on the clipboard and pastes it into `selector` with Ctrl+V,
/// as a person does: the browser's own paste, with its paste event.
export async function clipboardPaste(page, selector, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus(selector);
  await page.keyboard.press("Control+V");
}

/// Whether `promise` settles within `ms`: a hung tab must fail the test
/// in time rather than hold it for minutes.
export async function within(ms, promise) {
  let timer;
  const late = new Promise((ok) => { timer = setTimeout(() => ok(false), ms); });
  const done = promise.then(() => true);
  done.catch(() => {}); // A failure after the deadline has nobody to tell.
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}

/// Types `text` key by key into `input` (after clearing it), as a person
/// does: a number input drops what the browser will not take.
export async function typeInto(input, text) {
  await input.fill("");
  if (text) await input.pressSequentially(text);
}
