// The consent page every platform's authorize endpoint shows: pick a demo shop, then Authorize or Deny.
// Platforms differ only in how they read the request and word their errors, which they pass in a ConsentFlow.
import { z } from "zod";
import { formObject, htmlReply, redirectReply, type Reply, type SandboxRequest } from "./http";
import type { PlatformContext } from "./platform";
import type { Route } from "./router";

export type ConsentClient = { appKey: string; redirectUri: string };
export type ConsentGrant = { scope: string; codeChallenge?: string };

export type ConsentFlow = {
  /** The authorize path below the platform prefix, e.g. `/auth/oauth/authorize`. */
  path: string;
  platformName: string;
  /** Reads who asks and where to send the answer. Problems here are shown on a page: never redirect to an unchecked URI. */
  client(query: SandboxRequest["query"]): ConsentClient | { error: string };
  /** Reads the rest of the request; problems here go back to the redirect URI as the platform's error parameters. */
  grant(query: SandboxRequest["query"]): ConsentGrant | { error: Record<string, string> };
  /** The platform's error parameters when the seller denies. */
  denied: Record<string, string>;
};

const CLIENT_PROBLEM = "The request must name the application (client_id) and where to return (redirect_uri).";

/**
 * The client as most platforms name it: `client_id` and `redirect_uri` in the query, with the `required` parameters
 * besides; `problem` is shown when any is missing.
 */
export function queryClient(required: z.ZodRawShape = {}, problem = CLIENT_PROBLEM): ConsentFlow["client"] {
  const schema = z.object({ ...required, client_id: z.string().min(1), redirect_uri: z.string().min(1) });
  return (query) => {
    const parsed = schema.safeParse(query);
    return parsed.success ? { appKey: parsed.data.client_id, redirectUri: parsed.data.redirect_uri } : { error: problem };
  };
}

/**
 * The sandbox registers no redirect URIs: it accepts any loopback address (what a portal in development or in
 * tests registers) and refuses the rest, so it can never be used to bounce a browser elsewhere.
 */
function isAllowedRedirectUri(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  return (url.protocol === "http:" || url.protocol === "https:") && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) && !url.hash;
}

/** The redirect URI with `params` added to whatever query it already has. */
function redirectWith(uri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return redirectReply(url.toString());
}

const decisionSchema = z.object({ decision: z.enum(["approve", "deny"]), seller: z.string().optional() });
const stateSchema = z.string().max(2048).optional().catch(undefined);

export function consentRoutes(context: PlatformContext, flow: ConsentFlow): Route[] {
  type Read = { ok: true; client: ConsentClient; state?: string; grant: ConsentGrant } | { ok: false; reply: Reply };
  const read = (request: SandboxRequest): Read => {
    const refuse = (title: string, message: string): Read => ({ ok: false, reply: errorPage(flow.platformName, title, message) });
    const client = flow.client(request.query);
    if ("error" in client) return refuse("This authorization request cannot be served", client.error);
    if (client.appKey !== context.app.appKey) return refuse("Unknown application", `No application is registered with the id "${client.appKey}".`);
    if (!isAllowedRedirectUri(client.redirectUri)) {
      return refuse("Redirect address not allowed", `"${client.redirectUri}" is not a registered redirect address. The sandbox accepts http://localhost and http://127.0.0.1 addresses only.`);
    }
    const state = stateSchema.parse(request.query.state);
    const grant = flow.grant(request.query);
    if ("error" in grant) return { ok: false, reply: redirectWith(client.redirectUri, { ...grant.error, state }) };
    return { ok: true, client, state, grant };
  };

  const show: Route = {
    method: "GET",
    path: flow.path,
    faults: false,
    handle: (request) => {
      const found = read(request);
      return found.ok ? htmlReply(200, consentPage(context, flow, request.rawUrl, found.grant.scope)) : found.reply;
    },
  };

  const decide: Route = {
    method: "POST",
    path: flow.path,
    faults: false,
    handle: (request) => {
      const found = read(request);
      if (!found.ok) return found.reply;
      const { client, state, grant } = found;
      const form = decisionSchema.safeParse(formObject(request.body));
      if (!form.success) return errorPage(flow.platformName, "Unreadable answer", "The consent form was not filled in; go back and choose Authorize or Deny.");
      if (form.data.decision === "deny") return redirectWith(client.redirectUri, { ...flow.denied, state });
      const seller = context.shops.seller(form.data.seller ?? "");
      if (!seller) return htmlReply(400, consentPage(context, flow, request.rawUrl, grant.scope, "Choose one of the shops first."));
      const code = context.tokens.issueCode({ appKey: client.appKey, sellerId: seller.id, scope: grant.scope, redirectUri: client.redirectUri, codeChallenge: grant.codeChallenge });
      return redirectWith(client.redirectUri, { code, state });
    },
  };

  return [show, decide];
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2937; background: #f3f4f6; margin: 0; }
  main { max-width: 28rem; margin: 3rem auto; background: #fff; border-radius: 0.75rem; padding: 2rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  h1 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  .badge { display: inline-block; font-size: 0.75rem; background: #fef3c7; color: #92400e; border-radius: 999px; padding: 0.1rem 0.6rem; }
  fieldset { border: 1px solid #e5e7eb; border-radius: 0.5rem; margin: 1.25rem 0; padding: 0.75rem 1rem; }
  label { display: block; padding: 0.35rem 0; cursor: pointer; }
  small { color: #6b7280; }
  .scope { font-family: ui-monospace, monospace; font-size: 0.8rem; color: #4b5563; word-break: break-word; }
  .actions { display: flex; gap: 0.75rem; }
  button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 0.5rem; border: 1px solid #d1d5db; background: #fff; cursor: pointer; }
  button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
  .error { color: #b91c1c; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function consentPage(context: PlatformContext, flow: ConsentFlow, action: string, scope: string, problem?: string): string {
  const sellers = context.shops.sellers
    .map(
      (seller, index) =>
        `<label><input type="radio" name="seller" value="${escape(seller.id)}"${index === 0 ? " checked" : ""} data-testid="sandbox-seller-${escape(seller.id)}"> ` +
        `<strong>${escape(seller.shopName)}</strong> <small>${escape(seller.login)} · seller ${escape(seller.id)}</small></label>`,
    )
    .join("\n");
  return page(
    `Authorize ${context.appName} · ${flow.platformName}`,
    `<span class="badge">Sandbox · ${escape(flow.platformName)}</span>
<h1>${escape(context.appName)} asks for access to your shop</h1>
<p>It will be able to read your catalog and change the display status of your products on ${escape(flow.platformName)}.</p>
${scope ? `<p class="scope">${escape(scope)}</p>` : ""}
${problem ? `<p class="error" role="alert">${escape(problem)}</p>` : ""}
<form method="post" action="${escape(action)}">
<fieldset><legend>Sign in as</legend>
${sellers}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="decision" value="approve" data-testid="sandbox-authorize">Authorize</button>
<button type="submit" name="decision" value="deny" data-testid="sandbox-deny">Deny</button>
</div>
</form>`,
  );
}

function errorPage(platformName: string, title: string, message: string): Reply {
  return htmlReply(400, page(title, `<span class="badge">Sandbox · ${escape(platformName)}</span><h1>${escape(title)}</h1><p class="error">${escape(message)}</p>`));
}
