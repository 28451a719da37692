// 1688.com (gw.open.1688.com, "AOP"): web authorization with a non-rotating refresh token, param2 APIs signed
// with _aop_signature, and display status changed synchronously by expire / repost / republish.
import type { PlatformAdapter } from "../platform";
import { connector } from "./connector";
import { metadata } from "./metadata";
import { oauth } from "./oauth";

const cn1688: PlatformAdapter = { metadata, oauth, connector };

export default cn1688;
