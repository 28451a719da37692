// Douyin shop (抖店, Doudian): a service-market app's authorization with rotating refresh tokens, the signed
// gateway with 19-digit product ids kept exact, and display status one product a call.
import type { PlatformAdapter } from "../platform";
import { connector } from "./connector";
import { metadata } from "./metadata";
import { oauth } from "./oauth";

const douyin: PlatformAdapter = { metadata, oauth, connector };

export default douyin;
