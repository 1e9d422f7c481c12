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

/** The plain words of each scope in Chinese (the consent page); the English ones are the catalog's own. */
const CHINESE_SCOPES: Record<Scope, string> = {
  'profile:read': '查看你的昵称、头像、等级和黄钻状态',
  'friends:read': '查看你的好友中谁也在用这个应用',
  'feed:write': '以这个应用的名义在你的动态里发布内容',
  storage: '为你保存它自己的数据（设置、游戏存档）',
  'gifts:send': '以你的名义给好友送礼物',
  'coins:charge': '请你用金币购买物品（每次付款都要你确认）',
  'notifications:send': '给你的好友发通知',
  'invites:send': '查看哪些好友还没用这个应用，并邀请他们来用',
};

/** A scope in plain words, in one of the languages of the host's pages. */
export function scopeWords(scope: Scope, language: 'zh-CN' | 'en'): string {
  return language === 'en' ? SCOPE_DESCRIPTIONS[scope] : CHINESE_SCOPES[scope];
}

export const SCOPES = Object.keys(SCOPE_DESCRIPTIONS) as Scope[];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && Object.hasOwn(SCOPE_DESCRIPTIONS, value);
}

/** Scopes in catalog order without duplicates, so stored and displayed lists compare equal. */
export function normalizeScopes(scopes: Iterable<Scope>): Scope[] {
  const wanted = new Set(scopes);
  return SCOPES.filter((scope) => wanted.has(scope));
}
