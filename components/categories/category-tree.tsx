"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ListLink } from "@/components/ui/list-link";
import { callApi } from "@/lib/client/api";
import type { CategoryNode } from "@/lib/marketplaces/types";
import { productsInCategoryHref, schemaHref, treeHref } from "./links";

type Children = { state: "loading" } | { state: "loaded"; nodes: CategoryNode[] } | { state: "failed"; message: string };

type Props = {
  /** The shop's categories route. */
  api: string;
  /** The shop's pages, `/t/<team>/shops/<account>`. */
  base: string;
  roots: CategoryNode[];
  /** Children the server already read, by parent id: the levels down to the chosen category, shown open. */
  opened: Record<string, CategoryNode[]>;
  chosenId: string | null;
  /** Which links a leaf gets: its attribute schema, and the products filtered by it (where the list can). */
  links: { schema: boolean; products: boolean };
};

type Tree = Pick<Props, "base" | "chosenId" | "links"> & {
  children: Record<string, Children>;
  expanded: ReadonlySet<string>;
  toggle(id: string): void;
  load(id: string): void;
};

/** The category tree: the roots as rendered by the server, each level below loaded from the route when opened. */
export function CategoryTree({ api, base, roots, opened, chosenId, links }: Props) {
  const [children, setChildren] = useState<Record<string, Children>>(() =>
    Object.fromEntries(Object.entries(opened).map(([id, nodes]): [string, Children] => [id, { state: "loaded", nodes }])),
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(Object.keys(opened)));

  async function load(id: string) {
    setChildren((known) => ({ ...known, [id]: { state: "loading" } }));
    const result = await callApi<{ children: CategoryNode[] }>(`${api}?${new URLSearchParams({ parent: id })}`);
    setChildren((known) => ({ ...known, [id]: result.ok ? { state: "loaded", nodes: result.data.children } : { state: "failed", message: result.error.message } }));
  }

  function toggle(id: string) {
    const open = !expanded.has(id);
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
    const known = children[id];
    if (open && (!known || known.state === "failed")) void load(id);
  }

  const tree: Tree = { base, chosenId, links, children, expanded, toggle, load: (id) => void load(id) };
  return (
    <ul className="space-y-0.5 text-sm" data-testid="category-tree">
      {roots.map((node) => (
        <Branch key={node.id} node={node} tree={tree} />
      ))}
    </ul>
  );
}

function Branch({ node, tree }: { node: CategoryNode; tree: Tree }) {
  const open = tree.expanded.has(node.id);
  const chosen = node.id === tree.chosenId;
  const link = "text-xs font-medium text-brand-700 hover:underline";
  return (
    <li data-testid="category-node" data-category-id={node.id} data-leaf={node.leaf}>
      <div className={`flex flex-wrap items-center gap-x-2 gap-y-0.5 rounded px-1 py-0.5 ${chosen ? "bg-brand-50 ring-1 ring-brand-100" : ""}`}>
        {node.leaf ? (
          <span className="inline-block w-6" aria-hidden />
        ) : (
          <button
            type="button"
            className="inline-flex size-6 items-center justify-center rounded text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
            aria-expanded={open}
            aria-label={`${open ? "Close" : "Open"} ${node.name}`}
            onClick={() => tree.toggle(node.id)}
            data-testid="category-expand"
          >
            <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
              ▸
            </span>
          </button>
        )}
        <ListLink href={treeHref(tree.base, node.id)} aria-current={chosen ? "true" : undefined} className={`hover:underline ${chosen ? "font-semibold text-slate-900" : "text-slate-800"}`} data-testid="category-name">
          {node.name}
        </ListLink>
        {node.altName ? <span className="text-xs text-slate-500">{node.altName}</span> : null}
        <span className="font-mono text-xs text-slate-400">{node.id}</span>
        {node.leaf ? (
          <>
            <Badge tone="green" title="A leaf category: products are listed in it, and it has an attribute schema">
              Leaf
            </Badge>
            {tree.links.schema ? (
              <ListLink href={schemaHref(tree.base, node.id)} className={link} data-testid="category-schema-link">
                Attributes
              </ListLink>
            ) : null}
            {tree.links.products ? (
              <ListLink href={productsInCategoryHref(tree.base, node.id)} className={link} data-testid="category-products-link">
                Products
              </ListLink>
            ) : null}
          </>
        ) : null}
      </div>
      {open ? <Level parent={node} tree={tree} /> : null}
    </li>
  );
}

function Level({ parent, tree }: { parent: CategoryNode; tree: Tree }) {
  const known = tree.children[parent.id];
  const indent = "ml-4 border-l border-slate-100 pl-3";
  if (!known || known.state === "loading") {
    return (
      <p role="status" className={`${indent} py-1 text-xs text-slate-500`} data-testid="category-loading">
        Loading {parent.name}…
      </p>
    );
  }
  if (known.state === "failed") {
    return (
      <div role="status" className={`${indent} flex flex-wrap items-center gap-2 py-1 text-xs text-red-700`} data-testid="category-error">
        {known.message}
        <Button variant="secondary" size="sm" onClick={() => tree.load(parent.id)}>
          Try again
        </Button>
      </div>
    );
  }
  if (!known.nodes.length) return <p className={`${indent} py-1 text-xs text-slate-500`}>No subcategories.</p>;
  return (
    <ul className={`${indent} space-y-0.5`}>
      {known.nodes.map((child) => (
        <Branch key={child.id} node={child} tree={tree} />
      ))}
    </ul>
  );
}
