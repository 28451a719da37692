// `npm run bench`: measures the portal against its goals, each part on its own fresh portal and sandbox.
//   --only browse|bulk   run one part (default: every part)
//   --json FILE          also write the figures as a JSON array of { name, value, unit }
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { browseBench } from "./bench/browse";
import { bulkBench } from "./bench/bulk";
import { jsonFigures, printFigure, type Figure } from "./bench/figures";

/** Every part by name. */
const PARTS: Record<string, () => Promise<Figure[]>> = {
  browse: browseBench,
  bulk: bulkBench,
};

async function main() {
  const { values } = parseArgs({ options: { only: { type: "string" }, json: { type: "string" } } });
  if (values.only !== undefined && !(values.only in PARTS)) {
    console.error(`There is no "${values.only}" part; choose one of ${Object.keys(PARTS).join(", ")}.`);
    process.exit(2);
  }
  const names = values.only ? [values.only] : Object.keys(PARTS);
  const figures: Figure[] = [];
  for (const name of names) {
    const measured = await PARTS[name]!();
    console.log(`\n${name}:`);
    measured.forEach(printFigure);
    figures.push(...measured);
  }
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify(jsonFigures(figures), null, 2)}\n`);
    console.log(`\nWrote ${jsonFigures(figures).length} figures to ${values.json}.`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
