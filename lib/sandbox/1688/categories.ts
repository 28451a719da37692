// alibaba.category.get (0 for the first level; a category with its children) and alibaba.category.attribute.get
// (a leaf's attributes, with the cascade between them in attributeLevelMapStr).
import { z } from "zod";
import type { Attribute, Catalog, Category } from "../catalog";
import { jsonReply } from "../http";
import { long, readParams, type AopApi, type Refuse } from "./gateway";
import { aopValueId } from "./product-info";

const child = (category: Category) => ({ id: Number(category.id), name: category.name.zh, isLeaf: category.leaf, categoryType: "1" });

function categoryInfo(category: Category, catalog: Catalog) {
  return {
    categoryID: Number(category.id),
    name: category.name.zh,
    isLeaf: category.leaf,
    // "1688 only returns one parent id"; the first level's parent is 0. No level, no childIDs on 1688.
    parentIDs: [Number(category.parentId ?? 0)],
    childIDs: [],
    childCategorys: category.childIds.map((id) => child(catalog.categories.get(id)!)),
    minOrderQuantity: 1,
    featureInfos: [],
    categoryType: "1",
    isSupportProcessing: false,
  };
}

/** The tree's top, as asked with categoryID 0: no category of its own, the first level as its children. */
const rootInfo = (catalog: Catalog) => ({ categoryID: 0, name: "", isLeaf: false, parentIDs: [], childIDs: [], childCategorys: catalog.roots.map(child) });

// `succes` (sic) is a string in 1688's documentation, "true" or "false".
const categoryRefuse: Refuse = (code, message) => jsonReply(200, { succes: "false", categoryInfo: [], errorCode: code, errorMsg: message });
const attributeRefuse: Refuse = (code, message) => jsonReply(200, { success: false, attributes: [], errorCode: code, errorMsg: message });

const INPUT_TYPES: Record<Attribute["type"], { inputType: string; fieldType: string }> = {
  text: { inputType: "0", fieldType: "string" },
  number: { inputType: "-1", fieldType: "int" },
  single_enum: { inputType: "1", fieldType: "enum" },
  multi_enum: { inputType: "2", fieldType: "enum" },
};

function attributeInfo(attribute: Attribute, index: number, schema: readonly Attribute[]) {
  const condition = attribute.dependsOn;
  // The attributes each value of this one brings in.
  const childAttrs = (valueId: string) => schema.filter((other) => other.dependsOn?.attributeId === attribute.id && other.dependsOn.valueIds.includes(valueId)).map((other) => Number(other.id));
  return {
    attrID: Number(attribute.id),
    name: attribute.name.zh,
    // A dependent attribute is required only once its condition holds: parentAttrID and the cascade say when.
    required: attribute.required,
    units: attribute.unit ? [attribute.unit] : [],
    isSKUAttribute: attribute.name.en === "Colour",
    attrValues: (attribute.values ?? []).map((value) => ({ attrValueID: aopValueId(value.id), name: value.name.zh, enName: value.name.en, childAttrs: childAttrs(value.id), isSKU: false })),
    ...INPUT_TYPES[attribute.type],
    parentAttrID: condition ? condition.attributeId : "0",
    parentAttrValueID: condition ? String(aopValueId(condition.valueIds[0]!)) : "0",
    aspect: "0",
    isSpecPicAttr: false,
    firstLevel: !condition,
    attrType: "0",
    sort: index + 1,
    recommendAttr: false,
  };
}

/** `"<attribute>:<value>"` → the comma-separated attributes that value brings in. */
function levelMap(schema: readonly Attribute[]): Record<string, string> {
  const map: Record<string, string[]> = {};
  for (const attribute of schema) {
    for (const valueId of attribute.dependsOn?.valueIds ?? []) (map[`${attribute.dependsOn!.attributeId}:${aopValueId(valueId)}`] ??= []).push(attribute.id);
  }
  return Object.fromEntries(Object.entries(map).map(([key, ids]) => [key, ids.join(",")]));
}

const categorySchema = z.object({ categoryID: long });
const attributeSchema = z.object({ categoryID: long, webSite: z.literal("1688", 'this gateway serves the 1688 site only: webSite must be "1688"') });

export const categoryApis: Record<string, AopApi> = {
  // Public: 1688 answers it without a seller's token.
  "alibaba.category.get": {
    needsToken: false,
    required: ["categoryID"],
    handle: (params, { catalog }) => {
      const query = readParams(categorySchema, params, categoryRefuse);
      if (!query.ok) return query.reply;
      const id = query.value.categoryID;
      if (Number(id) === 0) return jsonReply(200, { succes: "true", categoryInfo: [rootInfo(catalog)] });
      const category = catalog.categories.get(id);
      if (!category) return categoryRefuse("CATEGORY_NOT_EXIST", `类目不存在: ${id}`);
      return jsonReply(200, { succes: "true", categoryInfo: [categoryInfo(category, catalog)] });
    },
  },
  "alibaba.category.attribute.get": {
    needsToken: true,
    required: ["categoryID", "webSite"],
    handle: (params, { catalog }) => {
      const query = readParams(attributeSchema, params, attributeRefuse);
      if (!query.ok) return query.reply;
      const id = query.value.categoryID;
      const category = catalog.categories.get(id);
      if (!category) return attributeRefuse("CATEGORY_NOT_EXIST", `类目不存在: ${id}`);
      if (!category.leaf) return attributeRefuse("CATEGORY_NOT_LEAF", `类目 ${id} 不是叶子类目，只有叶子类目才有发布属性`);
      const schema = catalog.attributes.get(id) ?? [];
      return jsonReply(200, { success: true, attributes: schema.map(attributeInfo), levelAttrRelList: [], attributeLevelMapStr: levelMap(schema) });
    },
  },
};
