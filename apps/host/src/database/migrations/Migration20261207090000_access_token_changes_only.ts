import { Migration } from '@mikro-orm/migrations';

/**
 * Only access tokens are cached (oauth/oauth-tokens.service.ts): a refresh token is read under its
 * rotation every time. So a change of a refresh token — its rotation marking it used, hundreds a second —
 * announces nothing: a NOTIFY makes PostgreSQL queue its commit behind every other notifying commit and
 * wakes every listening connection of every instance, for no cache to drop. Revoking a refresh token
 * revokes its grant, which `oauth_grant_changed` announces to the access tokens of that grant.
 */
export class Migration20261207090000_access_token_changes_only extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop trigger oauth_token_changed on oauth_token;');
    this.addSql(
      `create trigger oauth_token_changed after update or delete on oauth_token for each row ` +
        `when (old.kind = 'access') execute function kongjian_notify_change('token', 'id');`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger oauth_token_changed on oauth_token;');
    this.addSql(
      `create trigger oauth_token_changed after update or delete on oauth_token ` +
        `for each row execute function kongjian_notify_change('token', 'id');`,
    );
  }
}
