import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const required = { error: (issue: { input: unknown }) => (issue.input === undefined ? "is required in production" : undefined) };

const base64Key32 = z
  .string(required)
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string(required).min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  TOKEN_ENCRYPTION_KEY: base64Key32,
  APP_URL: z.url().default("http://localhost:3000"),
  /** Accounts one network address may create an hour; an office behind one address may need more. */
  SIGN_UPS_PER_HOUR_PER_IP: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").default(10),
});

export type Env = z.infer<typeof schema>;

/** Secrets a development or test machine generates once and keeps under DATA_DIR, so sessions survive restarts. */
function developmentSecrets(dataDir: string): { AUTH_SECRET: string; TOKEN_ENCRYPTION_KEY: string } {
  const file = path.join(dataDir, "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const raw = { ...source };
  for (const key of Object.keys(raw)) if (raw[key] === "") delete raw[key];
  if (raw.NODE_ENV !== "production") {
    const generated = developmentSecrets(raw.DATA_DIR || ".data");
    raw.AUTH_SECRET ??= generated.AUTH_SECRET;
    raw.TOKEN_ENCRYPTION_KEY ??= generated.TOKEN_ENCRYPTION_KEY;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Stallkeeper cannot start: invalid settings.\n${problems}\nSee "Settings" in the README.`);
  }
  return parsed.data;
}

let cached: Env | undefined;

/** Every setting, parsed once. Throws a readable error naming each bad or missing variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
