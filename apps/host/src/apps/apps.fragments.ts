/**
 * Typed query fragments over the apps module's table (app), for other modules' statements that must check
 * an app inside their own query: the outbox (through EventTargets, as events sits below apps) and the Open
 * API's usage counts. Other modules never name this table themselves.
 */

/** SQL condition "the app in `column` exists" (it was not deleted). */
export function appExistsCondition(column: string): string {
  return `exists (select 1 from app a where a.id = ${column})`;
}

/**
 * The one app `appId` if it takes events of `type` (lists it among its manifest's events: the `events`
 * column follows the manifest users get), or of any type when `anyType` is set: the source row of an
 * outbox insert (`… select …, a.id, … from ${sql} a`), so the check and the insert are one statement.
 */
export function appTakingEvent(
  appId: string,
  type: string,
  anyType: boolean,
): { sql: string; params: unknown[] } {
  return {
    sql: '(select id from app where id = ? and (? or ? = any(events)))',
    params: [appId, anyType, type],
  };
}

/**
 * Apps whose webhook is marked unhealthy, with the columns an admin's list shows (`id`, `name`,
 * `owner_id`, `webhook_url`, `webhook_unhealthy_at`): a source for `from ${UNHEALTHY_WEBHOOK_APPS} a`.
 */
export const UNHEALTHY_WEBHOOK_APPS = `(select id, name, owner_id, webhook_url, webhook_unhealthy_at from app
  where webhook_unhealthy_at is not null)`;
