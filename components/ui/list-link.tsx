import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * A link among many (a table's rows, a tree's nodes), fetched when followed rather than when it scrolls into view.
 * Next prefetches every visible link, and each prefetch renders the target's layouts on the server, reading the
 * session, the teams and the shop: a page of 25 products set off 25 of those on every view.
 */
export function ListLink(props: Omit<ComponentProps<typeof Link>, "prefetch">) {
  return <Link {...props} prefetch={false} />;
}
