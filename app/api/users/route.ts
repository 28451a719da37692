import { created, route } from "@/lib/auth/route";
import { signUp, signUpInput } from "@/lib/users";

/** Sign up. The browser then signs in through Auth.js with the same credentials. */
export const POST = route({ access: "public", body: signUpInput }, async ({ body, req }) => created({ user: await signUp(body, req.headers) }));
