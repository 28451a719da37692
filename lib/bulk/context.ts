// What the engine's parts share while they work on one job in one process.
import type { StatusTarget } from "@/lib/marketplaces/types";
import type { FailurePolicy, Outage } from "./failures";
import type { BulkShop } from "./shop";

export type EngineSettings = FailurePolicy & {
  /** How long a claim on items holds without renewal; a process that dies loses its items after this. */
  leaseMs: number;
  /** How often the engine looks for work, lapsed claims and paused jobs due to resume. */
  tickMs: number;
  /** First wait before asking about a ticket, growing to `maxPollMs`. */
  pollMs: number;
  maxPollMs: number;
  /** A ticket not final after this long is given up, and its products read to learn what happened. */
  ticketTimeoutMs: number;
  /** Sends of one item before the engine stops resending it and records what the platform shows. */
  maxAttempts: number;
  /** Jobs one process works on at once. */
  maxJobs: number;
};

export const DEFAULT_SETTINGS: EngineSettings = {
  leaseMs: 30_000,
  tickMs: 1_000,
  outageMs: 60_000,
  resumeAfterMs: 60_000,
  pollMs: 500,
  maxPollMs: 5_000,
  ticketTimeoutMs: 10 * 60_000,
  maxAttempts: 5,
  maxJobs: 20,
};

export type JobRef = { id: string; teamId: string; accountId: string; target: StatusTarget };

/** Counts tickets being followed, so that senders wait when too many changes are outstanding. */
export class Gate {
  private count = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  enter(): void {
    this.count++;
  }

  leave(): void {
    this.count--;
    for (const wake of this.waiters.splice(0)) wake();
  }

  busy(): boolean {
    return this.count > 0;
  }

  /** Resolves once fewer than the limit are open. */
  async room(): Promise<void> {
    while (this.count >= this.limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Resolves once none is open. */
  async idle(): Promise<void> {
    while (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}

export type JobContext = {
  job: JobRef;
  shop: BulkShop;
  owner: string;
  settings: EngineSettings;
  outage: Outage;
  tickets: Gate;
  stopping(): boolean;
};
