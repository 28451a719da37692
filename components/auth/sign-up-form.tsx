"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useSubmit } from "@/components/ui/use-submit";

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const { submit, pending, error } = useSubmit<{ user: { id: string } }>("/api/users");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    if (!(await submit(form))) return;
    await signIn("credentials", { email: form.email, password: form.password, redirect: false });
    router.push(next);
    router.refresh();
  }

  const fields = error?.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-lg font-semibold">Create your account</h1>
      {error && !error.fields ? <Notice tone="error" testId="form-error">{error.message}</Notice> : null}
      <Field label="Name" name="name" error={fields.name}>
        <Input name="name" autoComplete="name" required error={fields.name} />
      </Field>
      <Field label="Email" name="email" error={fields.email}>
        <Input name="email" type="email" autoComplete="email" required error={fields.email} />
      </Field>
      <Field label="Password" name="password" error={fields.password} hint="At least 10 characters.">
        <Input name="password" type="password" autoComplete="new-password" required error={fields.password} />
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-slate-500">
        Have an account?{" "}
        <Link className="font-medium text-brand-600 hover:underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
