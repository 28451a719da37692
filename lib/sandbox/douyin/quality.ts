// product.qualityList: the shop's products with their quality score (base_score), whether they meet the
// standard, and how many problems are left to fix. The score follows from the product itself (missing
// required and optional properties, too few main pictures), so it stays the same from one run to the next.
import { z } from "zod";
import { unfilledRequired, type Product } from "../catalog";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { readParams, success } from "./errors";
import { shopRoute, type ShopSession } from "./session";
import { currentState, int64, integer } from "./values";

const schema = z.object({
  page: integer.pipe(z.number().min(1, "页数从1开始")),
  page_size: integer.pipe(z.number().min(1).max(100, "page_size 填写范围1~100")),
  // Deprecated but still required; the documentation says to send 9999999999.
  task_id: int64,
  product_id: int64.optional(),
  product_name: z.string().optional(),
  order_by: z.enum(["asc", "desc"]).default("desc"),
  diagnose_status: z.array(integer).optional(),
});

const MIN_PICTURES = 3;
const STANDARD_SCORE = 80;

function quality(session: ShopSession, product: Product) {
  const attributes = session.catalog.attributes.get(product.categoryId) ?? [];
  const requiredMissing = unfilledRequired(attributes, product.values).length;
  const optionalMissing = attributes.filter((attribute) => !attribute.required && !product.values[attribute.id]?.length).length;
  const fewPictures = product.images.length < MIN_PICTURES ? 1 : 0;
  const problems = [
    { type_name: "属性", num: requiredMissing + optionalMissing },
    { type_name: "主图", num: fewPictures },
  ].filter((problem) => problem.num > 0);
  const score = Math.max(0, 100 - 20 * requiredMissing - 4 * optionalMissing - 10 * fewPictures);
  return {
    product_id: BigInt(product.id),
    product_name: product.title.zh,
    problem_num_to_improve: problems.reduce((sum, problem) => sum + problem.num, 0),
    problem_type_distribution: problems,
    meet_standard: score >= STANDARD_SCORE ? 1 : 2,
    base_score: score,
  };
}

export function qualityRoutes(context: PlatformContext): Route[] {
  return [
    shopRoute(context, "/product/qualityList", (params, session) => {
      const input = readParams(schema, params, "isv.parameter-invalid:2030004");
      if (!input.ok) return input.reply;
      const query = input.value;
      const name = query.product_name?.toLowerCase();
      const listed = session.catalog.products
        .filter((product) => (query.product_id === undefined || product.id === query.product_id) && (!name || product.title.zh.toLowerCase().includes(name)))
        .filter((product) => currentState(context, session.seller.id, product).status !== 2)
        .map((product) => quality(session, product))
        // Diagnosis status: 1 to improve, 3 improved (2, under review after a fix, never happens here).
        .filter((item) => !query.diagnose_status || query.diagnose_status.includes(item.problem_num_to_improve > 0 ? 1 : 3))
        .sort((a, b) => (query.order_by === "asc" ? a.base_score - b.base_score : b.base_score - a.base_score));
      const start = (query.page - 1) * query.page_size;
      return success({ quality_list: listed.slice(start, start + query.page_size), total: listed.length });
    }),
  ];
}
