// The platforms the sandbox serves, each mounted under `/<id>`. A new platform folder is added here.
import { cn1688 } from "./1688";
import { alibaba } from "./alibaba";
import { aliexpress } from "./aliexpress";
import { allegro } from "./allegro";
import { douyin } from "./douyin";
import type { SandboxPlatform } from "./platform";

export const PLATFORMS: readonly SandboxPlatform[] = [alibaba, cn1688, aliexpress, douyin, allegro];
