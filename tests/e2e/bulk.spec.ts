// Bulk display-status changes as a seller makes them, on Allegro (asynchronous publication commands) and AliExpress
// (changes answered in the call): chosen rows, then every product matching a filter; the dry run, confirm, the job's
// page live to the end with per-item results, a retry of the failures, an undo, the CSV export and the team's jobs.
// The portal's own engine does the work, in the server process (instrumentation.ts).
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { platform } from "@/lib/marketplaces/registry";
import { createTeam, linkShop, signUp, uniqueEmail } from "./helpers";

/** Jobs of a few hundred products take seconds; Allegro's commands report after a delay. */
const JOB_TIMEOUT = 90_000;

const countOf = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-count"));

/** Waits on the job's page (the one in the address, not the page it came from) until the job has finished, and checks that every item shown is final. */
async function watchToEnd(page: Page): Promise<{ done: number; failed: number }> {
  const progress = page.getByTestId("job-progress");
  await expect(progress).toHaveAttribute("data-job", new URL(page.url()).pathname.split("/").at(-1)!);
  await expect(progress).toHaveAttribute("data-final", "true", { timeout: JOB_TIMEOUT });
  await expect(progress).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByTestId("job-count-pending")).toHaveAttribute("data-count", "0");
  // The item table is rendered again once the job is final.
  await expect(page.locator('[data-testid="job-item-state"]:is([data-state="pending"], [data-state="in_flight"])')).toHaveCount(0);
  await expect(page.getByTestId("job-items-row").first()).toBeVisible();
  return { done: await countOf(page, "job-count-done"), failed: await countOf(page, "job-count-failed") };
}

/** Opens the dry run for the selection, checks it against what was selected, confirms, and lands on the job's page. */
async function planAndConfirm(page: Page, target: "online" | "offline", selected: number): Promise<number> {
  await page.getByTestId(`bulk-set-${target}`).click();
  const dialog = page.getByTestId("bulk-plan");
  await expect(dialog.getByTestId("bulk-plan-change")).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId("bulk-error")).toHaveCount(0);
  const change = await countOf(page, "bulk-plan-change");
  const already = await countOf(page, "bulk-plan-already");
  const blocked = await countOf(page, "bulk-plan-blocked");
  expect(change + already + blocked).toBe(selected);
  expect(change).toBeGreaterThan(0);
  await dialog.getByTestId("bulk-confirm").click();
  await page.waitForURL(/\/jobs\/[^/?]+$/);
  await expect(page.getByTestId("job-state")).toBeVisible();
  return change;
}

async function filterOffline(page: Page, products: string) {
  await page.goto(`${products}?status=offline`);
  await expect(page.getByTestId("products-row").first()).toBeVisible();
}

for (const id of ["allegro", "aliexpress"] as const) {
  const { name } = platform(id).metadata;

  test(`bulk status changes on ${name}: rows and all matching, retry, undo, CSV`, async ({ page }) => {
    test.setTimeout(5 * 60_000);
    await signUp(page, "Otto Operator", uniqueEmail(`bulk-${id}`));
    await page.waitForURL("**/teams");
    const slug = await createTeam(page, `Bulk ${name}`);
    await linkShop(page, slug, id);
    await page.getByTestId(`account-${id}`).getByTestId("open-shop").click();
    await page.getByRole("link", { name: "Products", exact: true }).click();
    await page.waitForURL(/\/products$/);
    const products = page.url();

    // Chosen rows: three offline products, set online.
    await filterOffline(page, products);
    const rowCheckboxes = page.getByTestId("products-select-row");
    for (let index = 0; index < 3; index++) await rowCheckboxes.nth(index).check();
    await expect(page.getByTestId("products-action-bar")).toContainText("3 selected");
    expect(await planAndConfirm(page, "online", 3)).toBe(3);
    const rowsJob = await watchToEnd(page);
    expect(rowsJob.done + rowsJob.failed).toBe(3);
    await expect(page.getByTestId("job-items-row")).toHaveCount(3);
    await expect(page.getByTestId("job-state")).toHaveAttribute("data-state", "done");

    // All products matching the filter: every one of them is offline, so every one will change.
    await filterOffline(page, products);
    await page.getByTestId("products-select-page").check();
    await page.getByTestId("products-select-all-matching").click();
    const matching = Number((await page.getByTestId("products-action-bar").textContent())!.replace(/\D/g, ""));
    expect(matching).toBeGreaterThan(3);
    expect(await planAndConfirm(page, "online", matching)).toBe(matching);
    const jobUrl = page.url();
    const jobPath = new URL(jobUrl).pathname;
    const job = await watchToEnd(page);
    expect(job.done + job.failed).toBe(matching);
    expect(job.done).toBeGreaterThan(0);

    // Per-item results: the refusals, each with the platform's code, filtered through the URL.
    if (job.failed) {
      await page.getByTestId("job-items-filter-state").selectOption("failed");
      await expect(page).toHaveURL(/[?&]state=failed/);
      await expect(page.locator('[data-testid="job-item-state"]:not([data-state="failed"])')).toHaveCount(0);
      await expect(page.getByTestId("job-item-code").first()).not.toBeEmpty();

      // Retrying the failures is a job of its own; the platform refuses those products for what they are.
      await page.getByTestId("job-retry").click();
      await page.waitForURL((url) => url.pathname !== jobPath && /\/jobs\/[^/]+$/.test(url.pathname));
      const retry = await watchToEnd(page);
      expect(retry.done + retry.failed).toBe(job.failed);
      await expect(page.getByTestId("job-summary")).toContainText("Retry of failures");
      await page.goto(jobUrl);
    }

    // The CSV export: one line per product after the header.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("job-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^bulk-job-.+\.csv$/);
    const csv = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
    expect(csv[0]).toMatch(/^productId,title,previousStatus/);
    expect(csv).toHaveLength(matching + 1);

    // Undo, after confirming: every product the job changed goes back offline.
    await page.getByTestId("job-undo").click();
    await page.getByTestId("job-undo-confirm").click();
    await page.waitForURL((url) => url.pathname !== jobPath && /\/jobs\/[^/]+$/.test(url.pathname));
    await expect(page.getByTestId("job-summary")).toContainText("Undo");
    const undo = await watchToEnd(page);
    expect(undo).toEqual({ done: job.done, failed: 0 });

    // The team's jobs: the two changes, the retry if there was one, and the undo.
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page.getByTestId("jobs-list")).toBeVisible();
    await expect(page.getByTestId("job-row")).toHaveCount(job.failed ? 4 : 3);
    await expect(page.getByTestId("job-row-state").first()).toHaveAttribute("data-state", "done");
  });
}
