import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvite } from "@/components/teams/accept-invite";
import { buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { currentUser } from "@/lib/auth/page";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { previewInvite } from "@/lib/invites";
import AuthLayout from "../../(auth)/layout";

export const metadata: Metadata = { title: "Team invite" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  let invite: Awaited<ReturnType<typeof previewInvite>>;
  try {
    invite = await previewInvite(token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <AuthLayout>
        <Notice tone="error" title="This invite cannot be used" testId="invite-error">
          {error.message}
        </Notice>
      </AuthLayout>
    );
  }
  const here = `/invite/${token}`;
  return (
    <AuthLayout>
      <div className="space-y-4">
        <h1 className="text-lg font-semibold">Join {invite.teamName}</h1>
        <p className="text-sm text-slate-600">
          You are invited as <strong>{ROLE_LABELS[invite.role]}</strong>: {ROLE_DESCRIPTIONS[invite.role]}
        </p>
        {invite.email ? <p className="text-sm text-slate-500">This invite is for {invite.email}.</p> : null}
        <p className="text-xs text-slate-500">Expires {invite.expiresAt.toUTCString()}.</p>
        {user ? (
          <>
            <p className="text-sm text-slate-600">Signed in as {user.email}.</p>
            <AcceptInvite token={token} teamName={invite.teamName} />
          </>
        ) : (
          <div className="flex gap-2">
            <Link className={buttonClass("primary")} href={`/sign-up?next=${encodeURIComponent(here)}`}>
              Create an account
            </Link>
            <Link className={buttonClass("secondary")} href={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in
            </Link>
          </div>
        )}
      </div>
    </AuthLayout>
  );
}
