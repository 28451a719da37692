import { z } from "zod";
import { route } from "@/lib/auth/route";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { saveLink } from "@/lib/marketplaces/accounts";
import { appConfig } from "@/lib/marketplaces/config";
import { consumeAuthorization } from "@/lib/marketplaces/oauth-state";
import { platform } from "@/lib/marketplaces/registry";
import { findMembership } from "@/lib/teams";

const params = z.object({ platform: z.string().max(20) });

/**
 * Where the platform sends the browser back. The state is spent first, whatever follows, so a callback
 * can never be replayed; nothing is stored unless the state, the caller's permission and the code all hold.
 */
export const GET = route({ access: "user", params, respond: "html" }, async ({ user, params, req }) => {
  const adapter = platform(params.platform);
  const { id, name } = adapter.metadata;
  const query = new URL(req.url).searchParams;
  const { teamSlug, codeVerifier } = await consumeAuthorization({ state: query.get("state"), userId: user.id, platform: id });
  // The role may have changed during the ten minutes the state lives.
  const team = await findMembership(user.id, teamSlug);
  if (!team || !can(team.role, "accounts.link")) throw new AppError("forbidden", "You may no longer link accounts in this team.");
  const denied = query.get("error");
  if (denied) throw new AppError("bad_request", `${name} did not grant access: ${query.get("error_description") ?? denied}.`);
  const code = query.get("code") ?? query.get("auth_code");
  if (!code) throw new AppError("bad_request", `${name} sent no authorization code back. Start linking again.`);
  const app = appConfig(id);
  if (!app) throw new AppError("bad_request", `${name} is not set up on this portal.`);
  const { tokens, seller } = await adapter.oauth.exchangeCode(app, { code, codeVerifier });
  const accountId = await saveLink({ userId: user.id, teamId: team.id, headers: req.headers }, id, seller, tokens);
  return new Response(null, { status: 303, headers: { location: `/t/${team.slug}/accounts?linked=${accountId}` } });
});
