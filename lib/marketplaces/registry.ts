import { AppError } from "@/lib/errors";
import allegro from "./allegro";
import type { PlatformAdapter } from "./platform";
import { PLATFORM_IDS, type PlatformId } from "./types";

const ADAPTERS: Partial<Record<PlatformId, PlatformAdapter>> = { allegro };

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}

/** The platforms the portal can link, in display order. */
export function platforms(): PlatformAdapter[] {
  return PLATFORM_IDS.flatMap((id) => (ADAPTERS[id] ? [ADAPTERS[id]] : []));
}

export function platform(id: string): PlatformAdapter {
  const adapter = isPlatformId(id) ? ADAPTERS[id] : undefined;
  if (!adapter) throw new AppError("not_found", `There is no marketplace called "${id}".`);
  return adapter;
}
