import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';
import { ormOptions } from './orm-options';
import { entityManagerPerRequest } from './request-entity-manager';

describe('entityManagerPerRequest', () => {
  let orm: MikroORM;
  let embedded: { close(): Promise<void> } | undefined;
  let forks: jest.SpyInstance;

  beforeAll(async () => {
    // The host's own ORM options (they set the context resolution under test), on an in-memory PGlite.
    const options = ormOptions({ databaseUrl: undefined, dataDir: undefined });
    embedded = options.embedded;
    orm = await MikroORM.init(options.options);
  });
  // The ORM borrows the embedded database; left open, its thread outlived the file in the Jest worker.
  afterAll(async () => {
    await orm.close(true);
    await embedded?.close();
  });
  beforeEach(() => {
    forks = jest.spyOn(orm.em, 'fork');
  });
  afterEach(() => forks.mockRestore());

  /** Runs `work` as the rest of a request behind the middleware. */
  const inRequest = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise((resolve, reject) => {
      const next: NextFunction = () => void work().then(resolve, reject);
      entityManagerPerRequest(orm)({} as Request, {} as Response, next);
    });

  it('forks no entity manager for a request that never uses one', async () => {
    await inRequest(async () => undefined);
    expect(forks).not.toHaveBeenCalled();
  });

  it('gives a request one entity manager of its own, forked on first use and kept across awaits', async () => {
    const [first, second] = await Promise.all([
      inRequest(async () => {
        const before = orm.em.getContext();
        await new Promise((resolve) => setImmediate(resolve));
        expect(orm.em.getContext() === before).toBe(true);
        const rows = await orm.em.getConnection().execute<{ one: number }[]>('select 1 as one');
        expect(rows[0].one).toBe(1);
        return before;
      }),
      inRequest(async () => orm.em.getContext()),
    ]);
    // Compared by identity: a failed toBe would print whole entity managers.
    expect([first === orm.em, second === orm.em, first === second]).toEqual([false, false, false]);
    expect(forks).toHaveBeenCalledTimes(2);
  });

  it('still refuses the global entity manager outside a request', () => {
    expect(() => orm.em.getContext()).toThrow(/global EntityManager/);
  });

  it('lets an explicit RequestContext inside a request win', async () => {
    const [lazy, explicit] = await inRequest(async () => [
      orm.em.getContext(),
      await RequestContext.create(orm.em, async () => {
        // Compared by identity: a failed toBe would print two whole entity managers.
        expect(orm.em.getContext() === RequestContext.getEntityManager()).toBe(true);
        return orm.em.getContext();
      }),
    ]);
    expect(explicit === lazy).toBe(false);
  });
});
