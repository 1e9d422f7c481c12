import type { Scope } from '../apps/scopes';

/**
 * Who an Open API call acts for: the app, the user as the app knows them, and what the user lets the app do.
 * The OAuth module makes one from a valid access token; the Open API, orders and plugins' calls read it.
 */
export interface AccessContext {
  tokenId: string;
  appId: string;
  clientId: string;
  userId: string;
  /** The user as this app knows them. */
  openid: string;
  /** The app is a built-in plugin. */
  builtIn: boolean;
  /** The token's scopes that the user still grants the app. */
  scopes: Scope[];
  expiresAt: Date;
}
