// Links one demo shop per platform to the demo team through the sandbox's consent pages, so that a fresh
// `npm run dev` has shops to browse. It runs once, while the team has no links, and only for platforms that point
// at the sandbox (a platform with real app credentials is left for the user to link).
import { randomBytes } from "node:crypto";
import { saveLink } from "../lib/marketplaces/accounts";
import { appConfig } from "../lib/marketplaces/config";
import { platforms } from "../lib/marketplaces/registry";
import { pkceChallenge } from "../lib/marketplaces/signing";
import { approveConsent } from "../lib/sandbox/approve";
import { configFromEnv, optionsFromConfig } from "../lib/sandbox/config";
import { startSandbox } from "../lib/sandbox/server";
import { db } from "../lib/db";

export async function linkDemoShops(userId: string, teamId: string): Promise<string[]> {
  if (await db().marketplaceAccount.count({ where: { teamId } })) return [];
  const config = configFromEnv();
  const sandboxUrl = `http://${config.host}:${config.port}`;
  const candidates = platforms().flatMap((adapter) => {
    const app = appConfig(adapter.metadata.id);
    return app && app.apiUrl.startsWith(sandboxUrl) ? [{ adapter, app }] : [];
  });
  if (!candidates.length) return [];
  // The dev script starts the sandbox after this step; here it runs just long enough to consent.
  const sandbox = await startSandbox(optionsFromConfig(config));
  try {
    const linked: string[] = [];
    for (const { adapter, app } of candidates) {
      const state = randomBytes(16).toString("base64url");
      const codeVerifier = adapter.metadata.pkce ? randomBytes(48).toString("base64url") : undefined;
      const back = await approveConsent(adapter.oauth.authorizeUrl(app, { state, codeChallenge: codeVerifier && pkceChallenge(codeVerifier) }));
      const code = back.searchParams.get("code");
      if (!code || back.searchParams.get("state") !== state) throw new Error(`${adapter.metadata.name}'s consent page did not send a code back.`);
      const { seller, tokens } = await adapter.oauth.exchangeCode(app, { code, codeVerifier });
      await saveLink({ userId, teamId }, adapter.metadata.id, seller, tokens);
      linked.push(`${seller.shopName} (${adapter.metadata.name})`);
    }
    return linked;
  } finally {
    await sandbox.close();
  }
}
