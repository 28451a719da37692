// shop.getShopCategory (cid 0 for the first level, then each level's children until is_leaf) and
// product.getCatePropertyV2 (a leaf category's properties).
import { z } from "zod";
import type { Category } from "../catalog";
import type { PlatformContext } from "../platform";
import type { Route } from "../router";
import { readParams, refuse, success } from "./errors";
import { categoryProperty } from "./properties";
import { shopRoute } from "./session";
import { int64 } from "./values";

const shopCategorySchema = z.object({ cid: int64 });
const propertiesSchema = z.object({ category_leaf_id: int64 });

const categoryAnswer = (category: Category) => ({
  id: Number(category.id),
  name: category.name.zh,
  level: category.level,
  parent_id: Number(category.parentId ?? 0),
  is_leaf: category.leaf,
  enable: true,
});

export function categoryRoutes(context: PlatformContext): Route[] {
  return [
    // The answer's data is the list itself, not an object holding it.
    shopRoute(context, "/shop/getShopCategory", (params, { catalog }) => {
      const input = readParams(shopCategorySchema, params);
      if (!input.ok) return input.reply;
      const cid = input.value.cid;
      if (cid === "0") return success(catalog.roots.map(categoryAnswer));
      const parent = catalog.categories.get(cid);
      if (!parent) return refuse({ code: 40004, subCode: "isv.parameter-invalid:2012004", subMsg: "参数错误" });
      return success(parent.childIds.map((id) => categoryAnswer(catalog.categories.get(id)!)));
    }),
    shopRoute(context, "/product/getCatePropertyV2", (params, { catalog }) => {
      const input = readParams(propertiesSchema, params);
      if (!input.ok) return input.reply;
      const leafId = input.value.category_leaf_id;
      const attributes = catalog.categories.get(leafId)?.leaf ? catalog.attributes.get(leafId) : undefined;
      if (!attributes) return refuse({ code: 40004, subCode: "isv.parameter-invalid:2010003", subMsg: "当前类目不存在，请重新选择类目" });
      return success({ data: attributes.map((attribute, index) => categoryProperty(attribute, leafId, index)), tpl_type: 0 });
    }),
  ];
}
