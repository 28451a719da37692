// Browsing one linked shop on each platform, as a seller would: the shop's and the team's overviews, the products
// table (filter, sort, page, columns), a saved view, the category tree down to a leaf and its schema, and a product's
// details. What each platform's list can do comes from its capabilities, as in the portal itself.
import { expect, test, type Page } from "@playwright/test";
import { platform } from "@/lib/marketplaces/registry";
import { PLATFORM_IDS, PRODUCT_LIST_FIELDS } from "@/lib/marketplaces/types";
import { createTeam, linkShop, signUp, uniqueEmail } from "./helpers";

const rows = (page: Page) => page.getByTestId("products-row");
const rowIds = (page: Page) => rows(page).evaluateAll((found) => found.map((row) => row.getAttribute("data-row-id")));

for (const id of PLATFORM_IDS) {
  const { name, capabilities } = platform(id).metadata;

  test(`browse the ${name} shop: overviews, products, a saved view, categories, a product`, async ({ page }) => {
    await signUp(page, "Bea Browser", uniqueEmail(`browse-${id}`));
    await page.waitForURL("**/teams");
    const slug = await createTeam(page, `Browse ${name}`);
    await linkShop(page, slug, id);
    await page.getByTestId(`account-${id}`).getByTestId("open-shop").click();
    await expect(page.getByTestId("shop")).toHaveAttribute("data-platform", id);

    // The shop's overview counts its products by display status where the list can filter by it, else the total
    // alone; the team overview's card for the shop shows the same total.
    const chart = page.getByTestId("status-chart");
    await expect(chart).toBeVisible();
    const total = await chart.getAttribute("data-total");
    expect(Number(total)).toBeGreaterThan(0);
    const byStatus = capabilities.products.statusFilter;
    await expect(page.getByTestId("status-count").first()).toHaveCount(byStatus ? 1 : 0);
    await expect(page.getByTestId("status-chart-total-only")).toHaveCount(byStatus ? 0 : 1);
    await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Overview" }).click();
    const card = page.locator(`[data-testid="shop-card"][data-platform="${id}"]`);
    await expect(card.getByTestId("shop-card-counts")).toHaveAttribute("data-total", total!);
    await expect(card.getByRole("img")).toHaveCount(byStatus ? 1 : 0);
    await expect(card.getByTestId("shop-card-no-statuses")).toHaveCount(byStatus ? 0 : 1);
    await card.click();
    await expect(page.getByTestId("shop")).toHaveAttribute("data-platform", id);
    const prefetched: string[] = [];
    page.on("request", (request) => {
      if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
    });
    await page.getByRole("link", { name: "Products", exact: true }).click();

    // Paging: a full first page, another one after Next, and Back returns to the first.
    await expect(rows(page)).toHaveCount(25);
    // The rows' links are not prefetched: each prefetch would render the product page's layouts on the server.
    await page.waitForLoadState("networkidle");
    expect(prefetched.filter((path) => path.includes("/products/"))).toEqual([]);
    const first = await rowIds(page);
    await page.getByTestId("products-select-row").first().check();
    await page.getByTestId("products-next").click();
    await expect(page).toHaveURL(/[?&]page=2/);
    await expect(rows(page).first()).not.toHaveAttribute("data-row-id", first[0]!);
    // A selection belongs to the filters, not to the page: the row picked on page 1 is still selected on page 2.
    await expect(page.getByTestId("products-selection")).toContainText("1 row selected");
    await page.getByTestId("products-clear-selection").click();
    const second = await rowIds(page);
    expect(second.filter((rowId) => first.includes(rowId))).toEqual([]);
    await page.goBack();
    await expect(rows(page).first()).toHaveAttribute("data-row-id", first[0]!);
    await page.getByTestId("products-page-size").selectOption("50");
    await expect(rows(page)).toHaveCount(50);

    // Filtering by status where the platform's list can; the platform's own status shows beside the portal's.
    if (capabilities.products.statusFilter) {
      await page.getByTestId("products-filter-status").selectOption("online");
      await expect(page).toHaveURL(/[?&]status=online/);
      await expect(rows(page).first()).toBeVisible();
      await expect(page.getByTestId("products-skeleton")).toHaveCount(0);
      const statuses = await page.getByTestId("product-status").evaluateAll((found) => found.map((badge) => badge.getAttribute("data-status")));
      expect(new Set(statuses)).toEqual(new Set(["online"]));
      await expect(page.getByTestId("product-native-status").first()).not.toBeEmpty();
    } else {
      await expect(page.getByTestId("products-filter-status")).toHaveCount(0);
      await expect(page.getByTestId("products-unavailable-filters")).toContainText("display status");
    }

    // Searching by a word of the first row's title finds that row.
    const title = (await page.getByTestId("product-link").first().textContent())!;
    const word = title.split(" ").find((part) => /^[A-Za-z]{4,}$/.test(part))!;
    await page.getByTestId("products-filter-q").fill(word);
    await page.getByTestId("products-filter-q").press("Enter");
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await expect(page.getByTestId("product-link").first()).toContainText(word);
    // Only the rows wait for the platform: the toolbar stays, so the search box keeps its text and focus.
    await expect(page.getByTestId("products-filter-q")).toBeFocused();
    await expect(page.getByTestId("products-filter-q")).toHaveValue(word);

    // A column the platform's list would leave empty is not there, and the page says what the list leaves out.
    const { listFields } = capabilities.products;
    const shownAtFirst: readonly string[] = listFields.filter((field) => field !== "category"); // the category column starts hidden
    for (const field of PRODUCT_LIST_FIELDS) await expect(page.getByTestId(`products-header-${field}`)).toHaveCount(shownAtFirst.includes(field) ? 1 : 0);
    await expect(page.getByTestId("products-unlisted-fields")).toHaveCount(listFields.length < PRODUCT_LIST_FIELDS.length ? 1 : 0);

    // Sorting where the platform sorts both ways; elsewhere the header offers none.
    const modified = page.getByTestId("products-header-modified");
    if (capabilities.products.sorts.includes("modified_asc") && capabilities.products.sorts.includes("modified_desc")) {
      await modified.getByRole("button").click();
      await expect(page).toHaveURL(/[?&]sort=modified\.desc/);
      await expect(modified).toHaveAttribute("aria-sort", "descending");
    } else if (listFields.includes("modified")) {
      await expect(modified.getByRole("button")).toHaveCount(0);
    }

    // Choosing columns: the category column appears where the list has categories, else the image column goes; the
    // choice is in the URL.
    const chosen = listFields.includes("category") ? { column: "category", shown: true } : { column: "image", shown: false };
    const chosenHeader = page.getByTestId(`products-header-${chosen.column}`);
    await page.getByTestId("products-columns").click();
    await page.getByTestId(`products-column-${chosen.column}`).setChecked(chosen.shown);
    await expect(chosenHeader).toHaveCount(chosen.shown ? 1 : 0);
    await expect(page).toHaveURL(/[?&]cols=/);

    // A saved view keeps the filters and columns; loading it from a clean table brings them back.
    const viewUrl = new URL(page.url());
    await page.getByTestId("views-menu").click();
    await page.getByTestId("views-save").click();
    await page.getByTestId("views-save-name").fill("Search with categories");
    await page.getByTestId("views-save-confirm").click();
    await expect(page.getByTestId("views-error")).toHaveCount(0);
    await page.goto(viewUrl.pathname);
    await expect(chosenHeader).toHaveCount(chosen.shown ? 0 : 1);
    await page.getByTestId("views-menu").click();
    await page.getByTestId("views-menu-item").filter({ hasText: "Search with categories" }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
    await expect(chosenHeader).toHaveCount(chosen.shown ? 1 : 0);

    // A product's details, reached from the table.
    await page.getByTestId("product-link").first().click();
    await expect(page.getByTestId("product-detail")).toBeVisible();
    await expect(page.getByTestId("product-title")).toContainText(word);

    // The category tree, opened level by level down to a leaf, and that leaf's attribute schema.
    await page.getByRole("link", { name: "Categories", exact: true }).click();
    await expect(page.getByTestId("category-tree")).toBeVisible();
    let node = page.getByTestId("category-node").first();
    while ((await node.getAttribute("data-leaf")) !== "true") {
      await node.getByTestId("category-expand").first().click();
      node = node.getByTestId("category-node").first();
      await expect(node).toBeVisible();
    }
    const leafName = (await node.getByTestId("category-name").first().textContent())!;
    await node.getByTestId("category-schema-link").first().click();
    await expect(page.getByTestId("category-breadcrumbs")).toContainText(leafName);
    await expect(page.getByTestId("schema-attribute").first()).toBeVisible();
    await expect(page.getByTestId("schema-attribute-required").first()).toBeVisible();
    // An attribute required only when another has some value says so beside the condition.
    for (const required of await page.getByTestId("schema-attribute").filter({ has: page.getByTestId("schema-attribute-required") }).all()) {
      const conditional = (await required.getByTestId("schema-attribute-dependency").count()) > 0;
      await expect(required.getByTestId("schema-attribute-required")).toHaveText(conditional ? "Sometimes required" : "Required");
    }
  });
}

test("hand-edited addresses get a clear message and a usable page", async ({ page }) => {
  await signUp(page, "Ed Editor", uniqueEmail("edit"));
  await page.waitForURL("**/teams");
  const slug = await createTeam(page, "Hand Edits");
  await linkShop(page, slug, "allegro");
  await page.getByTestId("account-allegro").getByTestId("open-shop").click();
  await page.getByRole("link", { name: "Products", exact: true }).click();
  await page.waitForURL(/\/products$/);
  const products = page.url();

  await page.goto(`${products}?colour=red&status=sideways&page=99999`);
  await expect(page.getByTestId("products-query-problem-colour")).toContainText("no such filter");
  await expect(page.getByTestId("products-query-problem-status")).toBeVisible();
  await expect(page.getByTestId("products-page-query-problem-page")).toContainText("showing the last one");
  await expect(rows(page).first()).toBeVisible();

  await page.goto(`/t/${slug}/shops/not-a-shop-of-yours/products`);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Team" })).toBeVisible();
});
