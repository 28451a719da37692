import { AppError } from "@/lib/errors";
import cn1688 from "./1688";
import alibaba from "./alibaba";
import aliexpress from "./aliexpress";
import allegro from "./allegro";
import douyin from "./douyin";
import type { PlatformAdapter } from "./platform";
import { PLATFORM_IDS, type PlatformId } from "./types";

const ADAPTERS: Record<PlatformId, PlatformAdapter> = { alibaba, "1688": cn1688, aliexpress, douyin, allegro };

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}

/** The platforms the portal can link, in display order. */
export function platforms(): PlatformAdapter[] {
  return PLATFORM_IDS.map((id) => ADAPTERS[id]);
}

export function platform(id: string): PlatformAdapter {
  const adapter = isPlatformId(id) ? ADAPTERS[id] : undefined;
  if (!adapter) throw new AppError("not_found", `There is no marketplace called "${id}".`);
  return adapter;
}
