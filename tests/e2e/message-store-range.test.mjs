// Range tombstones and TTL (issue 14, item 6): a person deletes a channel's
// history with one range delete and reads one marker pair where row deletes
// read a tombstone per message, writes a message with a TTL that expires
// into tombstones, and has bad TTLs and bounds refused in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";
import { button, card, fieldError, num, runQuery, stat, writeMessage, SPARE_CHANNEL } from "./message-store.helpers.mjs";

const open = panelPages("message-store", ".ms");
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

test("bad TTLs are refused in place and nothing typed is lost; a TTL'd message expires into tombstones", async () => {
  const { page, problems, context } = await open();
  const compose = card(page, "compose");
  const ttl = compose.getByLabel("TTL (s), empty: never expires", { exact: true });
  const content = compose.getByLabel("Content", { exact: true });
  await compose.getByLabel("Channel ID", { exact: true }).fill(SPARE_CHANNEL);
  await content.fill("this one self-destructs");
  const cqlBefore = await card(page, "cql").textContent();
  for (const [typed, why] of [
    ["0", /0 would mean no TTL at all in CQL; leave it empty for a message that never expires/],
    ["630720001", /over Cassandra's maximum of 630720000 s \(20 years\)/],
    ["-5", /cannot be negative/],
    ["ten", /must be a whole number/],
  ]) {
    await ttl.fill(typed);
    await button(compose, "Write message").click();
    assert.match(await fieldError(ttl), why, typed);
    assert.equal(await ttl.inputValue(), typed, "the typed TTL stays for fixing");
    assert.equal(await content.inputValue(), "this one self-destructs");
  }
  assert.equal(await card(page, "cql").textContent(), cqlBefore, "no statement was written");

  // Fixed by keyboard: type a good TTL and press Enter on the button.
  await ttl.fill("60");
  await button(compose, "Write message").focus();
  await page.keyboard.press("Enter");
  await compose.locator(".ms-done").waitFor();
  assert.equal(await ttl.getAttribute("aria-invalid"), "false");
  assert.match(await card(page, "cql").textContent(), /'this one self-destructs'\) USING TTL 60 AND TIMESTAMP \d+;/);

  await runQuery(page, { channel: SPARE_CHANNEL });
  await page.locator(".ms-query .ms-stat-live").waitFor();
  assert.equal(num(await stat(page, "live")), 1);
  assert.equal(num(await stat(page, "tombstones")), 0);
  // An hour later the cells have expired: the read counts them as tombstones.
  await button(card(page, "upkeep"), "+1 hour").click();
  await page.waitForFunction(() => document.querySelector(".ms-query .ms-stat-live dd")?.textContent.trim() === "0");
  assert.equal(num(await stat(page, "tombstones")), 2, "author_id and content");

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a range delete leaves one tombstone that a read counts as two markers; bad bounds are refused", async () => {
  const { page, problems, context } = await open();
  for (const text of ["first", "second", "third"]) await writeMessage(page, { channel: SPARE_CHANNEL, content: text });
  const part = card(page, "partition");
  const newest = (await part.locator(".ms-id-pick").first().textContent()).trim();
  const bound = part.getByLabel("Delete history before message ID", { exact: true });
  const del = button(part, "Delete history (one range tombstone)");

  await bound.fill("12ab");
  await del.click();
  assert.match(await fieldError(bound), /must contain only digits/);
  await bound.fill("1");
  await del.click();
  assert.match(await fieldError(bound), /nothing in bucket \d+ lies before 1/);
  assert.equal(await bound.inputValue(), "1");
  assert.equal(await part.locator("tbody tr").count(), 3, "nothing was deleted");

  await bound.fill(newest);
  await del.focus();
  await page.keyboard.press("Enter");
  await part.locator(".ms-part-tomb", { hasText: `Range tombstone: message_id < ${newest}` }).waitFor();
  assert.equal(await part.locator("tbody tr").count(), 1, "the older rows are shadowed away");
  assert.match(await card(page, "cql").textContent(), new RegExp(`AND message_id < ${newest};`));

  await runQuery(page, { channel: SPARE_CHANNEL });
  await page.locator(".ms-query .ms-stat-live").waitFor();
  assert.equal(num(await stat(page, "live")), 1);
  assert.equal(num(await stat(page, "tombstones")), 2, "the open and close markers");

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("on a phone, the two deletes compare with their counts and read costs", async () => {
  const { page, problems, context } = await open(PHONE);
  const part = card(page, "partition");
  await part.locator("summary", { hasText: "Row by row or one range delete" }).tap();
  await button(part, "Compare the two deletes").tap();
  const result = part.locator(".ms-history-compare");
  await result.waitFor({ timeout: 30000 });
  const [rows, range] = (await result.textContent()).split("\n");
  assert.match(rows, /100.002 messages\): 100.001 row tombstones/);
  assert.match(rows, /counted 100.001 tombstones and was aborted: failed: over 100.000 tombstones; about [\d.]+ s and [\d.]+ MB of garbage/);
  assert.match(range, /counted 2 tombstones, its open and close markers: under the warning \(1.000 tombstones\); about \d+ µs/);
  // Nothing sticks out of a 390 px screen.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `page is ${wide} px wide`);
  assert.deepEqual(problems, []);
  await context.close();
});
