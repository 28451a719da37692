import { AppError } from "@/lib/errors";
import { findMembership, type TeamSummary } from "@/lib/teams";
import { findUser, type PublicUser } from "@/lib/users";
import { can, PERMISSION_LABELS, ROLE_LABELS, type Permission } from "./permissions";
import { sessionUserId } from "./session";

/** Who may call: anyone, any signed-in user, or members of the addressed team holding a permission. */
export type Access = "public" | "user" | Permission;

export type Caller<A extends Access> = A extends "public"
  ? { user: PublicUser | null }
  : A extends "user"
    ? { user: PublicUser }
    : { user: PublicUser; team: TeamSummary };

/** Where the check reads the session's user id, the user, and their membership of a team. */
export type CallerLookup = {
  sessionUserId(): Promise<string | null>;
  user(userId: string): Promise<PublicUser | null>;
  membership(userId: string, teamSlug: string): Promise<TeamSummary | null>;
};

/** The access check of a route handler: the request's session, the user and the team read from the database. */
export function resolveCaller<A extends Access>(headers: Headers, access: A, teamSlug?: string): Promise<Caller<A>> {
  return checkCaller({ sessionUserId: () => sessionUserId(headers), user: findUser, membership: findMembership }, access, teamSlug);
}

/**
 * The single access check behind every route handler and page: session, then team membership, then permission.
 * A team the caller is not in answers "not found", never "forbidden", so its existence does not leak.
 */
export async function checkCaller<A extends Access>(lookup: CallerLookup, access: A, teamSlug?: string): Promise<Caller<A>> {
  const userId = await lookup.sessionUserId();
  const user = userId ? await lookup.user(userId) : null;
  if (access === "public") return { user } as Caller<A>;
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (access === "user") return { user } as Caller<A>;
  const team = teamSlug ? await lookup.membership(user.id, teamSlug) : null;
  if (!team) throw new AppError("not_found", "Team not found.");
  const permission = access as Permission;
  if (!can(team.role, permission)) {
    throw new AppError("forbidden", `Your role (${ROLE_LABELS[team.role]}) does not allow you to ${PERMISSION_LABELS[permission]}.`);
  }
  return { user, team } as Caller<A>;
}
