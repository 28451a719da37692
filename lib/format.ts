// Whole numbers as the portal writes them everywhere ("1,234"), the same on the server and in the browser. One
// formatter, made once: making one costs far more than using it, and a table formats on every render.
const wholeNumber = new Intl.NumberFormat("en-US");

export const formatCount = (value: number) => wholeNumber.format(value);
