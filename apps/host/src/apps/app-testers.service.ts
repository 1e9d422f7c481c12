import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { conflict, notFound, ProblemException } from '../common/problem';
import { AppRegistry } from './app-registry.service';
import { AppTestersRepository } from './app-testers.repository';
import type { AppTester, RegisteredApp } from './registered-app';

/**
 * Development mode: who may use an app before users get it (its developer, the testers they whitelist,
 * and admins, who review it), and the developer's whitelist itself.
 */
@Injectable()
export class AppTestersService {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: AppRegistry,
    private readonly repository: AppTestersRepository,
    private readonly accounts: AccountsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  isTester(appId: string, userId: string): Promise<boolean> {
    return this.repository.isTester(appId, userId);
  }

  /**
   * Development mode: until a version is published, only the app's developer and whitelisted testers
   * may authorize or install it; a suspended app nobody may.
   */
  async mayAuthorize(app: RegisteredApp, userId: string): Promise<boolean> {
    if (app.status === 'suspended') return false;
    if (app.status === 'published' || app.ownerId === userId) return true;
    return (await this.isTester(app.id, userId)) || (await this.isReviewer(userId));
  }

  /**
   * Admins review apps, so they are testers of every app: they may install, sign in to and open an app
   * in development mode, and open any version's canvas, to try what they are asked to approve.
   */
  private async isReviewer(userId: string): Promise<boolean> {
    return (await this.accounts.getUser(userId)).roles.includes('admin');
  }

  /** Who may open a version that users do not have yet: its developer, its testers and reviewers. */
  async mayTest(app: RegisteredApp, userId: string): Promise<boolean> {
    if (app.status === 'suspended') return false;
    return app.ownerId === userId || (await this.isTester(app.id, userId)) || (await this.isReviewer(userId));
  }

  async listTesters(developerId: string, appId: string): Promise<AppTester[]> {
    await this.registry.owned(developerId, appId);
    return this.repository.list(appId);
  }

  /** Whitelists a tester, or finds them already whitelisted; either way says since when. */
  async addTester(developerId: string, appId: string, testerId: string): Promise<AppTester> {
    return this.em.transactional(async () => {
      await this.registry.owned(developerId, appId, true);
      if (testerId === developerId) {
        throw new ProblemException(
          HttpStatus.CONFLICT,
          'cannot_target_self',
          'The developer cannot be a tester: they can always use their own app',
        );
      }
      await this.accounts.getUser(testerId);
      const since = await this.repository.addedAt(appId, testerId);
      if (since) return { userId: testerId, addedAt: since };
      if ((await this.repository.count(appId)) >= LIMITS.appTestersMax) {
        throw conflict('limit_reached', `An app can have at most ${LIMITS.appTestersMax} testers`);
      }
      const tester = { userId: testerId, addedAt: this.clock.now() };
      await this.repository.insert(appId, tester);
      return tester;
    });
  }

  /**
   * `addTester` for the username a developer knows their tester by (any letter case). The app is
   * checked first, so a stranger learns nothing about usernames through someone else's app.
   */
  async addTesterByUsername(developerId: string, appId: string, username: string): Promise<AppTester> {
    await this.registry.owned(developerId, appId);
    const tester = await this.accounts.findByUsername(username).catch((error: unknown) => {
      throw error instanceof ProblemException && error.status === HttpStatus.NOT_FOUND
        ? new ProblemException(
            HttpStatus.NOT_FOUND,
            'unknown_username',
            `Nobody has the username "${username}"`,
          )
        : error;
    });
    return this.addTester(developerId, appId, tester.id);
  }

  async removeTester(developerId: string, appId: string, testerId: string): Promise<void> {
    await this.registry.owned(developerId, appId);
    if (!(await this.repository.delete(appId, testerId))) throw notFound('Tester');
  }
}
