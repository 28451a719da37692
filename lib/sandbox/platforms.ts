// The platforms the sandbox serves, each mounted under `/<id>`. A new platform folder is added here.
import { allegro } from "./allegro";
import type { SandboxPlatform } from "./platform";

export const PLATFORMS: readonly SandboxPlatform[] = [allegro];
