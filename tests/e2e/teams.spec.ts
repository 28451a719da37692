import { expect, test } from "@playwright/test";
import { createTeam, PASSWORD, signUp, uniqueEmail } from "./helpers";

test("sign up, create a team, invite a viewer who joins and meets the role's limits in the UI and the API", async ({ browser }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  const ownerEmail = uniqueEmail("owner");
  await signUp(owner, "Olga Owner", ownerEmail);
  await owner.waitForURL("**/teams");
  const slug = await createTeam(owner, "Lotus Trading");

  // The owner invites a viewer by link.
  await owner.goto(`/t/${slug}/members`);
  await owner.selectOption("#role", "viewer");
  await owner.getByTestId("create-invite").click();
  const link = await owner.getByTestId("invite-link").inputValue();
  expect(link).toContain("/invite/");

  // A second person, in a separate browser context, opens the link, signs up and joins.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  const viewerEmail = uniqueEmail("viewer");
  await viewer.goto(link);
  await expect(viewer.getByText("You are invited as")).toContainText("Viewer");
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.fill("#name", "Victor Viewer");
  await viewer.fill("#email", viewerEmail);
  await viewer.fill("#password", PASSWORD);
  await viewer.getByRole("button", { name: "Create account" }).click();
  await viewer.getByTestId("accept-invite").click();
  await viewer.waitForURL(`**/t/${slug}`);
  await expect(viewer.getByRole("heading", { name: "Lotus Trading" })).toBeVisible();

  // The link is single-use.
  await viewer.goto(link);
  await expect(viewer.getByTestId("invite-error")).toContainText("already been used");

  // In the UI: no member management and no audit log for a viewer.
  await viewer.goto(`/t/${slug}/members`);
  await expect(viewer.getByTestId("no-manage-notice")).toContainText("Viewer");
  await expect(viewer.getByTestId("role-select")).toHaveCount(0);
  await expect(viewer.getByTestId("create-invite")).toHaveCount(0);
  await viewer.goto(`/t/${slug}/audit`);
  await expect(viewer.getByText("cannot read the audit log")).toBeVisible();

  // In the API: the same limits, with the one error shape; another team's id answers 404.
  const invite = await viewer.request.post(`/api/teams/${slug}/invites`, { data: { role: "viewer" } });
  expect(invite.status()).toBe(403);
  expect((await invite.json()).error.message).toContain("Viewer");
  expect((await viewer.request.get(`/api/teams/${slug}/audit`)).status()).toBe(403);
  expect((await viewer.request.get(`/api/teams/${slug}/members`)).status()).toBe(200);
  expect((await viewer.request.get(`/api/teams/not-my-team/members`)).status()).toBe(404);

  // The owner promotes the viewer to admin; the viewer's UI follows.
  await owner.goto(`/t/${slug}/members`);
  await owner.getByTestId(`member-${viewerEmail}`).getByTestId("role-select").selectOption("admin");
  await expect(owner.getByTestId(`member-${viewerEmail}`).getByTestId("role-select")).toHaveValue("admin");
  await viewer.goto(`/t/${slug}/members`);
  await expect(viewer.getByTestId("create-invite")).toBeVisible();
  // Admins cannot hand out the owner role.
  await expect(viewer.locator("#role option[value=owner]")).toHaveCount(0);

  // The last owner can neither leave nor be demoted; the refusal shows where the owner acted.
  await owner.getByTestId("leave-team").click();
  await owner.getByTestId("leave-team-confirm").click();
  await expect(owner.getByTestId("member-error")).toContainText("last owner");

  // The audit log records the join and the role change.
  await owner.goto(`/t/${slug}/audit`);
  await expect(owner.getByTestId("audit").getByText("Joined through an invite").first()).toBeVisible();
  await expect(owner.getByTestId("audit").getByText("Changed a role").first()).toBeVisible();

  await ownerContext.close();
  await viewerContext.close();
});

test("bad input is answered where the user acted and changes nothing", async ({ page }) => {
  const email = uniqueEmail("taken");
  await signUp(page, "First", email);
  await page.waitForURL("**/teams");
  await page.getByTestId("sign-out").click();
  await page.waitForURL("**/sign-in");

  await signUp(page, "Second", email);
  await expect(page.getByTestId("email-error")).toContainText("already exists");

  await page.goto("/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", "not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Wrong email or password");

  await page.goto("/invite/this-token-does-not-exist-at-all-123");
  await expect(page.getByTestId("invite-error")).toContainText("not valid");
});
