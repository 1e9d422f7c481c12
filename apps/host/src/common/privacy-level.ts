/**
 * The privacy levels: the privacy rule (privacy/) decides by them, and the modules whose rows carry one (a
 * user's default audience in accounts, posts, albums) store them; so they sit below all of those.
 */
export const PRIVACY_LEVELS = ['public', 'friends', 'groups', 'private'] as const;
/** Who may see an item: everyone, the author's friends, friends in chosen groups, or only the author. */
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];
