import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { resolveCaller, type Access, type Caller } from "./access";
import { can, type Permission } from "./permissions";

// A layout and its page both ask who the caller is; within one request the answer is read once.
const cachedCaller = cache(async (access: Access, teamSlug: string | undefined) => resolveCaller(await headers(), access, teamSlug));

/** For server components: the same check as routes, answered the way a page should (sign-in redirect, 404). */
export async function pageCaller<A extends "user" | "team.read">(access: A, teamSlug?: string, next = "/"): Promise<Caller<A>> {
  try {
    return (await cachedCaller(access, teamSlug)) as Caller<A>;
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
  return (await resolveCaller(await headers(), "public")).user;
}
