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

/**
 * The single access check behind every route handler and page: session, then team membership, then permission.
 * A team the caller is not in answers "not found", never "forbidden", so its existence does not leak.
 */
export async function resolveCaller<A extends Access>(headers: Headers, access: A, teamSlug?: string): Promise<Caller<A>> {
  const userId = await sessionUserId(headers);
  const user = userId ? await findUser(userId) : null;
  if (access === "public") return { user } as Caller<A>;
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  if (access === "user") return { user } as Caller<A>;
  const team = teamSlug ? await findMembership(user.id, teamSlug) : null;
  if (!team) throw new AppError("not_found", "Team not found.");
  const permission = access as Permission;
  if (!can(team.role, permission)) {
    throw new AppError("forbidden", `Your role (${ROLE_LABELS[team.role]}) does not allow you to ${PERMISSION_LABELS[permission]}.`);
  }
  return { user, team } as Caller<A>;
}
