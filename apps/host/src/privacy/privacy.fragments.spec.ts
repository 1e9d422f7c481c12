import { audienceGroupIds, moderatedCondition, visibleCondition } from './privacy.fragments';

const columns = { id: 'p.id', authorId: 'p.author_id', level: 'p.privacy', moderation: 'p.moderation' };
const placeholders = (sql: string) => sql.split('?').length - 1;

describe('the privacy rule as SQL fragments', () => {
  it.each([null, 'viewer'])('gives one parameter per placeholder (viewer %s)', (viewerId) => {
    for (const fragment of [visibleCondition(viewerId, columns), moderatedCondition(viewerId, columns)]) {
      expect(fragment.params).toHaveLength(placeholders(fragment.sql));
      expect(fragment.params.every((param) => param === viewerId)).toBe(true);
    }
  });

  it('shows anonymous viewers public, published items only, without reading the friend graph', () => {
    const { sql } = visibleCondition(null, columns);
    expect(sql).toContain("p.privacy = 'public'");
    expect(sql).toContain("p.moderation = 'published'");
    expect(sql).not.toMatch(/friendship|user_block|friend_group_member|audience_group/);
  });

  it('reads the chosen groups of the item the column names', () => {
    expect(audienceGroupIds('a.id')).toContain('ag.subject_id = a.id');
  });
});
