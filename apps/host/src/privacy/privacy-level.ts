export const PRIVACY_LEVELS = ['public', 'friends', 'groups', 'private'] as const;
/** Who may see an item: everyone, the author's friends, friends in chosen groups, or only the author. */
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
