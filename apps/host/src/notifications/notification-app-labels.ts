import { Injectable } from '@nestjs/common';
import type { PostApp } from '../common/post-app.dto';

/**
 * How the notification list names the app a notice came from (name and icon). The apps module, which sits
 * above this one and tells developers of its decisions through it, plugs its lookup in.
 */
@Injectable()
export class NotificationAppLabels {
  private lookup: ((appIds: string[]) => Promise<Map<string, PostApp>>) | undefined;

  plugIn(lookup: (appIds: string[]) => Promise<Map<string, PostApp>>): void {
    this.lookup = lookup;
  }

  of(appIds: string[]): Promise<Map<string, PostApp>> {
    if (!this.lookup) throw new Error('No app labels: the apps module plugs them in (AppNotices)');
    return this.lookup(appIds);
  }
}
