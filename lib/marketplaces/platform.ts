import type { Connector, LinkedSeller, PlatformId, PlatformMetadata, TokenSet } from "./types";

/** An app's credentials and hosts on one platform: the real ones, or the sandbox's (see config.ts). */
export type AppConfig = {
  platform: PlatformId;
  appKey: string;
  appSecret: string;
  /** Base of the consent page and, where the platform keeps them there, the token endpoints. */
  authUrl: string;
  /** Base of the API gateway. */
  apiUrl: string;
  /** Where the platform sends the browser back: must be registered in the platform's console. */
  redirectUri: string;
  /** The app's listing in a service market, where the consent page asks for it instead of the app key (Doudian). */
  serviceId?: string;
};

/** What a linked account gives its connector: the seller, and a fresh access token on demand. */
export type AccountSession = {
  sellerId: string;
  accessToken(): Promise<string>;
};

/**
 * One platform, as its folder exports it. Every folder under lib/marketplaces/<platform>/ has the same shape:
 * metadata.ts (capabilities and limits), oauth.ts (this interface's oauth part), client.ts (signed calls and
 * the platform's error envelope), schemas.ts (zod shapes of its answers), connector.ts (the Connector) and
 * index.ts (this object).
 */
export type PlatformAdapter = {
  metadata: PlatformMetadata;
  oauth: {
    authorizeUrl(app: AppConfig, input: { state: string; codeChallenge?: string }): string;
    exchangeCode(app: AppConfig, input: { code: string; codeVerifier?: string }): Promise<{ tokens: TokenSet; seller: LinkedSeller }>;
    refresh(app: AppConfig, refreshToken: string): Promise<TokenSet>;
    /** Revokes the tokens where the platform offers it; unlinking deletes them either way. */
    revoke?(app: AppConfig, tokens: { accessToken: string; refreshToken?: string }): Promise<void>;
  };
  connector(app: AppConfig, session: AccountSession): Connector;
};
