import { PostActivities, type PostActivity } from './post-activity';
import { commentCountSql, likedSql, optionalCommentJoin, visiblePostJoin } from './posts.fragments';

const placeholders = (sql: string) => sql.split('?').length - 1;

describe("the posts module's query fragments", () => {
  it.each([null, 'viewer'])('give one parameter per placeholder (viewer %s)', (viewerId) => {
    const post = visiblePostJoin(viewerId, 'fe.post_id', 'p');
    const comment = optionalCommentJoin(viewerId, 'fe.comment_id', 'fc');
    for (const fragment of [
      post.where,
      comment.where,
      commentCountSql('photo', 'ph.id', viewerId),
      likedSql('post', 'p.id', viewerId),
    ]) {
      expect(fragment.params).toHaveLength(placeholders(fragment.sql));
    }
    expect(placeholders(post.join) + placeholders(comment.join)).toBe(0);
  });

  it('joins under the alias asked for and keeps rows without a comment', () => {
    expect(visiblePostJoin('viewer', 'e.post_id', 'q').join).toBe('join post q on q.id = e.post_id');
    const comment = optionalCommentJoin('viewer', 'e.comment_id', 'k');
    expect(comment.join).toBe('left join comment k on k.id = e.comment_id');
    expect(comment.where.sql.startsWith('(e.comment_id is null or ')).toBe(true);
  });
});

describe('post activities', () => {
  it('tells every listener at once, in the order they listened', () => {
    const activities = new PostActivities();
    const heard: string[] = [];
    activities.listen((activity) => heard.push(`first ${activity.verb}`));
    activities.listen((activity) => heard.push(`second ${activity.verb}`));
    const activity: PostActivity = { actorId: 'a', verb: 'commented', postId: 'p', commentId: 'c' };
    activities.tell(activity);
    expect(heard).toEqual(['first commented', 'second commented']);
  });
});
