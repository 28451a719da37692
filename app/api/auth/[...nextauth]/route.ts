// Auth.js's own endpoints (CSRF token, credentials callback, session, sign-out); the library guards them.
import { handlers } from "@/lib/auth/next-auth";

export const { GET, POST } = handlers;
