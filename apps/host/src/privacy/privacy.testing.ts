import { type EntityManager, MikroORM, RequestContext } from '@mikro-orm/core';
import { sqlRows } from '../database/sql';
import { host } from '../testing/file-host';
import { PrivacyService } from './privacy.service';

/** The two faces of the privacy rule in the file's host, for tests that hold them against each other. */
export interface PrivacyFaces {
  privacy: PrivacyService;
  em: EntityManager;
  /** The ids of the author's posts that the list face (`visibleCondition`) shows the viewer. */
  listedPostIds(viewerId: string | null, authorId: string): Promise<string[]>;
}

/** Runs `check` with the file host's privacy rule, inside a request context as a request would have. */
export async function withPrivacyFaces(check: (faces: PrivacyFaces) => Promise<void>): Promise<void> {
  const orm = host.app.get(MikroORM);
  const privacy = host.app.get(PrivacyService);
  const listedPostIds = async (viewerId: string | null, authorId: string) => {
    const condition = privacy.visibleCondition(viewerId, {
      id: 'p.id',
      authorId: 'p.author_id',
      level: 'p.privacy',
      moderation: 'p.moderation',
    });
    const rows = await sqlRows<{ id: string }>(
      orm.em,
      `select p.id from post p where p.author_id = ? and ${condition.sql}`,
      [authorId, ...condition.params],
    );
    return rows.map((row) => row.id);
  };
  await RequestContext.create(orm.em, () => check({ privacy, em: orm.em, listedPostIds }));
}
