import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Session cookies are `__Secure-` prefixed exactly when the portal is served over HTTPS. */
export const secureCookies = () => env().APP_URL.startsWith("https://");

/** The signed-in user's id from the Auth.js session cookie in these headers, or null. */
export async function sessionUserId(headers: Headers): Promise<string | null> {
  const token = await getToken({ req: { headers }, secret: env().AUTH_SECRET, secureCookie: secureCookies() });
  return typeof token?.sub === "string" ? token.sub : null;
}
