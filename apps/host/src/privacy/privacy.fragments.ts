import { notSuspended } from '../accounts/accounts.fragments';
import { groupMemberJoin, hasFriendCondition, notBlockingCondition } from '../friends/friends.fragments';

/**
 * The list face of the privacy rule: SQL fragments that are true exactly when `PrivacyService`'s
 * single-item checks are, for lists that filter in their own query. Together with `audienceGroupIds`
 * they are the only way other modules reach the audience_group table.
 */

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** Column expressions of listed moderated content, for the list face of the moderation part. */
export interface ModeratedColumns {
  authorId: string;
  moderation: string;
}

/** Column expressions of a listed item, for the list face of the rule. */
export interface AudienceColumns extends ModeratedColumns {
  id: string;
  level: string;
}

/**
 * Shown to others: published, and its author not suspended. The suspended accounts are a small
 * indexed set that PostgreSQL reads once per query, so this costs a hash probe per row.
 */
const shownToOthers = (columns: ModeratedColumns) =>
  `${columns.moderation} = 'published' and ${notSuspended(columns.authorId)}`;

/** SQL that is true exactly when `PrivacyService.canViewModerated(viewerId, row)` is. */
export function moderatedCondition(viewerId: string | null, columns: ModeratedColumns): SqlFragment {
  if (viewerId === null) return { sql: `(${shownToOthers(columns)})`, params: [] };
  return { sql: `((${shownToOthers(columns)}) or ${columns.authorId} = ?)`, params: [viewerId] };
}

/**
 * SQL that is true exactly when `PrivacyService.canView(viewerId, row)` is, for the row the columns
 * name. The moderation and standing tests are a column comparison and a hash probe, so they run
 * before the subqueries.
 */
export function visibleCondition(viewerId: string | null, columns: AudienceColumns): SqlFragment {
  if (viewerId === null) {
    return { sql: `(${shownToOthers(columns)} and ${columns.level} = 'public')`, params: [] };
  }
  const friendOfAuthor = hasFriendCondition(columns.authorId, viewerId);
  const notBlocked = notBlockingCondition(columns.authorId, viewerId);
  const member = groupMemberJoin('pa.group_id', viewerId);
  const inChosenGroup = `exists (select 1 from audience_group pa ${member.join}
                                    where pa.subject_id = ${columns.id} and ${member.where.sql})`;
  return {
    sql: `(${columns.authorId} = ?
          or (${shownToOthers(columns)}
            and (${columns.level} = 'public'
              or (${columns.level} = 'friends' and ${friendOfAuthor.sql} and ${notBlocked.sql})
              or (${columns.level} = 'groups' and ${friendOfAuthor.sql} and ${notBlocked.sql} and ${inChosenGroup}))))`,
    params: [
      viewerId,
      ...friendOfAuthor.params,
      ...notBlocked.params,
      ...friendOfAuthor.params,
      ...notBlocked.params,
      ...member.where.params,
    ],
  };
}

/** SQL of the chosen groups of the item in `subjectColumn`, as a sorted `text[]` (empty unless `groups`). */
export function audienceGroupIds(subjectColumn: string): string {
  return `array(select ag.group_id::text from audience_group ag where ag.subject_id = ${subjectColumn} order by 1)`;
}
