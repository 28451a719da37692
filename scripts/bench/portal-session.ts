// A person's way into the portal, over HTTP only: sign up and in (Auth.js credentials), make a team, and link a
// shop on each platform through the sandbox's consent page, as the Link button would.
import { randomBytes } from "node:crypto";
import { approveConsent } from "../../lib/sandbox/approve";
import type { PlatformId } from "../../lib/marketplaces/types";

export class PortalSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** Every cookie the portal set, for a browser context. */
  get cookieList(): { name: string; value: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value }));
  }

  /** One request with the session's cookies and the portal's own Origin; redirects are returned, not followed. */
  async request(pathOrUrl: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.baseUrl);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(new URL(pathOrUrl, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";", 1)[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (value) this.cookies.set(name, value);
      else this.cookies.delete(name);
    }
    return response;
  }

  private async json<T>(path: string, body: unknown, status: number): Promise<T> {
    const answer = await this.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (answer.status !== status) throw new Error(`POST ${path} answered ${answer.status}: ${await answer.text()}`);
    return (await answer.json()) as T;
  }

  /** Signs a new user up and in; returns the slug of a new team of theirs. */
  async signUpWithTeam(): Promise<string> {
    const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
    const password = randomBytes(12).toString("base64url");
    await this.json("/api/users", { name: "Benchmark", email, password }, 201);
    const { csrfToken } = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password }),
    });
    if (![...this.cookies.keys()].some((name) => name.endsWith("authjs.session-token"))) throw new Error("Signing in set no session cookie.");
    const { team } = await this.json<{ team: { slug: string } }>("/api/teams", { name: "Benchmark team" }, 201);
    return team.slug;
  }

  /** Links the consent page's first shop on `platform`; returns the linked account's id. */
  async linkShop(team: string, platform: PlatformId): Promise<string> {
    const start = await this.request(`/api/teams/${team}/accounts/link/${platform}`);
    const authorize = start.headers.get("location");
    if (start.status !== 302 || !authorize) throw new Error(`Linking ${platform} answered ${start.status}: ${await start.text()}`);
    const callback = await this.request((await approveConsent(authorize)).toString());
    const linked = new URL(callback.headers.get("location") ?? "/", this.baseUrl).searchParams.get("linked");
    if (!linked) throw new Error(`The ${platform} callback answered ${callback.status}: ${await callback.text()}`);
    return linked;
  }
}
