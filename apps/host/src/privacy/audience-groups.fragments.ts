/**
 * SQL of the friend groups a `groups`-level item is shown to (`audience_group`), as a sorted `text[]`,
 * for the item whose id is in `subjectColumn`: what an author sees of their own item's audience.
 */
export function audienceGroupIds(subjectColumn: string): string {
  return `array(select ag.group_id::text from audience_group ag where ag.subject_id = ${subjectColumn} order by 1)`;
}
