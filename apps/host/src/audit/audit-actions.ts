/**
 * The stable codes of admin actions in the audit log: `<what it acts on>.<verb>`. Clients filter and
 * translate by them, so a code is never renamed; a new kind of action gets a new code.
 */
export const AUDIT_ACTIONS = [
  'app_version.approve',
  'app_version.reject',
  'app.suspend',
  'app.reinstate',
  'moderation.approve',
  'moderation.reject',
  'moderation.unpublish',
  'moderation.dismiss',
  'keyword_rule.create',
  'keyword_rule.update',
  'keyword_rule.delete',
  'coins.grant',
  'user.roles_set',
  'user.suspend',
  'user.unsuspend',
  'plugin.enable',
  'plugin.disable',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What an action is about. The content types are the moderation module's subject types (the compiler
 * checks that every one of them is here, where moderation records its decisions).
 */
export const AUDIT_SUBJECT_TYPES = [
  'user',
  'app',
  'plugin',
  'keyword_rule',
  'post',
  'comment',
  'board_message',
  'album',
  'photo',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** A value of an entry's details: small, flat facts (a version number, the roles before and after). */
export type AuditDetail = string | number | boolean | null | string[];
