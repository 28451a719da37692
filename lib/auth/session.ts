import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Session cookies are `__Secure-` prefixed exactly when the portal is served over HTTPS. */
export const secureCookies = () => env().APP_URL.startsWith("https://");

/** Sessions decoded lately, by cookie value, with their user and expiry, oldest first; at most DECODED_KEPT. */
const decoded = new Map<string, { userId: string; expiresAt: number }>();
const DECODED_KEPT = 1_000;

function remember(cookie: string, userId: string, expiresAt: number) {
  if (decoded.size >= DECODED_KEPT) decoded.delete(decoded.keys().next().value!);
  decoded.set(cookie, { userId, expiresAt });
}

/**
 * The signed-in user's id from the Auth.js session cookie in these headers, or null. Decrypting a session costs
 * several trips through the crypto thread pool on every page, and a cookie always decrypts to the same session:
 * a valid one is remembered until it expires.
 */
export async function sessionUserId(headers: Headers): Promise<string | null> {
  const options = { req: { headers }, secret: env().AUTH_SECRET, secureCookie: secureCookies() };
  const cookie = await getToken({ ...options, raw: true });
  if (!cookie) return null;
  const known = decoded.get(cookie);
  if (known && known.expiresAt > Date.now()) return known.userId;
  decoded.delete(cookie);
  const token = await getToken(options);
  const userId = typeof token?.sub === "string" ? token.sub : null;
  if (userId && typeof token?.exp === "number") remember(cookie, userId, token.exp * 1000);
  return userId;
}
