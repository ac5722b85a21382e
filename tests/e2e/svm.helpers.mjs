// Helpers shared by the SVM e2e files: the panel's buttons and readouts,
// pointer positions on the plot, CSV imports and point clouds.

export const button = (page, name) => page.getByRole("button", { name, exact: true });
export const stat = (page, term) => page.locator(`.svm-stats div:has(dt:text-is("${term}")) dd`).textContent();
export const status = (page) => page.textContent(".svm-status-text");
export const pixels = (page) => page.$eval(".svm-canvas", (c) => c.toDataURL());

/// The page position of data point (x, y); the plot spans [-1, 1]².
export async function at(page, x, y) {
  await page.locator(".svm-canvas").scrollIntoViewIfNeeded();
  const box = await page.locator(".svm-canvas").boundingBox();
  return [box.x + ((x + 1) / 2) * box.width, box.y + ((1 - y) / 2) * box.height];
}

export async function clickAt(page, x, y, options = {}) {
  const [px, py] = await at(page, x, y);
  await page.mouse.click(px, py, options);
}

/// Puts CSV text in the import box as one input event: `fill` types a big
/// file far more slowly than a paste arrives.
export async function pasteCsv(page, text) {
  await page.evaluate((t) => {
    const box = document.querySelector(".svm-csv textarea");
    box.value = t;
    box.dispatchEvent(new InputEvent("input", { bubbles: true }));
  }, text);
}

export async function importCsv(page, text) {
  await page.fill(".svm-csv textarea", text);
  await button(page, "Import").click();
}

export async function waitForStat(page, term, pattern) {
  await page.waitForFunction(
    ([t, src]) => {
      const dd = [...document.querySelectorAll(".svm-stats div")].find((d) => d.querySelector("dt")?.textContent === t)?.querySelector("dd");
      return dd && new RegExp(src).test(dd.textContent);
    },
    [term, pattern.source],
  );
}

/// `n` points in two overlapping clouds, seeded, as CSV rows.
export function cloud(n) {
  let s = 12345;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const rows = ["x,y,label"];
  for (let i = 0; i < n; i++) {
    const label = i % 2 ? 1 : -1;
    const x = Math.max(-0.98, Math.min(0.98, label * 0.25 + gauss() * 0.3));
    const y = Math.max(-0.98, Math.min(0.98, label * 0.2 + gauss() * 0.3));
    rows.push(`${x.toFixed(3)},${y.toFixed(3)},${label}`);
  }
  return rows;
}
