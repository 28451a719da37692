// Small process helpers shared by the dev, start and test scripts.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a project binary to completion; exits this process with its code when it fails. */
export function runStep(name, args, env = process.env) {
  const result = spawnSync(bin(name), args, { stdio: "inherit", cwd: root, env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Starts long-running project binaries side by side; stopping one (or Ctrl-C) stops them all. */
export function runTogether(commands, env = process.env) {
  const children = commands.map(([name, args]) => spawn(bin(name), args, { stdio: "inherit", cwd: root, env }));
  let stopping = false;
  const stop = (code) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    process.exitCode = code;
  };
  for (const child of children) child.on("exit", (code) => stop(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
}
