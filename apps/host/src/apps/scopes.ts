/**
 * The OAuth scopes an app can ask for, each with the plain words the consent page shows. Only scopes
 * that some Open API operation checks are listed: a scope nobody enforces would be a promise we break.
 */
export const SCOPE_DESCRIPTIONS = {
  'profile:read': 'See your nickname, head portrait, level and VIP status',
  'friends:read': 'See which of your friends also use this app',
  'feed:write': 'Post stories from this app to your feed',
  storage: 'Keep its own data for you (settings, saved games)',
  'gifts:send': 'Send gifts from you to your friends',
  'coins:charge': 'Ask you to pay coins for items (you confirm each payment)',
  'notifications:send': 'Send notifications to your friends',
  'invites:send': 'See which of your friends do not use this app yet, and invite them to it',
} as const;

export type Scope = keyof typeof SCOPE_DESCRIPTIONS;

export const SCOPES = Object.keys(SCOPE_DESCRIPTIONS) as Scope[];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && Object.hasOwn(SCOPE_DESCRIPTIONS, value);
}

/** Scopes in catalog order without duplicates, so stored and displayed lists compare equal. */
export function normalizeScopes(scopes: Iterable<Scope>): Scope[] {
  const wanted = new Set(scopes);
  return SCOPES.filter((scope) => wanted.has(scope));
}
