import { Migration } from '@mikro-orm/migrations';

/**
 * Each instance keeps its viewers' first feed pages (feed/feed.service.ts) and the first pages of people's
 * posts on their spaces (posts/author-pages.service.ts), so the tables that decide what those pages show
 * say when they change, through the change channel (database/change-feed.ts):
 * - `feed:<user>` when what a user did changes: their feed entries (a new post, repost or comment; a
 *   deletion cascading to its entries), their posts (written or deleted), the privacy, moderation state or
 *   chosen groups of a post (for the post's author and everyone who commented on it: the actors of the
 *   entries that show it), and a comment's moderation state (for its author, the actor of its entry);
 * - `post:<id>` when what a post shows changes: its row, its likes, comments, photos or chosen groups,
 *   and its reposts (their number is shown on the original);
 * - `groups:<member>` when someone is put in or taken out of a friend group (what was posted to chosen
 *   groups that the member may see changes);
 * - `feed:*` when an account is suspended or reinstated: what it wrote, liked or reposted disappears
 *   from, or comes back to, anyone's feed. Rare, so every kept page goes.
 * Friendships and blocks say `friends:<id>` for both people, people's names `user:<id>` and apps
 * `app:<id>` already.
 */
export class Migration20261206090000_feed_change_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function kongjian_notify_post(post_id uuid) returns void language sql as $$
  select pg_notify('kongjian_changes', 'post:' || shown.id)
    from (select kongjian_notify_post.post_id as id
          union select repost_of_id from post where id = kongjian_notify_post.post_id and repost_of_id is not null) shown;
$$;`);
    this.addSql(`create function kongjian_notify_post_feeds(post_id uuid) returns void language sql as $$
  select pg_notify('kongjian_changes', 'feed:' || actor.id)
    from (select author_id as id from post where id = kongjian_notify_post_feeds.post_id
          union select author_id from comment where comment.post_id = kongjian_notify_post_feeds.post_id) actor;
$$;`);
    this.addSql(`create function kongjian_notify_shown(tag text, id uuid) returns void language sql as $$
  select pg_notify('kongjian_changes', tag || ':' || id) where id is not null;
$$;`);
    // Both sides of an update count: a photo or comment may move off a post, a repost off its original.
    this.addSql(`create function kongjian_notify_feed_change() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'post' then
    if tg_op <> 'INSERT' then
      perform kongjian_notify_shown('post', old.id);
      perform kongjian_notify_shown('post', old.repost_of_id);
    end if;
    if tg_op <> 'DELETE' then
      perform kongjian_notify_shown('post', new.id);
      perform kongjian_notify_shown('post', new.repost_of_id);
    end if;
    if tg_op = 'UPDATE' then
      if (old.privacy, old.moderation) is distinct from (new.privacy, new.moderation) then
        perform kongjian_notify_post_feeds(new.id);
      end if;
    elsif tg_op = 'INSERT' then
      perform kongjian_notify_shown('feed', new.author_id);
    else
      perform kongjian_notify_shown('feed', old.author_id);
    end if;
  elsif tg_table_name in ('post_like', 'photo', 'comment') then
    if tg_op <> 'INSERT' then perform kongjian_notify_shown('post', old.post_id); end if;
    if tg_op <> 'DELETE' then perform kongjian_notify_shown('post', new.post_id); end if;
    if tg_table_name = 'comment' and tg_op = 'UPDATE' then
      if old.moderation is distinct from new.moderation then
        perform kongjian_notify_shown('feed', new.author_id);
      end if;
    end if;
  elsif tg_table_name = 'audience_group' then
    if tg_op <> 'INSERT' then
      perform kongjian_notify_post(old.subject_id);
      perform kongjian_notify_post_feeds(old.subject_id);
    end if;
    if tg_op <> 'DELETE' then
      perform kongjian_notify_post(new.subject_id);
      perform kongjian_notify_post_feeds(new.subject_id);
    end if;
  elsif tg_table_name = 'user_account' then
    perform pg_notify('kongjian_changes', 'feed:*');
  end if;
  return null;
end $$;`);
    for (const table of ['post', 'post_like', 'photo', 'comment', 'audience_group']) {
      this.addSql(
        `create trigger ${table}_shown_changed after insert or update or delete on ${table} ` +
          `for each row execute function kongjian_notify_feed_change();`,
      );
    }
    this.addSql(
      `create trigger user_suspension_changed after update of suspended_at on user_account ` +
        `for each row when (old.suspended_at is distinct from new.suspended_at) ` +
        `execute function kongjian_notify_feed_change();`,
    );
    this.addSql(
      `create trigger feed_entry_changed after insert or update or delete on feed_entry ` +
        `for each row execute function kongjian_notify_change('feed', 'actor_id');`,
    );
    this.addSql(
      `create trigger friend_group_member_changed after insert or update or delete on friend_group_member ` +
        `for each row execute function kongjian_notify_change('groups', 'member_id');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger friend_group_member_changed on friend_group_member;');
    this.addSql('drop trigger feed_entry_changed on feed_entry;');
    this.addSql('drop trigger user_suspension_changed on user_account;');
    for (const table of ['post', 'post_like', 'photo', 'comment', 'audience_group']) {
      this.addSql(`drop trigger ${table}_shown_changed on ${table};`);
    }
    this.addSql('drop function kongjian_notify_feed_change();');
    this.addSql('drop function kongjian_notify_post_feeds(uuid);');
    this.addSql('drop function kongjian_notify_post(uuid);');
    this.addSql('drop function kongjian_notify_shown(text, uuid);');
  }
}
