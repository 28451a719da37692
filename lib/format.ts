// Numbers and lists as the portal writes them everywhere ("1,234"; "a, b, or c"), the same on the server and in the
// browser. Each formatter is made once: making one costs far more than using it, and a table formats on every render.
const wholeNumber = new Intl.NumberFormat("en-US");
const eitherOf = new Intl.ListFormat("en", { type: "disjunction" });
const allOf = new Intl.ListFormat("en", { type: "conjunction" });

export const formatCount = (value: number) => wholeNumber.format(value);

/** "a, b, or c" */
export const formatOrList = (items: readonly string[]) => eitherOf.format(items);

/** "a, b, and c" */
export const formatAndList = (items: readonly string[]) => allOf.format(items);
