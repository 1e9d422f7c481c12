/**
 * Typed query fragments over the profiles module's table (space), for other modules' queries that must
 * match people by what the directory shows inside their own query: people search. Other modules never
 * name this table themselves.
 */

/**
 * SQL subquery giving the nickname of the user in `column` as `nick`, NFKC-normalized and lower-cased
 * like the search text it is compared with; no row for a user without a space row.
 */
export function nicknameKeyQuery(column: string): string {
  return `select lower(normalize(s.nickname, NFKC)) as nick from space s where s.user_id = ${column}`;
}
