// Snowflake anatomy (issue 14): a reader takes a message ID apart into its
// time, worker, process and increment (the Discord API docs' own example
// first), makes an ID from a time, and picks an ID straight from a partition.
import { test } from "node:test";
import assert from "node:assert/strict";
import { panelPages, axeViolations } from "./support.mjs";
import { button, card, fieldError, writeMessage } from "./message-store.helpers.mjs";

const open = panelPages("message-store", ".ms");

const part = (anatomy, name) => anatomy.locator(`.ms-anatomy-parts div:has(dt:text-is("${name}")) dd`).textContent();

test("the docs' example ID comes apart, bad IDs and times are refused in place", async () => {
  const { page, problems, context } = await open();
  const anatomy = card(page, "anatomy");
  const id = anatomy.getByLabel("Message ID", { exact: true });
  assert.equal(await id.inputValue(), "175928847299117063");
  assert.equal(await part(anatomy, "Created"), "2016-04-30 11:18:25.796 UTC");
  assert.equal(await part(anatomy, "Worker"), "1");
  assert.equal(await part(anatomy, "Process"), "0");
  assert.equal(await part(anatomy, "Increment"), "7");
  const bits = await anatomy.locator(".ms-bits span").allTextContents();
  assert.deepEqual(bits.map((b) => b.length), [42, 5, 5, 12]);
  assert.equal(bits.join(""), BigInt("175928847299117063").toString(2).padStart(64, "0"));

  await id.fill("12ab");
  assert.match(await fieldError(id), /must contain only digits/);
  assert.equal(await anatomy.locator(".ms-anatomy-parts").count(), 0);
  await id.fill("9223372036854775808");
  assert.match(await fieldError(id), /does not fit Cassandra's signed bigint/);

  // The smallest ID of a millisecond: what a read "before this time" asks for.
  const time = anatomy.getByLabel("Time (UTC)", { exact: true });
  await time.fill("2016-04-30 11:18:25.796");
  assert.equal(await anatomy.locator(".ms-anatomy-made output").textContent(), "175928847298985984");
  await button(anatomy, "Take it apart").click();
  assert.equal(await id.inputValue(), "175928847298985984");
  assert.equal(await part(anatomy, "Increment"), "0");
  await time.fill("2014-12-31 23:59");
  assert.match(await fieldError(time), /before the Discord epoch/);
  await time.fill("2016-02-30 10:00");
  assert.match(await fieldError(time), /not a real date/);

  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an ID picked in the partition is taken apart", async () => {
  const { page, problems, context } = await open();
  await writeMessage(page, { content: "what is my ID made of?" });
  const pick = card(page, "partition").locator(".ms-id-pick").first();
  const picked = (await pick.textContent()).trim();
  await pick.click();
  const anatomy = card(page, "anatomy");
  assert.equal(await anatomy.getByLabel("Message ID", { exact: true }).inputValue(), picked);
  const created = await part(anatomy, "Created");
  // The partition row prints the same time to the minute.
  const row = card(page, "partition").locator("tr", { has: page.locator(`.ms-id-pick:text-is("${picked}")`) });
  assert.ok((await row.textContent()).includes(created.replace(/:\d\d\.\d{3} UTC$/, " UTC")), created);
  assert.deepEqual(problems, []);
  await context.close();
});
