// Everything the sandbox must remember across restarts, in one JSON file under the data folder: OAuth codes,
// tokens and whether a refresh token was spent, status changes to generated products, and asynchronous
// commands. Generated catalogs are not stored: they come back from the seed.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const grantFields = {
  platform: z.string(),
  appKey: z.string(),
  sellerId: z.string(),
  scope: z.string(),
};

const codeSchema = z.object({
  ...grantFields,
  redirectUri: z.string(),
  codeChallenge: z.string().optional(),
  expiresAt: z.number(),
  usedAt: z.number().optional(),
});

const accessTokenSchema = z.object({ ...grantFields, expiresAt: z.number() });

const refreshTokenSchema = z.object({
  ...grantFields,
  expiresAt: z.number(),
  usedAt: z.number().optional(),
  /** A spent token is still accepted until then (Allegro's 60-second grace, scaled). */
  graceUntil: z.number().optional(),
});

const statusChangeSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Shown while the change is under way, e.g. Allegro's ACTIVATING; `from` when absent. */
  during: z.string().optional(),
  at: z.number(),
});

const taskSchema = z.object({
  itemId: z.string(),
  outcome: z.enum(["SUCCESS", "FAIL"]),
  scheduledAt: z.number(),
  finishAt: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

const commandSchema = z.object({
  platform: z.string(),
  sellerId: z.string(),
  action: z.string(),
  createdAt: z.number(),
  tasks: z.array(taskSchema),
});

const stateSchema = z.object({
  version: z.literal(1),
  /** Keyed by the code itself. */
  codes: z.record(z.string(), codeSchema),
  accessTokens: z.record(z.string(), accessTokenSchema),
  refreshTokens: z.record(z.string(), refreshTokenSchema),
  /** Keyed by `statusKey(platform, sellerId, productId)`. */
  statusChanges: z.record(z.string(), statusChangeSchema),
  /** Keyed by `commandKey(platform, commandId)`. */
  commands: z.record(z.string(), commandSchema),
});

export type SandboxState = z.infer<typeof stateSchema>;
export type CodeRecord = z.infer<typeof codeSchema>;
export type AccessTokenRecord = z.infer<typeof accessTokenSchema>;
export type RefreshTokenRecord = z.infer<typeof refreshTokenSchema>;
export type StatusChange = z.infer<typeof statusChangeSchema>;
export type CommandRecord = z.infer<typeof commandSchema>;
export type CommandTask = z.infer<typeof taskSchema>;

export const statusKey = (platform: string, sellerId: string, productId: string) => `${platform}:${sellerId}:${productId}`;
export const commandKey = (platform: string, commandId: string) => `${platform}:${commandId}`;

export const STATE_FILE = "state.json";
const DEFAULT_SAVE_DELAY_MS = 100;

function emptyState(): SandboxState {
  return { version: 1, codes: {}, accessTokens: {}, refreshTokens: {}, statusChanges: {}, commands: {} };
}

export type StateStoreOptions = {
  /** Changes within this window are written together. */
  saveDelayMs?: number;
  log?: (line: string) => void;
  now?: () => number;
};

/**
 * The persisted state: mutate `data`, then call `changed()`. Writes are debounced and atomic (a temporary
 * file renamed over the old one), so a crash leaves either the old or the new file, never half of one.
 */
export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    readonly file: string,
    public data: SandboxState,
    private readonly options: StateStoreOptions,
  ) {}

  static async open(dataDir: string, options: StateStoreOptions = {}): Promise<StateStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, STATE_FILE);
    return new StateStore(file, await load(file, options.log), options);
  }

  changed(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS);
  }

  /** Writes pending changes now; resolves once they are on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.save();
    }
    await this.writing;
  }

  reset(): void {
    this.data = emptyState();
    this.changed();
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private save(): Promise<void> {
    // Chained so that two saves never race on the same temporary file or rename out of order.
    this.writing = this.writing.then(async () => {
      prune(this.data, (this.options.now ?? Date.now)());
      const temporary = `${this.file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      // Tokens are in here: readable by the owner only.
      await writeFile(temporary, JSON.stringify(this.data), { mode: 0o600 });
      await rename(temporary, this.file);
    });
    this.writing = this.writing.catch((error: Error) => this.options.log?.(`state: could not save ${this.file}: ${error.message}`));
    return this.writing;
  }
}

async function load(file: string, log: StateStoreOptions["log"]): Promise<SandboxState> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw error;
  }
  const parsed = parseState(text);
  if (parsed) return parsed;
  // Keep the unreadable file for a look, and start clean rather than refuse to start.
  const aside = `${file}.unreadable-${Date.now()}`;
  await rename(file, aside);
  log?.(`state: ${file} could not be read; moved it to ${aside} and started with an empty state`);
  return emptyState();
}

function parseState(text: string): SandboxState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** How long a dead record is kept so that the platforms can still say "expired" or "used" rather than "unknown". */
const KEEP_DEAD_MS = 24 * 60 * 60 * 1000;

// Past that, a dead record answers as an unknown one would, and only costs space.
function prune(state: SandboxState, now: number): void {
  const dropWhere = <T>(records: Record<string, T>, dead: (record: T) => boolean) => {
    for (const [key, record] of Object.entries(records)) if (dead(record)) delete records[key];
  };
  const gone = now - KEEP_DEAD_MS;
  dropWhere(state.codes, (code) => code.expiresAt < gone);
  dropWhere(state.accessTokens, (token) => token.expiresAt < gone);
  dropWhere(state.refreshTokens, (token) => token.expiresAt < gone || (token.graceUntil !== undefined && token.graceUntil < gone));
}
