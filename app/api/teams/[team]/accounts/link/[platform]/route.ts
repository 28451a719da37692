import { z } from "zod";
import { route } from "@/lib/auth/route";
import { AppError } from "@/lib/errors";
import { appConfig, ENV_PREFIX } from "@/lib/marketplaces/config";
import { beginAuthorization } from "@/lib/marketplaces/oauth-state";
import { platform } from "@/lib/marketplaces/registry";

const params = z.object({ team: z.string(), platform: z.string().max(20) });

/** "Link account": records a single-use state and sends the browser to the platform's consent page. */
export const GET = route({ access: "accounts.link", params, respond: "html" }, async ({ user, team, params }) => {
  const adapter = platform(params.platform);
  const { id, name, pkce } = adapter.metadata;
  const app = appConfig(id);
  if (!app) throw new AppError("bad_request", `${name} is not set up on this portal: set ${ENV_PREFIX[id]}_APP_KEY and ${ENV_PREFIX[id]}_APP_SECRET.`);
  const { state, codeChallenge } = await beginAuthorization({ userId: user.id, teamId: team.id, platform: id, pkce });
  return new Response(null, { status: 302, headers: { location: adapter.oauth.authorizeUrl(app, { state, codeChallenge }) } });
});
