import { expect, test } from "@playwright/test";
import { createTeam, linkShop, signUp, uniqueEmail } from "./helpers";

const PLATFORMS = ["alibaba", "1688", "aliexpress", "douyin", "allegro"] as const;

test("link one shop on each of the five platforms through their consent pages, see each healthy, unlink one", async ({ page }) => {
  await signUp(page, "Lina Linker", uniqueEmail("linker"));
  await page.waitForURL("**/teams");
  const slug = await createTeam(page, "Five Markets");

  const callbacks: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/oauth/")) callbacks.push(request.url());
  });

  for (const platform of PLATFORMS) {
    await linkShop(page, slug, platform);
    await expect(page.getByTestId(`account-${platform}`).getByTestId("account-health")).toHaveText("Active");
  }
  await expect(page.getByTestId("account-list").locator("> li")).toHaveCount(PLATFORMS.length);

  // A callback cannot be replayed: its state is spent.
  await page.goto(callbacks[0]!);
  await expect(page.getByTestId("error-message")).toContainText("already used");

  await page.goto(`/t/${slug}/accounts`);
  await page.getByTestId("account-allegro").getByTestId("unlink").click();
  await page.getByTestId("account-allegro").getByTestId("unlink-confirm").click();
  await expect(page.getByTestId("account-allegro")).toHaveCount(0);
  await expect(page.getByTestId("account-list").locator("> li")).toHaveCount(PLATFORMS.length - 1);

  await page.goto(`/t/${slug}/audit`);
  await expect(page.getByTestId("audit").getByText("Linked a shop").first()).toBeVisible();
  await expect(page.getByTestId("audit").getByText("Unlinked a shop").first()).toBeVisible();
});

test("a callback without a valid state is refused with a clear page and stores nothing", async ({ page }) => {
  await signUp(page, "Sam State", uniqueEmail("state"));
  await page.waitForURL("**/teams");
  const slug = await createTeam(page, "State Checks");
  await page.goto("/api/oauth/allegro/callback?code=abc");
  await expect(page.getByTestId("error-message")).toContainText("no state");
  await page.goto("/api/oauth/allegro/callback?code=abc&state=forged-state-value");
  await expect(page.getByTestId("error-message")).toContainText("unknown");
  await page.goto(`/t/${slug}/accounts`);
  await expect(page.getByText("No shops linked yet")).toBeVisible();
});
