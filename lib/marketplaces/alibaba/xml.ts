// A small, strict XML reader for ICBU's publish-rule schema: elements, attributes, text, CDATA, comments and
// processing instructions, the five predefined entities and character references. Anything else (a DOCTYPE, an
// unknown entity, a tag that does not close) is refused rather than guessed at, so no entity expansion can happen.

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

export class XmlError extends Error {}

const NAME = /[A-Za-z_][-A-Za-z0-9_.:]*/y;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const MAX_DEPTH = 64;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlError("a bare & must be written &amp;");
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new XmlError(`unknown entity ${match}`);
    return known;
  });
}

export function parseXml(source: string): XmlElement {
  let at = 0;

  const fail = (problem: string): never => {
    throw new XmlError(`${problem} at character ${at}`);
  };
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const skipPast = (end: string) => {
    const found = source.indexOf(end, at);
    if (found < 0) fail(`no closing ${end}`);
    at = found + end.length;
  };
  const name = () => {
    NAME.lastIndex = at;
    const found = NAME.exec(source);
    if (!found) return fail("a name was expected");
    at = NAME.lastIndex;
    return found[0];
  };
  /** Comments, processing instructions and white space, which may stand between elements. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<!--", at)) skipPast("-->");
      else if (source.startsWith("<?", at)) skipPast("?>");
      else return;
    }
  };

  function attributes(): Record<string, string> {
    const found: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith("/>", at) || source.startsWith(">", at)) return found;
      const key = name();
      skipSpace();
      if (source[at] !== "=") fail(`attribute ${key} has no value`);
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") return fail(`attribute ${key} is not quoted`);
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail(`attribute ${key} does not end`);
      const raw = source.slice(at + 1, end);
      if (raw.includes("<")) fail(`attribute ${key} contains <`);
      if (Object.hasOwn(found, key)) fail(`attribute ${key} is repeated`);
      found[key] = decode(raw);
      at = end + 1;
    }
  }

  function element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) fail("the elements nest too deeply");
    if (source[at] !== "<") fail("an element was expected");
    at++;
    const node: XmlElement = { name: name(), attributes: attributes(), children: [], text: "" };
    if (source.startsWith("/>", at)) {
      at += 2;
      return node;
    }
    at++;
    for (;;) {
      if (at >= source.length) fail(`<${node.name}> does not close`);
      if (source.startsWith("</", at)) {
        at += 2;
        if (name() !== node.name) fail(`</${node.name}> was expected`);
        skipSpace();
        if (source[at] !== ">") fail("> was expected");
        at++;
        return node;
      }
      if (source.startsWith("<![CDATA[", at)) {
        const end = source.indexOf("]]>", at);
        if (end < 0) fail("CDATA does not end");
        node.text += source.slice(at + 9, end);
        at = end + 3;
      } else if (source.startsWith("<!--", at) || source.startsWith("<?", at)) {
        skipMisc();
      } else if (source.startsWith("<!", at)) {
        fail("declarations are not accepted");
      } else if (source[at] === "<") {
        node.children.push(element(depth + 1));
      } else {
        const end = source.indexOf("<", at);
        node.text += decode(source.slice(at, end < 0 ? source.length : end));
        at = end < 0 ? source.length : end;
      }
    }
  }

  skipMisc();
  if (source.startsWith("<!", at)) fail("a DOCTYPE is not accepted");
  const root = element(0);
  skipMisc();
  if (at < source.length) fail("text after the root element");
  return root;
}

/** The element's children called `name`. */
export const childrenNamed = (element: XmlElement, name: string) => element.children.filter((child) => child.name === name);
export const childNamed = (element: XmlElement, name: string) => element.children.find((child) => child.name === name);
