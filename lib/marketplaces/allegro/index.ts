// Allegro (allegro.pl): OAuth with PKCE and rotating refresh tokens, the REST API with bearer tokens, and
// asynchronous publication commands for display status.
import type { PlatformAdapter } from "../platform";
import { connector } from "./connector";
import { metadata } from "./metadata";
import { oauth } from "./oauth";

const allegro: PlatformAdapter = { metadata, oauth, connector };

export default allegro;
