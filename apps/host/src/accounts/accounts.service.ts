import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem';
import type { PrivacyLevel } from '../common/privacy-level';
import { ChangeCache, ChangeFeed } from '../database/change-feed';
import { MetaRepository } from '../database/meta.repository';
import { SYSTEM_ACCOUNT_KEY } from './accounts.fragments';
import { AccountsRepository, type SignedInSession } from './accounts.repository';
import type { AuthUser } from './auth-user';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password';
import { Session } from './session.entity';
import { SignInThrottle } from './sign-in-throttle';
import { Role, User } from './user.entity';

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

export interface IssuedSession {
  token: string;
  session: Session;
  user: User;
}

/** A suspended account tried to sign in; the same problem for the API and the OAuth sign-in page. */
export const accountSuspended = () =>
  new ProblemException(HttpStatus.FORBIDDEN, 'account_suspended', 'This account is suspended');

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Not a scrypt hash, so no password ever verifies against it. */
const UNUSABLE_PASSWORD_HASH = '!';

export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger('AccountsService');
  private readonly signInListeners: ((userId: string) => Promise<void>)[] = [];
  /** Signed-in sessions by the hash of their token. */
  private readonly sessions: ChangeCache<SignedInSession>;

  constructor(
    private readonly em: EntityManager,
    private readonly repository: AccountsRepository,
    private readonly meta: MetaRepository,
    private readonly throttle: SignInThrottle,
    @Inject(Clock) private readonly clock: Clock,
    changes: ChangeFeed,
  ) {
    this.sessions = changes.cache('sessions', LIMITS.changeCacheEntries);
  }

  /**
   * Lets a module that depends on accounts react to sign-ins (economy's daily-login points) without
   * accounts depending on it. Listeners run after the session is issued; their errors are logged.
   */
  onSignIn(listener: (userId: string) => Promise<void>): void {
    this.signInListeners.push(listener);
  }

  async register(username: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    return this.issueSession(await this.createUser(username, password, ['user']), client);
  }

  /** Creates an account; a username taken in any letter case is a conflict. */
  async createUser(username: string, password: string, roles: Role[]): Promise<User> {
    const user = await this.repository.insertUser({
      username,
      usernameKey: usernameKey(username),
      passwordHash: await hashPassword(password),
      roles,
      createdAt: this.clock.now(),
    });
    if (!user) throw conflict('username_taken', 'That username is taken');
    return user;
  }

  async login(username: string, password: string, client: ClientInfo): Promise<IssuedSession> {
    const key = usernameKey(username);
    await this.throttle.attempt(key, client.ip);

    const user = await this.repository.userByUsernameKey(key);
    const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
    if (!user || !valid) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        'invalid_credentials',
        'Wrong username or password',
      );
    }
    await this.throttle.succeeded(key, client.ip);
    // Told only to someone who knows the password, so it reveals nothing about other people's accounts.
    if (user.suspendedAt) throw accountSuspended();
    return this.issueSession(user, client);
  }

  /**
   * Replaces the password once the current one is given. A wrong current password counts toward the
   * same throttling as a failed sign-in, so a stolen session cannot be used to guess the password.
   * Every other session of the user ends; the one making the change stays signed in.
   */
  async changePassword(
    viewer: Pick<AuthUser, 'id' | 'sessionId'>,
    currentPassword: string,
    newPassword: string,
    client: ClientInfo,
  ): Promise<void> {
    const user = await this.getUser(viewer.id);
    await this.throttle.attempt(user.usernameKey, client.ip);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'wrong_password',
        'The current password is wrong',
      );
    }
    await this.throttle.succeeded(user.usernameKey, client.ip);
    const passwordHash = await hashPassword(newPassword);
    await this.em.transactional(async () => {
      await this.repository.setPasswordHash(user.id, passwordHash);
      const ended = await this.repository.endSessionsExcept(user.id, viewer.sessionId);
      this.logger.log({ message: 'password changed', userId: user.id, sessionsEnded: ended });
    });
  }

  private async issueSession(user: User, client: ClientInfo): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.repository.insertSession({
      userId: user.id,
      tokenHash: hashToken(token),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + LIMITS.sessionTtlDays * 86_400_000),
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    for (const listener of this.signInListeners) {
      await listener(user.id).catch((error: unknown) =>
        this.logger.warn({ message: 'sign-in listener failed', error: String(error) }),
      );
    }
    return { token, session, user };
  }

  /**
   * Resolves a session token to its user, or undefined when it is unknown, expired, ended or its user
   * suspended. Sessions are cached in memory: the database's change feed drops one the moment it ends or
   * its user changes, on every instance.
   */
  async authenticate(token: string): Promise<AuthUser | undefined> {
    const now = this.clock.now();
    const tokenHash = hashToken(token);
    const session = await this.sessions.read(tokenHash, async () => {
      const row = await this.repository.signedInSession(tokenHash, now);
      return row && { value: row, tags: [`session:${row.sessionId}`, `user:${row.user.id}`] };
    });
    if (!session || session.expiresAt.getTime() <= now.getTime()) return undefined;
    if (now.getTime() - session.lastUsedAt.getTime() > LIMITS.sessionTouchSeconds * 1000) {
      await this.repository.touchSession(session.sessionId, now);
      this.sessions.update(tokenHash, { ...session, lastUsedAt: now });
    }
    return session.user;
  }

  /** Whether a session still signs its user in (not ended, not expired), for long-lived connections. */
  sessionActive(sessionId: string): Promise<boolean> {
    return this.repository.sessionActive(sessionId, this.clock.now());
  }

  listSessions(userId: string): Promise<Session[]> {
    return this.repository.activeSessions(userId, this.clock.now());
  }

  async endSession(userId: string, sessionId: string): Promise<void> {
    if (!(await this.repository.endSession(userId, sessionId))) throw notFound('Session');
  }

  async getUser(id: string): Promise<User> {
    const user = await this.repository.userById(id);
    if (!user) throw notFound('User');
    return user;
  }

  /**
   * The user as others may find them: 404 when there is no such user, and when the user is suspended
   * and the viewer is someone else, exactly as if the account did not exist.
   */
  async presentTo(viewerId: string | null, userId: string): Promise<User> {
    const user = await this.getUser(userId);
    if (user.suspendedAt && viewerId !== userId) throw notFound('User');
    return user;
  }

  async findByUsername(username: string): Promise<User> {
    const user = await this.repository.userByUsernameKey(usernameKey(username));
    if (!user) throw notFound('User');
    return user;
  }

  /** Usernames of many users at once, for the summaries other modules show. */
  async usernames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.repository.usernames(ids);
    return new Map(rows.map((row) => [row.id, row.username]));
  }

  /**
   * Stores the audience preselected for the user's new posts. The caller has checked it against the
   * privacy rule (groups only with 'groups', and only the user's own); `groupIds` are normalized.
   */
  async setDefaultAudience(userId: string, privacy: PrivacyLevel, groupIds: string[]): Promise<User> {
    await this.getUser(userId);
    await this.repository.setDefaultAudience(userId, privacy, groupIds);
    return this.repository.reloadUser(userId);
  }

  /** A friend group was deleted: it can no longer be part of its owner's default audience. */
  forgetDefaultGroup(ownerId: string, groupId: string): Promise<void> {
    return this.repository.forgetDefaultGroup(ownerId, groupId);
  }

  /**
   * Gives a user one more role: a developer's on their own request, the configured admin's at start.
   * True if the role is new.
   */
  async addRole(userId: string, role: Role): Promise<boolean> {
    const user = await this.getUser(userId);
    if (user.roles.includes(role)) return false;
    await this.repository.saveRoles(user, [...user.roles, role]);
    return true;
  }

  /**
   * An admin sets a user's roles (everyone keeps `user`); returns the roles the user had before. An
   * admin cannot take away their own admin role, so there is always someone left to give it back.
   */
  async setRoles(adminId: string, userId: string, roles: Role[]): Promise<{ user: User; previous: Role[] }> {
    const next: Role[] = ['user', ...new Set(roles.filter((role) => role !== 'user'))];
    if (adminId === userId && !next.includes('admin')) {
      throw badRequest('cannot_remove_own_admin', 'You cannot remove your own admin role; another admin can');
    }
    const user = await this.getUser(userId);
    await this.refuseForPlatformAccount(userId, 'its roles cannot be changed');
    const previous = [...user.roles];
    await this.repository.saveRoles(user, next);
    return { user, previous };
  }

  /** Admins manage people: the platform's own account (no one signs in as it) is not theirs to change. */
  private async refuseForPlatformAccount(userId: string, what: string): Promise<void> {
    if (await this.repository.isPlatformAccount(userId)) {
      throw conflict(
        'platform_account',
        `This is the platform's own account, which owns the built-in apps: ${what}`,
      );
    }
  }

  /**
   * An admin suspends an account: it cannot sign in, every session ends now, and the privacy rule and
   * the token checks treat it as suspended until `unsuspend`. Admins cannot suspend themselves (nobody
   * could lift it if they were the last admin), nor the platform's own account (its built-in apps would
   * stop for everyone).
   */
  async suspend(adminId: string, userId: string, reason: string): Promise<User> {
    if (adminId === userId) throw conflict('cannot_target_self', 'You cannot suspend your own account');
    return this.em.transactional(async () => {
      await this.getUser(userId);
      await this.refuseForPlatformAccount(userId, 'it cannot be suspended');
      if (!(await this.repository.suspend(userId, adminId, reason, this.clock.now()))) {
        throw conflict('already_suspended', 'This account is already suspended');
      }
      const ended = await this.repository.endSessions(userId);
      this.logger.log({ message: 'account suspended', userId, adminId, sessionsEnded: ended });
      return this.repository.reloadUser(userId);
    });
  }

  /**
   * Lifts a suspension: the user may sign in again, and their content is back for others. Returns
   * when the suspension began.
   */
  async unsuspend(userId: string): Promise<{ user: User; suspendedAt: Date }> {
    return this.em.transactional(async () => {
      const { suspendedAt } = await this.getUser(userId);
      if (!suspendedAt || !(await this.repository.unsuspend(userId))) {
        throw conflict('not_suspended', 'This account is not suspended');
      }
      return { user: await this.repository.reloadUser(userId), suspendedAt };
    });
  }

  isSuspended(userId: string): Promise<boolean> {
    return this.repository.isSuspended(userId);
  }

  /** Accounts for the admins' user list, newest first. */
  listAccounts(limit: number, after: Keyset | undefined): Promise<{ id: string; created_at: Date }[]> {
    return this.repository.listAccounts(limit, after);
  }

  usersByIds(ids: readonly string[]): Promise<User[]> {
    return this.repository.usersByIds(ids);
  }

  /** Creates the configured admin, or gives an existing user of that name the admin role. */
  async ensureAdmin(username: string, password: string): Promise<User> {
    // Instances starting together each ensure the same admin: one at a time, so the others find it made.
    return this.em.transactional(async () => {
      await this.repository.lockUsername(usernameKey(username));
      const existing = await this.repository.userByUsernameKey(usernameKey(username));
      if (existing) {
        if (await this.addRole(existing.id, 'admin'))
          this.logger.log({ message: 'granted admin role', username });
        return existing;
      }
      const user = await this.createUser(username, password, ['user', 'admin']);
      this.logger.log({ message: 'created admin', username });
      return user;
    });
  }

  /**
   * Holds the user's account row until the caller's transaction ends, so what one user does that must
   * not overlap (registering apps under a per-developer cap) takes turns.
   */
  lockAccount(userId: string): Promise<void> {
    return this.repository.lockAccount(userId);
  }

  /**
   * The platform's own account (owner of the built-in apps), created on first use and remembered in
   * `kongjian_meta`: a user and developer nobody can sign in as, since its password hash is no scrypt hash.
   * Fails, creating nothing, when a person already has the username.
   */
  async platformAccountId(username: string): Promise<string> {
    const known = await this.meta.get<string>(SYSTEM_ACCOUNT_KEY);
    if (known) return known;
    const key = usernameKey(username);
    const user =
      (await this.repository.userByUsernameKey(key)) === null
        ? await this.repository.insertUser({
            username,
            usernameKey: key,
            passwordHash: UNUSABLE_PASSWORD_HASH,
            roles: ['user', 'developer'],
            createdAt: this.clock.now(),
          })
        : null;
    if (!user) {
      throw new Error(
        `The username "${username}" belongs to a person; the built-in apps need it for the platform`,
      );
    }
    await this.meta.add(SYSTEM_ACCOUNT_KEY, user.id);
    return user.id;
  }

  /** Whether anyone has signed up (the platform's own account is nobody). */
  hasPeople(): Promise<boolean> {
    return this.repository.hasPeople();
  }
}
