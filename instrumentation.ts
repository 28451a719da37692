// Runs once when a portal server starts: invalid or missing settings stop it here, with a readable message,
// rather than at the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
}
