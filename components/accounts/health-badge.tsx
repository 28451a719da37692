import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AccountHealth } from "@/lib/marketplaces/accounts";

const HEALTH: Record<AccountHealth, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "green" },
  expiring: { label: "Expiring soon", tone: "amber" },
  needs_relink: { label: "Needs re-linking", tone: "red" },
};

/** A link's health as one badge, the same on every page that shows a shop. */
export function HealthBadge({ health }: { health: AccountHealth }) {
  return (
    <span data-testid="account-health">
      <Badge tone={HEALTH[health].tone}>{HEALTH[health].label}</Badge>
    </span>
  );
}
