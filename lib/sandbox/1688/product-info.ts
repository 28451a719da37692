// Catalog products as 1688's ProductInfo (the PHP SDK's AlibabaProductProductInfo): Chinese subject, Longs
// for ids, attribute values by value id, SKUs by colour, price ranges and dates in 1688's format.
import { createHash } from "node:crypto";
import { formatAopDate } from "../../marketplaces/1688/dates";
import { unfilledRequired, type Attribute, type Catalog, type Product } from "../catalog";
import type { DemoSeller, ProductNow } from "../shops";

/** 1688's own attribute id for colour as a SKU property (颜色, 3216 in its examples). */
const SKU_COLOUR_ATTRIBUTE = 3216;
/** Validity of a listing in days (periodOfValidity); an expiry date follows from it. */
const VALIDITY_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Catalog value ids (`<attribute id>_<n>`) as the Longs 1688 uses for attribute values. */
export function aopValueId(valueId: string): number {
  const separator = valueId.lastIndexOf("_");
  return Number(valueId.slice(0, separator)) * 100 + Number(valueId.slice(separator + 1));
}

function attributeEntries(attribute: Attribute, values: readonly string[]) {
  const common = { attributeID: Number(attribute.id), attributeName: attribute.name.zh, isCustom: false };
  if (attribute.type === "single_enum" || attribute.type === "multi_enum") {
    const names = new Map(attribute.values?.map((value) => [value.id, value.name.zh]));
    return values.map((valueId) => ({ ...common, valueID: aopValueId(valueId), value: names.get(valueId) ?? valueId }));
  }
  const unit = attribute.type === "number" && attribute.unit ? ` ${attribute.unit}` : "";
  return values.map((value) => ({ ...common, value: value + unit }));
}

/** 0–5 stars, from how completely the product's attributes are filled in; a missing required one costs two. */
function qualityLevel(attributes: readonly Attribute[], product: Product): number {
  if (!attributes.length) return 0;
  const filled = attributes.filter((attribute) => product.values[attribute.id]?.length).length;
  const penalty = unfilledRequired(attributes, product.values).length ? 2 : 0;
  return Math.max(0, Math.round((5 * filled) / attributes.length) - penalty);
}

export type ProductView = { product: Product; now: ProductNow; catalog: Catalog; seller: DemoSeller; origin: string };

export function productInfo({ product, now, catalog, seller, origin }: ProductView) {
  const attributes = catalog.attributes.get(product.categoryId) ?? [];
  const price = Number(product.price);
  const listed = now.status !== "new";
  return {
    productID: Number(product.id),
    productType: "wholesale",
    categoryID: Number(product.categoryId),
    categoryName: catalog.categories.get(product.categoryId)?.name.zh ?? "",
    attributes: attributes.flatMap((attribute) => attributeEntries(attribute, product.values[attribute.id] ?? [])),
    groupID: [],
    status: now.status,
    subject: product.title.zh,
    language: "CHINESE",
    periodOfValidity: VALIDITY_DAYS,
    bizType: 1,
    pictureAuth: false,
    image: { images: product.images.map((path) => origin + path) },
    skuInfos: product.variants.map((variant, index) => ({
      attributes: [{ attributeID: SKU_COLOUR_ATTRIBUTE, attributeValue: variant.colour.zh, attributeDisplayName: "颜色", attributeName: "颜色" }],
      cargoNumber: `${product.sellerSku}-${index + 1}`,
      amountOnSale: variant.stock,
      price: Number(variant.price),
      retailPrice: Number(variant.price),
      skuId: Number(`${product.id}${index + 1}`),
      specId: createHash("md5").update(variant.id).digest("hex"),
    })),
    saleInfo: {
      supportOnlineTrade: true,
      mixWholeSale: true,
      priceAuth: false,
      priceRanges: [{ startQuantity: 1, price }],
      amountOnSale: product.stock,
      unit: "件",
      minOrderQuantity: 1,
      quoteType: product.variants.length > 1 ? 1 : 0,
    },
    qualityLevel: qualityLevel(attributes, product),
    supplierLoginId: seller.login,
    productCargoNumber: product.sellerSku,
    referencePrice: price.toFixed(2),
    createTime: formatAopDate(product.createdAt),
    lastUpdateTime: formatAopDate(now.modifiedAt),
    modifyTime: formatAopDate(now.modifiedAt),
    approvedTime: listed ? formatAopDate(product.createdAt) : undefined,
    expireTime: listed ? formatAopDate(product.createdAt + VALIDITY_DAYS * DAY_MS) : undefined,
    bookedCount: product.sold,
  };
}
