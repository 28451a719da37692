// Product pictures served by the sandbox itself, so catalogs never point at an outside host.
import { z } from "zod";
import { hashSeed } from "./random";
import type { Route } from "./router";
import { jsonReply } from "./http";

const nameSchema = z.string().regex(/^[a-z0-9-]{1,80}\.svg$/);

/** A flat picture whose colour and pattern follow from its name, so every product keeps its own look. */
function productImage(name: string): string {
  const hash = hashSeed(name);
  const hue = hash % 360;
  const radius = 60 + (hash % 90);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<rect width="400" height="400" fill="hsl(${hue} 55% 82%)"/>
<circle cx="200" cy="185" r="${radius}" fill="hsl(${(hue + 40) % 360} 60% 55%)"/>
<rect x="90" y="320" width="220" height="22" rx="11" fill="hsl(${hue} 30% 40%)" opacity="0.6"/>
</svg>`;
}

export const imageRoute: Route = {
  method: "GET",
  path: "/_sandbox/images/:name",
  handle: (request) => {
    const name = nameSchema.safeParse(request.params.name);
    if (!name.success) return jsonReply(404, { error: "no such image" });
    return { status: 200, headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" }, body: productImage(name.data) };
  },
};
