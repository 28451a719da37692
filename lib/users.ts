import { z } from "zod";
import { recordAudit } from "./audit";
import { db, isUniqueViolation } from "./db";
import { AppError } from "./errors";
import { consume, reset, signInByEmail, signInByIp, signUpByIp } from "./rate-limit";
import { requestInfo } from "./request-info";
import { decoyHash, hashPassword, verifyPassword } from "./auth/passwords";

const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address."));

export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email,
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});

export const signInInput = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(200),
});

export type PublicUser = { id: string; email: string; name: string };

const publicFields = { id: true, email: true, name: true } as const;

export async function signUp(input: z.infer<typeof signUpInput>, headers: Headers): Promise<PublicUser> {
  await consume(signUpByIp(), requestInfo(headers).ip ?? "unknown");
  const emailTaken = () =>
    new AppError("conflict", "An account with this email already exists. Sign in instead.", {
      fields: { email: "An account with this email already exists." },
    });
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: publicFields });
      await recordAudit({ action: "user.signed_up", actorId: user.id, headers }, tx);
      return user;
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

/** Checks an email and password, counting the attempt against per-IP and per-email limits. */
export async function authenticate(input: z.infer<typeof signInInput>, headers: Headers): Promise<PublicUser> {
  await consume(signInByIp(), requestInfo(headers).ip ?? "unknown");
  await consume(signInByEmail(), input.email);
  const user = await db().user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid) {
    await recordAudit({ action: "user.sign_in_failed", actorId: user?.id, metadata: { email: input.email }, headers });
    throw new AppError("unauthorized", "Wrong email or password.");
  }
  await reset(signInByEmail(), input.email);
  await recordAudit({ action: "user.signed_in", actorId: user.id, headers });
  return { id: user.id, email: user.email, name: user.name };
}

export async function findUser(id: string): Promise<PublicUser | null> {
  return db().user.findUnique({ where: { id }, select: publicFields });
}
