// The bulk part of `npm run bench`. It runs in a process of its own (bulk/main.ts): its settings (a database of its
// own, its sandboxes) are read by lib/ once per process, and must not be those of a part that ran before.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { root } from "../run.mjs";
import type { Figure } from "./figures";

export async function bulkBench(): Promise<Figure[]> {
  console.log("Bulk: jobs taking products offline on a sandbox answering each call after 50 ms, within its rate limits.");
  const dir = mkdtempSync(path.join(tmpdir(), "stallkeeper-bench-figures-"));
  try {
    const out = path.join(dir, "bulk.json");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "bench", "bulk", "main.ts"), out], { cwd: root, stdio: "inherit" });
    const [code] = (await once(child, "exit")) as [number | null];
    if (code !== 0) throw new Error(`The bulk part stopped with exit code ${code}.`);
    return JSON.parse(readFileSync(out, "utf8")) as Figure[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
