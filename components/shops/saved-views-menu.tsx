"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Input } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useDetailsMenu } from "@/components/ui/use-details-menu";
import { callApi, type ApiError } from "@/lib/client/api";
import type { SavedViewRow, ViewScope } from "@/lib/shops/saved-views";

type Props = {
  team: string;
  /** The products table's path; a view opens as `${productsPath}?${query}`. */
  productsPath: string;
  /** Whether the caller may save views for the whole team (views.team.write). */
  canShareWithTeam: boolean;
  views: SavedViewRow[];
};

/** A name already taken in the scope, by a view the caller may overwrite instead. */
type Taken = { view: SavedViewRow; query: string };

const byName = (a: SavedViewRow, b: SavedViewRow) => a.name.localeCompare(b.name, undefined, { sensitivity: "base" });

/**
 * The products table's saved views: open one, save the table as it is now (for oneself, or for the team), replace a
 * view of the same name, delete one. Errors show in the menu, where the user acted.
 */
export function SavedViewsMenu({ team, productsPath, canShareWithTeam, views: initial }: Props) {
  const menu = useDetailsMenu();
  const [views, setViews] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);

  const base = `/api/teams/${team}/views`;

  function fail(failure: ApiError) {
    setBusy(null);
    setError(failure);
  }

  function replaceRow(view: SavedViewRow) {
    setViews((current) => [...current.filter((row) => row.id !== view.id), view].sort(byName));
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("views-save-name") ?? "").trim();
    const scope: ViewScope = form.get("views-save-scope-team") ? "team" : "own";
    // The address as it is now: the table writes column changes to it without telling the server.
    const query = window.location.search;
    setBusy("save");
    setError(null);
    setTaken(null);
    const result = await callApi<{ view: SavedViewRow }>(base, { body: { name, scope, query } });
    if (!result.ok) {
      const existing = views.find((view) => view.scope === scope && view.editable && view.name.toLowerCase() === name.toLowerCase());
      if (result.error.code === "conflict" && existing) setTaken({ view: existing, query });
      return fail(result.error);
    }
    setBusy(null);
    replaceRow(result.data.view);
    setSaving(false);
  }

  async function overwrite({ view, query }: Taken) {
    setBusy("save");
    setError(null);
    const result = await callApi<{ view: SavedViewRow }>(`${base}/${view.id}`, { method: "PATCH", body: { query } });
    setTaken(null);
    if (!result.ok) return fail(result.error);
    setBusy(null);
    replaceRow(result.data.view);
    setSaving(false);
  }

  async function remove(view: SavedViewRow) {
    setBusy(view.id);
    setError(null);
    const result = await callApi(`${base}/${view.id}`, { method: "DELETE" });
    if (!result.ok) return fail(result.error);
    setBusy(null);
    setViews((current) => current.filter((row) => row.id !== view.id));
  }

  const section = (title: string, rows: SavedViewRow[], empty: string) => (
    <section className="space-y-1">
      <h3 className="px-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {rows.length ? (
        <ul>
          {rows.map((view) => (
            <li key={view.id} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-slate-50">
              <Link
                href={view.query ? `${productsPath}?${view.query}` : productsPath}
                className="min-w-0 flex-1 truncate text-sm text-slate-800 hover:text-brand-700"
                title={view.query || "No filters"}
                data-testid="views-menu-item"
                data-view-name={view.name}
                onClick={menu.close}
              >
                {view.name}
              </Link>
              {view.editable ? (
                <ConfirmButton
                  label="Delete"
                  variant="ghost"
                  title={`Delete the view "${view.name}"?`}
                  body={view.scope === "team" ? "Nobody in the team will see it any more." : "You can save the table again under this name later."}
                  confirmLabel="Delete"
                  pending={busy === view.id}
                  testId="views-delete"
                  onConfirm={() => remove(view)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-2 text-xs text-slate-500">{empty}</p>
      )}
    </section>
  );

  return (
    // The delete confirmations are dialogs inside the menu in the DOM, so answering one leaves the menu open.
    <details className="relative" {...menu.props}>
      <summary className={`${buttonClass("secondary", "md")} h-9 cursor-pointer list-none [&::-webkit-details-marker]:hidden`} data-testid="views-menu">
        Views
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-80 space-y-3 rounded-md bg-white p-3 shadow-lg ring-1 ring-slate-200">
        {section("My views", views.filter((view) => view.scope === "own"), "None yet.")}
        {section("Team views", views.filter((view) => view.scope === "team"), canShareWithTeam ? "None yet." : "None yet; admins can save views for the team.")}
        {error ? (
          <Notice tone="error" testId="views-error">
            {error.message}
            {taken ? (
              <div className="mt-2">
                <Button size="sm" variant="secondary" pending={busy === "save"} onClick={() => overwrite(taken)} data-testid="views-save-replace">
                  Replace &ldquo;{taken.view.name}&rdquo; with the table as it is now
                </Button>
              </div>
            ) : null}
          </Notice>
        ) : null}
        {saving ? (
          <form onSubmit={save} className="space-y-2 border-t border-slate-100 pt-3">
            <label htmlFor="views-save-name" className="block text-sm font-medium text-slate-700">
              Name
            </label>
            <Input name="views-save-name" required maxLength={60} autoFocus autoComplete="off" error={error?.fields?.name} data-testid="views-save-name" />
            {canShareWithTeam ? (
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="views-save-scope-team" className="size-4 rounded border-slate-300 accent-brand-600" data-testid="views-save-scope-team" />
                Share with the whole team
              </label>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" size="sm" onClick={() => {
                  setSaving(false);
                  setError(null);
                  setTaken(null);
                }}>
                Cancel
              </Button>
              <Button type="submit" size="sm" pending={busy === "save"} data-testid="views-save-confirm">
                Save view
              </Button>
            </div>
          </form>
        ) : (
          <Button variant="secondary" size="sm" className="w-full" onClick={() => {
              setSaving(true);
              setError(null);
            }} data-testid="views-save">
            Save current view
          </Button>
        )}
      </div>
    </details>
  );
}
