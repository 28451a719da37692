// A platform's published OpenAPI 3.0 description as a response validator for tests: the YAML is read as it is,
// its schemas are turned into JSON Schema (draft-07) for Ajv, and an answer's body is checked against the schema
// the description gives for that path, method, status and media type.
//
// What OpenAPI 3.0 says differently from JSON Schema, and how it is read here:
// - `nullable: true` admits null (null joins an `enum` too); without it null is refused.
// - Keywords beside a `$ref` are ignored.
// - Boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) bound by `minimum`/`maximum`.
// - `discriminator` with a `mapping`: the value of its property picks the subtype the object must match, and only
//   the mapped values are accepted. Subtypes that extend the base (`allOf: [$ref base, ...]`) reach the base
//   without the dispatch, so validation does not loop.
// - Annotations (`example`, `xml`, `externalDocs`, `x-*`) are dropped; formats Ajv does not know are annotations.
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const SCHEMAS_POINTER = "#/components/schemas/";
const SPEC_ID = "openapi-spec";
/** Where the converted component schemas live inside the one schema Ajv is given. */
const DEFINITIONS = "#/definitions/";
const BASE_SUFFIX = "__base";
const DROPPED = new Set(["example", "xml", "externalDocs", "discriminator", "nullable"]);
const SUBSCHEMA = new Set(["items", "not", "additionalProperties"]);
const SUBSCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf"]);

export type ResponseCheck =
  | { documented: false; statuses: string[] }
  /** The status is described, but with no body schema in the answer's media type; `mediaTypes` lists those it has
   * (none: the status is described without a body). */
  | { documented: true; schema: null; mediaTypes: string[] }
  | { documented: true; schema: string; mediaType: string; valid: boolean; errors: string[] };

export type OpenApiSpec = {
  /** The raw document, as parsed. */
  document: Json;
  /** What the `paths` entry for a template such as `/sale/offers/{offerId}` describes for one answer, whose
   * `mediaType` is its Content-Type header. */
  check(method: string, pathTemplate: string, status: number, body: unknown, mediaType: string): ResponseCheck;
  /** A named component schema (`#/components/schemas/<name>`) applied to a value. */
  validate(schemaName: string, value: unknown): { valid: boolean; errors: string[] };
};

/** Names of component schemas a ref points to (`#/components/schemas/X` gives X). */
function refName(ref: unknown): string | null {
  return typeof ref === "string" && ref.startsWith(SCHEMAS_POINTER) ? decodeURIComponent(ref.slice(SCHEMAS_POINTER.length)) : null;
}

/** One OpenAPI Schema Object as JSON Schema; `baseOf` names the parents whose plain base a subtype refers to. */
function convert(node: unknown, baseOf: ReadonlySet<string> = new Set()): unknown {
  if (!isObject(node)) return node;
  if ("$ref" in node) {
    const name = refName(node.$ref);
    if (name === null) throw new Error(`unsupported $ref ${String(node.$ref)}`);
    return { $ref: `${SPEC_ID}${DEFINITIONS}${encodeURIComponent(baseOf.has(name) ? name + BASE_SUFFIX : name)}` };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-") || DROPPED.has(key)) continue;
    if (key === "properties" && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, convert(schema, baseOf)]));
    else if (SUBSCHEMA.has(key)) out[key] = convert(value, baseOf);
    else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) out[key] = value.map((schema) => convert(schema, baseOf));
    else if (key === "exclusiveMinimum" || key === "exclusiveMaximum") continue;
    else out[key] = value;
  }
  for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (node[flag] === true && typeof node[bound] === "number") {
      out[flag] = node[bound];
      delete out[bound];
    } else if (typeof node[flag] === "number") out[flag] = node[flag];
  }
  if (node.nullable !== true) return out;
  const plainType = typeof out.type === "string" && !["allOf", "anyOf", "oneOf", "not"].some((key) => key in out);
  if (!plainType) return { anyOf: [out, { type: "null" }] };
  return { ...out, type: [out.type, "null"], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
}

/** The dispatch a discriminator with a mapping asks for, as `if`/`then` on the property's value. */
function dispatch(name: string, discriminator: Json): Json[] {
  const property = String(discriminator.propertyName);
  const mapping = isObject(discriminator.mapping) ? discriminator.mapping : {};
  const values = Object.keys(mapping);
  return [
    { $ref: `${SPEC_ID}${DEFINITIONS}${encodeURIComponent(name + BASE_SUFFIX)}` },
    { required: [property], properties: { [property]: { enum: values } } },
    ...Object.entries(mapping).map(([value, ref]) => {
      const target = refName(ref);
      if (target === null) throw new Error(`${name}: unsupported discriminator mapping ${String(ref)}`);
      return { if: { properties: { [property]: { const: value } } }, then: { $ref: `${SPEC_ID}${DEFINITIONS}${encodeURIComponent(target)}` } };
    }),
  ];
}

