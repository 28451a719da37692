// AliExpress's open platform: IOP authorization with rotating refresh tokens on `/rest`, seller APIs on `/sync`
// (TOP protocol), and products put on or off sale synchronously in batches.
import type { PlatformAdapter } from "../platform";
import { connector } from "./connector";
import { metadata } from "./metadata";
import { oauth } from "./oauth";

const aliexpress: PlatformAdapter = { metadata, oauth, connector };

export default aliexpress;
