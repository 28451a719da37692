// Alibaba.com's international seller platform (ICBU): IOP authorization with rotating refresh tokens, signed GOP calls
// on `/rest{path}`, and display status changed synchronously in batches.
import type { PlatformAdapter } from "../platform";
import { connector } from "./connector";
import { metadata } from "./metadata";
import { oauth } from "./oauth";

const alibaba: PlatformAdapter = { metadata, oauth, connector };

export default alibaba;
