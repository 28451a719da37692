"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useSubmit } from "@/components/ui/use-submit";

export function CreateTeamForm() {
  const router = useRouter();
  const { submit, pending, error } = useSubmit<{ team: { slug: string } }>("/api/teams");
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit(Object.fromEntries(new FormData(event.currentTarget)));
    if (result) {
      router.push(`/t/${result.team.slug}`);
      router.refresh();
    }
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      {error && !error.fields ? <Notice tone="error">{error.message}</Notice> : null}
      <Field label="Team name" name="name" error={error?.fields?.name} hint="Usually your company or shop group.">
        <Input name="name" required maxLength={60} error={error?.fields?.name} placeholder="Acme Trading" />
      </Field>
      <Button type="submit" pending={pending}>
        Create team
      </Button>
    </form>
  );
}
