// The runtime knobs (`GET/PUT /_sandbox/config`): latency, fault probabilities, token lifetimes, command
// processing time and rate limits. They start from the sandbox's options and are not persisted.
import { z } from "zod";
import type { RateLimit } from "./throttle";

const probability = z.number().min(0).max(1);

const faultsSchema = z.strictObject({
  /** A 5xx before the request is handled: nothing changed. */
  serverError: probability,
  /** A 5xx after the request was handled: the change (a spent refresh token, a created command) stands. */
  serverErrorAfterWrite: probability,
  /** No answer until the connection is dropped `timeoutHangMs` later, past any sensible client timeout. */
  timeout: probability,
  /** The answer's body cut short, so it is not valid JSON. */
  malformed: probability,
  /** The platform's throttling answer, whatever the buckets say. */
  throttle: probability,
});

const rateLimitSchema = z.strictObject({ requests: z.number().int().min(1), perSeconds: z.number().positive() });

export type FaultKnobs = z.infer<typeof faultsSchema>;

export type Knobs = {
  latencyMs: number;
  /** Up to this much more, drawn per request. */
  latencyJitterMs: number;
  timeoutHangMs: number;
  /** Multiplies every code, token and grace lifetime issued from now on. */
  tokenTtlScale: number;
  /** Asynchronous command tasks finish between a fifth of this and all of it after they start. */
  commandDelayMs: number;
  faults: FaultKnobs;
  /** Per platform, per limit name (`app`, `account`, and the platform's own). */
  rateLimits: Record<string, Record<string, RateLimit>>;
};

const NO_FAULTS: FaultKnobs = { serverError: 0, serverErrorAfterWrite: 0, timeout: 0, malformed: 0, throttle: 0 };

export const DEFAULT_KNOBS: Omit<Knobs, "rateLimits"> = {
  latencyMs: 0,
  latencyJitterMs: 0,
  timeoutHangMs: 20_000,
  tokenTtlScale: 1,
  commandDelayMs: 2_000,
  faults: NO_FAULTS,
};

/** A change to the knobs: any subset; rate limits name only the platforms and limits they change. */
export function knobsPatchSchema(limitNames: Record<string, readonly string[]>) {
  return z
    .strictObject({
      latencyMs: z.number().min(0).max(60_000),
      latencyJitterMs: z.number().min(0).max(60_000),
      timeoutHangMs: z.number().int().min(0).max(600_000),
      tokenTtlScale: z.number().positive().max(1000),
      commandDelayMs: z.number().int().min(0).max(600_000),
      faults: faultsSchema.partial(),
      rateLimits: z.record(z.string(), z.record(z.string(), rateLimitSchema)),
    })
    .partial()
    .superRefine((patch, context) => {
      for (const [platform, limits] of Object.entries(patch.rateLimits ?? {})) {
        const known = limitNames[platform];
        if (!known) context.addIssue({ code: "custom", path: ["rateLimits", platform], message: `unknown platform; one of ${Object.keys(limitNames).join(", ")}` });
        for (const name of Object.keys(limits)) {
          if (known && !known.includes(name)) context.addIssue({ code: "custom", path: ["rateLimits", platform, name], message: `unknown limit; one of ${known.join(", ")}` });
        }
      }
    });
}

export type KnobsPatch = z.infer<ReturnType<typeof knobsPatchSchema>>;

export function applyKnobsPatch(knobs: Knobs, patch: KnobsPatch): Knobs {
  const rateLimits = { ...knobs.rateLimits };
  for (const [platform, limits] of Object.entries(patch.rateLimits ?? {})) rateLimits[platform] = { ...rateLimits[platform], ...limits };
  return { ...knobs, ...patch, faults: { ...knobs.faults, ...patch.faults }, rateLimits };
}
