import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticate, signInInput } from "@/lib/users";
import { secureCookies } from "./session";

/** Carries our error code to the sign-in form, which shows its message (see components/auth/sign-in-form). */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Lazy configuration: settings are read when the first request arrives, never at build time.
export const { handlers } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A refused sign-in is an ordinary event (it is in the audit log), not a server error with a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInInput.safeParse(credentials);
        if (!parsed.success) throw new SignInRefused("invalid_input");
        try {
          const user = await authenticate(parsed.data, request.headers);
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (error instanceof AppError) throw new SignInRefused(error.code);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
  },
}));
