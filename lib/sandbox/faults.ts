// Injected trouble for gateway calls: latency, 5xx before or after the work is done, hangs, cut-off bodies and
// throttling, drawn from the sandbox's seeded PRNG so a run with the same seed and order of calls repeats.
import { sleep, type Reply } from "./http";
import type { FaultKnobs, Knobs } from "./knobs";
import type { PlatformAnswers } from "./platform";
import type { Random } from "./random";

export type FaultKind = keyof FaultKnobs;

const FAULT_KINDS: readonly FaultKind[] = ["serverError", "serverErrorAfterWrite", "timeout", "malformed", "throttle"];

/** One draw per request; probabilities add up, so 0.1 + 0.1 means one request in five has a fault. */
export function drawFault(random: Random, faults: FaultKnobs): FaultKind | null {
  let roll = random.next();
  for (const kind of FAULT_KINDS) {
    roll -= faults[kind];
    if (roll < 0) return kind;
  }
  return null;
}

/** A proper prefix of a JSON text is never valid JSON, which is the point. */
export function malformedBody(body: string): string {
  return body.slice(0, Math.floor(body.length / 2)) || "{";
}

/** What to do with a call: answer it (perhaps badly), or leave it hanging (`"hang"`). */
export async function answerWithFaults(
  input: { knobs: Knobs; random: Random; answers: PlatformAnswers },
  handle: () => Promise<Reply>,
): Promise<Reply | "hang"> {
  const { knobs, random, answers } = input;
  const delay = knobs.latencyMs + (knobs.latencyJitterMs ? random.next() * knobs.latencyJitterMs : 0);
  if (delay > 0) await sleep(delay);
  switch (drawFault(random, knobs.faults)) {
    case "timeout":
      return "hang";
    case "serverError":
      return answers.serverError();
    case "throttle":
      return answers.throttled(1);
    case "serverErrorAfterWrite":
      await handle();
      return answers.serverError();
    case "malformed": {
      const reply = await handle();
      return { ...reply, body: malformedBody(reply.body) };
    }
    case null:
      return handle();
  }
}
