import { AsyncLocalStorage } from 'node:async_hooks';
import { type EntityManager, type MikroORM, RequestContext } from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';

interface RequestScope {
  root: EntityManager;
  forked?: EntityManager;
  forking?: boolean;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/**
 * Gives each HTTP request its own entity manager (identity map and unit of work), as MikroORM's request
 * context does, but forks it only when the request's code first uses one: forking costs as much as a warm
 * cached read (a token introspection, an Open API call answered from the change caches), which then never
 * touches the ORM at all.
 */
export function entityManagerPerRequest(orm: MikroORM) {
  return (_request: Request, _response: Response, next: NextFunction): void => {
    scopes.run({ root: orm.em }, next);
  };
}

/**
 * The ORM's `context` option: the entity manager of the surrounding `RequestContext.create` (start-up work,
 * jobs, tests), otherwise the current request's, forked on first use; undefined outside both, so that using
 * the global entity manager there still fails (`allowGlobalContext: false`).
 */
export function contextEntityManager(name: string): EntityManager | undefined {
  const explicit = RequestContext.getEntityManager(name);
  if (explicit) return explicit;
  const scope = scopes.getStore();
  if (!scope || scope.root.name !== name || scope.forking) return undefined;
  if (!scope.forked) {
    // The new entity manager resolves its context while it is built (undefined then: itself), and it is
    // forked from the root directly, since resolving the root's context would come back here.
    scope.forking = true;
    try {
      scope.forked = scope.root.fork({ useContext: true, disableContextResolution: true });
    } finally {
      scope.forking = false;
    }
  }
  return scope.forked;
}
