import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionUserId } from "@/lib/auth/session";

export default async function Home() {
  redirect((await sessionUserId(await headers())) ? "/teams" : "/sign-in");
}
