import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

export const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString("hex")}@example.com`;
export const PASSWORD = "correct horse battery";

export async function signUp(page: Page, name: string, email: string, next?: string) {
  await page.goto(next ? `/sign-up?next=${encodeURIComponent(next)}` : "/sign-up");
  await page.fill("#name", name);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function createTeam(page: Page, name: string): Promise<string> {
  await page.goto("/teams");
  await page.fill("#name", name);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

/** Links a shop on `platform` through the sandbox's consent page, from the team's accounts page. */
export async function linkShop(page: Page, slug: string, platform: string) {
  await page.goto(`/t/${slug}/accounts`);
  await page.getByTestId(`link-${platform}`).click();
  // The sandbox's consent page, on the platform's own authorize path.
  await page.getByTestId("sandbox-authorize").click();
  await page.waitForURL(`**/t/${slug}/accounts?linked=*`);
  await expect(page.getByTestId("linked-notice")).toBeVisible();
}
