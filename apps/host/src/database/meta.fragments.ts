/**
 * Typed query fragments over `kongjian_meta` (MetaRepository's store), for statements that compare with a
 * value kept there inside their own query: accounts' lists leave out the platform's own account by it.
 */

/** Keys are the code's own constants; the check keeps a key from ever being read as SQL. */
const META_KEY = /^[a-z][a-z0-9_]*$/;

/** SQL of the value under `key` as text (null when there is none), for a comparison in a statement. */
export function metaTextValueSql(key: string): string {
  if (!META_KEY.test(key)) throw new Error(`Not a kongjian_meta key: ${key}`);
  return `(select value #>> '{}' from kongjian_meta where key = '${key}')`;
}
