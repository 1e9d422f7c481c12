import type { EntityManager } from '@mikro-orm/core';
import { LIMITS } from '../common/limits';
import type { HostConfig } from '../config/config';
import { ChangeFeed, registerEmbeddedDatabase } from './change-feed';
import type { EmbeddedDatabase } from './embedded-database';

describe('ChangeCache', () => {
  let feed: ChangeFeed;
  let reads: number;
  const load = (tagCount: number) => async () => {
    reads += 1;
    return { value: 'value', tags: Array.from({ length: tagCount }, (_, i) => `user:${i}`) };
  };

  beforeEach(async () => {
    // An embedded database that delivers no notification of its own: the test announces changes itself.
    const config = {} as HostConfig;
    registerEmbeddedDatabase(config, {
      listen: async () => async () => undefined,
    } as unknown as EmbeddedDatabase);
    feed = new ChangeFeed(config, { getTransactionContext: () => undefined } as unknown as EntityManager);
    await feed.onModuleInit();
    reads = 0;
  });

  it('keeps a value until a change of one of its tags is heard', async () => {
    const cache = feed.cache<string>('test', 10);
    await cache.read('key', load(3));
    await cache.read('key', load(3));
    expect(reads).toBe(1);
    feed.heard('user:2');
    await cache.read('key', load(3));
    expect(reads).toBe(2);
  });

  it('does not keep a value with more tags than an entry may have, so its memory stays bounded', async () => {
    const cache = feed.cache<string>('test', 10);
    await cache.read('at-limit', load(LIMITS.changeCacheTagsPerEntry));
    await cache.read('at-limit', load(LIMITS.changeCacheTagsPerEntry));
    expect(reads).toBe(1);
    await cache.read('over-limit', load(LIMITS.changeCacheTagsPerEntry + 1));
    await cache.read('over-limit', load(LIMITS.changeCacheTagsPerEntry + 1));
    expect(reads).toBe(3);
  });
});
