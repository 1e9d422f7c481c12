import { metaTextValueSql } from '../database/meta.fragments';

/**
 * Typed query fragments over the accounts module's table (user_account), for other modules' lists that
 * show people or what they did: who is in the directory, and who is suspended. Other modules never name
 * this table themselves.
 */

/**
 * Where `kongjian_meta` remembers the platform's own account (owner of the built-in apps, created by
 * the apps module): a user row, but nobody a person can sign in as or befriend.
 */
export const SYSTEM_ACCOUNT_KEY = 'system_account';

/** SQL condition on a `user_account` row: it is not the platform's own account. */
export const NOT_THE_PLATFORM = `id::text is distinct from ${metaTextValueSql(SYSTEM_ACCOUNT_KEY)}`;

/**
 * The account columns other modules' lists may join on to find people (id, username and its
 * lower-cased `username_key`), as a table expression: `from ${DIRECTORY_ACCOUNTS} u`. Nothing private
 * (no password hash, roles or settings) is reachable through it, and neither the platform's account
 * nor a suspended one is in it.
 */
export const DIRECTORY_ACCOUNTS = `(select id, username, username_key from user_account
  where suspended_at is null and ${NOT_THE_PLATFORM})`;

/** The same columns for every account a person signs in as, suspended ones too: what admins search. */
export const ADMIN_DIRECTORY_ACCOUNTS = `(select id, username, username_key from user_account
  where ${NOT_THE_PLATFORM})`;

/**
 * The suspended accounts' ids, for other modules' conditions: `author_id not in ${SUSPENDED_ACCOUNT_IDS}`.
 * It is uncorrelated, so PostgreSQL reads the small, indexed set once per query and probes a hash per
 * row. Use it only on columns that are never null (`null not in (…)` is null, not true).
 */
export const SUSPENDED_ACCOUNT_IDS = '(select id from user_account where suspended_at is not null)';

/**
 * The one condition every list that shows a person or what they did to others applies to that person's
 * column: true unless the account is suspended. Admins' lists leave it out; the person themself is
 * signed out while it holds. A `nullable` column (nobody: the platform itself, a sender who is gone)
 * passes when null; other columns get the bare test, which the planner handles best.
 */
export const notSuspended = (column: string, { nullable = false } = {}): string =>
  nullable
    ? `(${column} is null or ${column} not in ${SUSPENDED_ACCOUNT_IDS})`
    : `${column} not in ${SUSPENDED_ACCOUNT_IDS}`;