function convertComponents(schemas: Json): Json {
  // Which parents each subtype extends: those refs must reach the parent's plain base.
  const parentsOf = new Map<string, Set<string>>();
  for (const [name, schema] of Object.entries(schemas)) {
    const discriminator = isObject(schema) && isObject(schema.discriminator) ? schema.discriminator : null;
    if (!discriminator || !isObject(discriminator.mapping)) continue;
    for (const ref of Object.values(discriminator.mapping)) {
      const target = refName(ref);
      if (target) parentsOf.set(target, new Set([...(parentsOf.get(target) ?? []), name]));
    }
  }
  const converted: Json = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const plain = convert(schema, parentsOf.get(name));
    const discriminator = isObject(schema) && isObject(schema.discriminator) && isObject(schema.discriminator.mapping) ? schema.discriminator : null;
    if (!discriminator) {
      converted[name] = plain;
      continue;
    }
    converted[name + BASE_SUFFIX] = plain;
    converted[name] = { allOf: dispatch(name, discriminator) };
  }
  return converted;
}

function collectFormats(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => collectFormats(item, found));
  else if (isObject(node)) {
    if (typeof node.format === "string") found.add(node.format);
    Object.values(node).forEach((value) => collectFormats(value, found));
  }
  return found;
}

const describeError = (error: ErrorObject) => `${error.instancePath || "(root)"} ${error.message ?? error.keyword}${error.params ? ` ${JSON.stringify(error.params)}` : ""}`;

/** The media type without parameters, lower-cased: `application/json;charset=UTF-8` gives `application/json`. */
const bareMediaType = (value: string) => value.split(";")[0]!.trim().toLowerCase();

export function loadOpenApi(file: string): OpenApiSpec {
  const document = parse(readFileSync(file, "utf8")) as Json;
  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.0")) throw new Error(`${file} is not an OpenAPI 3.0 description`);
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};

  // strict: an OpenAPI keyword that slipped through the conversion fails loudly instead of being ignored.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  addFormats(ajv);
  for (const format of collectFormats(schemas, collectFormats(document.paths, new Set()))) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
  }
  ajv.addSchema({ $id: SPEC_ID, definitions: convertComponents(schemas) });

  const compiled = new Map<string, ValidateFunction>();
  function validator(key: string, schema: () => unknown): ValidateFunction {
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(schema() as Json);
      compiled.set(key, validate);
    }
    return validate;
  }
  const run = (validate: ValidateFunction, value: unknown) => {
    const valid = validate(value) as boolean;
    return { valid, errors: (validate.errors ?? []).map(describeError) };
  };

  /** A Response Object, following a `$ref` into `components.responses`. */
  function response(value: unknown): Json | null {
    if (!isObject(value)) return null;
    if (typeof value.$ref !== "string") return value;
    const name = value.$ref.replace("#/components/responses/", "");
    const responses = isObject(components.responses) ? components.responses : {};
    return isObject(responses[name]) ? responses[name] : null;
  }

  return {
    document,
    check(method, pathTemplate, status, body, mediaType) {
      const paths = isObject(document.paths) ? document.paths : {};
      const item = paths[pathTemplate];
      const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
      if (!isObject(operation)) throw new Error(`the description has no ${method.toUpperCase()} ${pathTemplate}`);
      const responses = isObject(operation.responses) ? operation.responses : {};
      const described = response(responses[String(status)]);
      if (!described) return { documented: false, statuses: Object.keys(responses) };
      const content = isObject(described.content) ? described.content : {};
      const mediaTypes = Object.keys(content);
      const chosen = mediaTypes.find((type) => bareMediaType(type) === bareMediaType(mediaType));
      const entry = chosen === undefined ? undefined : content[chosen];
      if (!isObject(entry) || !isObject(entry.schema)) return { documented: true, schema: null, mediaTypes };
      const schema = entry.schema;
      const label = refName(schema.$ref) ?? `inline schema of ${method.toUpperCase()} ${pathTemplate} ${status}`;
      const validate = validator(`${method} ${pathTemplate} ${status} ${chosen}`, () => convert(schema));
      return { documented: true, schema: label, mediaType: chosen!, ...run(validate, body) };
    },
    validate(schemaName, value) {
      if (!(schemaName in schemas)) throw new Error(`the description has no schema ${schemaName}`);
      return run(validator(`#${schemaName}`, () => ({ $ref: `${SPEC_ID}${DEFINITIONS}${encodeURIComponent(schemaName)}` })), value);
    },
  };
}
