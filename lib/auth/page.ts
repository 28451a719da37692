import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { listTeams } from "@/lib/teams";
import { findUser } from "@/lib/users";
import { checkCaller, type CallerLookup, type Caller } from "./access";
import { can, type Permission } from "./permissions";
import { sessionUserId } from "./session";

// The layouts and the page of one request each ask who the caller is: the session is decoded, and the user and
// their teams are read, once per request.

/** The user id in the request's session cookie, not yet checked against the database (checkCaller does that). */
export const requestUserId = cache(async () => sessionUserId(await headers()));

/** The caller's teams, read once per request: the team layout lists them, and a team page's membership is among them. */
export const callerTeams = cache(listTeams);

const requestLookup: CallerLookup = {
  sessionUserId: requestUserId,
  user: cache(findUser),
  membership: async (userId, teamSlug) => (await callerTeams(userId)).find((team) => team.slug === teamSlug) ?? null,
};

/** For server components: the same check as routes, answered the way a page should (sign-in redirect, 404). */
export async function pageCaller<A extends "user" | "team.read">(access: A, teamSlug?: string, next = "/"): Promise<Caller<A>> {
  try {
    return await checkCaller(requestLookup, access, teamSlug);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect(`/sign-in?next=${encodeURIComponent(next)}`);
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A team page: any member gets in; `allowed` says whether their role holds the page's permission. */
export async function teamPage(teamSlug: string, permission: Permission, path: string) {
  const caller = await pageCaller("team.read", teamSlug, path);
  return { ...caller, allowed: can(caller.team.role, permission) };
}

/** The signed-in user, or null, for pages anyone may see. */
export async function currentUser() {
  return (await checkCaller(requestLookup, "public")).user;
}
