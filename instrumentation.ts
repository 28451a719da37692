// Runs once when a portal server starts: invalid or missing settings stop it here, with a readable message,
// rather than at the first request. Then the bulk engine starts in this process, unless BULK_ENGINE=off (a portal
// that only serves pages while `npm run worker` processes do the work).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  if (process.env.BULK_ENGINE === "off") return;
  // Kept on globalThis: development reloads this module, and one engine per process is enough.
  const holder = globalThis as unknown as { stallkeeperBulkEngine?: unknown };
  if (holder.stallkeeperBulkEngine) return;
  const { settingsFromEnv, startEngine } = await import("./lib/bulk/engine");
  holder.stallkeeperBulkEngine = startEngine(settingsFromEnv());
}
