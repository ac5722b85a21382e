// Helpers shared by the message-store e2e files: the panel's cards, its
// buttons and stats, and a person writing a message or running a query.
import assert from "node:assert/strict";

export const button = (scope, name) => scope.getByRole("button", { name, exact: true });
export const card = (page, cls) => page.locator(`.ms-${cls}`);
export const stat = (page, cls) => page.locator(`.ms-query .ms-stat-${cls} dd`).textContent();
export const num = (s) => Number(String(s).replace(/\s/g, ""));
/// The rows the panel opens with: its opening scenario's seven messages in
/// #playground, two of them deleted.
export const OPENING_ROWS = 7;
/// A channel of no scenario (created when #playground was), for tests that
/// want one to themselves.
export const SPARE_CHANNEL = "175928847299117064";

/// The error shown for an input: aria-invalid, and the message it points at.
export async function fieldError(input) {
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  const id = await input.getAttribute("aria-describedby");
  assert.ok(id, "an invalid field is described by its message");
  return input.page().locator(`[id="${id}"]`).textContent();
}

export async function writeMessage(page, { channel, content }) {
  const compose = card(page, "compose");
  if (channel) await compose.getByLabel("Channel ID", { exact: true }).fill(channel);
  await compose.getByLabel("Content", { exact: true }).fill(content);
  await button(compose, "Write message").click();
  await compose.locator(".ms-done").waitFor();
}

export async function runQuery(page, { channel, n = "50", before = "", pageSize = "50" } = {}) {
  const q = card(page, "query");
  if (channel) await q.getByLabel("Channel ID", { exact: true }).fill(channel);
  await q.getByLabel("N (limit)", { exact: true }).fill(n);
  await q.getByLabel("Before ID (empty: now)", { exact: true }).fill(before);
  await q.getByLabel("Page size", { exact: true }).fill(pageSize);
  await button(q, "Run query").click();
}
