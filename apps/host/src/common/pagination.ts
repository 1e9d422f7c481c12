import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { isId } from './ids';
import { badRequest } from './problem';
import { LIMITS } from './limits';

/** Query parameters of every list endpoint. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** A position in a list ordered by (createdAt desc, id desc): the last item of the previous page. */
export interface Keyset {
  createdAt: Date;
  id: string;
}

/** A cursor this list did not issue (made up, cut short, or from another list). */
export const invalidCursor = () =>
  badRequest('invalid_cursor', 'cursor must be the nextCursor of an earlier page of this same list');

export function encodeCursor(key: Keyset): string {
  return Buffer.from(JSON.stringify([key.createdAt.toISOString(), key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime()) && isId(parsed[1])) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the problem below
  }
  throw invalidCursor();
}

/**
 * A cursor for a list in the order of one key (an openid, a storage key, a user id): the page's last key,
 * named by `kind` so a cursor of one list is never taken for another's, and kept opaque to the client.
 */
export function encodeKeyCursor(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`).toString('base64url');
}

/** The key a cursor of `encodeKeyCursor(kind, …)` names; a cursor whose key is not `valid` is refused. */
export function decodeKeyCursor(
  kind: string,
  cursor: string | undefined,
  valid: (key: string) => boolean,
): string | undefined {
  if (cursor === undefined) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const key = decoded.startsWith(`${kind}:`) ? decoded.slice(kind.length + 1) : '';
  if (!valid(key)) throw invalidCursor();
  return key;
}

export function pageSize(query: PageQuery): number {
  return query.limit ?? LIMITS.pageSizeDefault;
}

/**
 * SQL for "strictly after the cursor" in (created_at desc, id desc) order, with its parameters.
 * Row comparison lets PostgreSQL use the (…, created_at, id) index as the scan bound. Lists ordered
 * by another time column (e.g. `visited_at`) name it as `timeColumn`.
 */
export function keysetCondition(
  alias: string,
  key: Keyset | undefined,
  timeColumn = 'created_at',
): { sql: string; params: unknown[] } {
  if (!key) return { sql: 'true', params: [] };
  return { sql: `(${alias}.${timeColumn}, ${alias}.id) < (?, ?)`, params: [key.createdAt, key.id] };
}

/** Cuts the extra row fetched to learn whether a next page exists, and makes its cursor. */
export function toPage<Row extends { created_at: Date | string; id: string }, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  return toPageBy(rows, limit, (row) => row.created_at, map);
}

/** `toPage` for lists ordered by a time column other than `created_at`; `timeOf` reads it from a row. */
export function toPageBy<Row extends { id: string }, Item>(
  rows: Row[],
  limit: number,
  timeOf: (row: Row) => Date | string,
  map: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ createdAt: new Date(timeOf(last)), id: last.id }) : null;
  return { items: pageRows.map(map), nextCursor };
}

export class PageInfo {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` to get the next page; null at the end',
  })
  nextCursor!: string | null;
}
