// What a dry run says about one product, from its normalized status alone: it will change, it already has the
// target, or the seller cannot change it from where it is. Anything else is sent, and the platform answers for it.
import type { DisplayStatus, StatusTarget } from "@/lib/marketplaces/types";

export type Verdict = { kind: "change" } | { kind: "already" } | { kind: "cannot"; code: string; reason: string };

/** Statuses the platform holds, not the seller: no display change moves a product out of them. */
const HELD: Partial<Record<DisplayStatus, { code: string; reason: string }>> = {
  pending: { code: "in_review", reason: "The platform is reviewing it or finishing an earlier change." },
  blocked: { code: "blocked", reason: "The platform blocked it (refused in review, a violation or a penalty)." },
  deleted: { code: "deleted", reason: "It was deleted." },
};

const NOT_LISTED = { code: "not_listed", reason: "It is a draft, never listed, so there is nothing to take offline." };

export function classify(status: DisplayStatus, target: StatusTarget): Verdict {
  if (status === target) return { kind: "already" };
  const held = HELD[status];
  if (held) return { kind: "cannot", ...held };
  // A draft can go online where the platform publishes drafts (it refuses per item where it does not).
  if (status === "draft" && target === "offline") return { kind: "cannot", ...NOT_LISTED };
  return { kind: "change" };
}

/** The code a skipped item gets when it already had the target. */
export const alreadyCode = (target: StatusTarget) => `already_${target}`;
