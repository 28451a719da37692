"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useSubmit } from "@/components/ui/use-submit";

export function AcceptInvite({ token, teamName }: { token: string; teamName: string }) {
  const router = useRouter();
  const { submit, pending, error } = useSubmit<{ slug: string }>("/api/invites/accept");
  async function accept() {
    const result = await submit({ token });
    if (result) {
      router.push(`/t/${result.slug}`);
      router.refresh();
    }
  }
  return (
    <div className="space-y-3">
      {error ? <Notice tone="error" testId="form-error">{error.message}</Notice> : null}
      <Button onClick={accept} pending={pending} className="w-full" data-testid="accept-invite">
        Join {teamName}
      </Button>
    </div>
  );
}
