import { EntityManager } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { LIMITS } from '../common/limits';
import { Keyset } from '../common/pagination';
import { forbidden, notFound, ProblemException } from '../common/problem';
import { ActivityService } from '../economy/activity.service';
import { EconomyService, type SpaceBadges } from '../economy/economy.service';
import { FriendsService, type Relation } from '../friends/friends.service';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationsService } from '../notifications/notifications.service';
import { PostsService } from '../posts/posts.service';
import { ProfilesService } from '../profiles/profiles.service';
import { BoardAccess, FREE_THEMES, Gender, Space, SpaceModule } from '../profiles/space.entity';
import { BoardMessage } from './board-message.entity';
import { type BoardMessageRow, BoardRepository } from './board.repository';
import type { Relationship } from './dto/spaces.dto';
import { type VisitorRow, SpaceVisitsRepository } from './space-visits.repository';

export type { BoardMessageRow } from './board.repository';
export type { VisitorRow } from './space-visits.repository';

/** A profile change: a field left undefined stays, null clears an optional one. */
export interface ProfileEdit {
  nickname?: string;
  avatarUrl?: string | null;
  signature?: string | null;
  gender?: Gender;
  birthday?: string | null;
  location?: string | null;
}

export interface DecorationEdit {
  themeId?: string;
  musicUrl?: string | null;
  /** A music item of the shop; its track becomes the background music. */
  musicItemId?: string;
  modules?: SpaceModule[];
  boardAccess?: BoardAccess;
}

/** What a viewer gets when opening someone's space. */
export interface SpaceView {
  space: Space;
  username: string;
  postCount: number;
  visitorCount: number;
  visitorsToday: number;
  relationship: Relationship | null;
  canReadBoard: boolean;
  canWriteBoard: boolean;
  /** The theme shown: the owner's choice, or the default once they may no longer use it (a lapsed VIP). */
  themeId: string;
  badges: SpaceBadges;
}

/** What the viewer may do on an owner's message board, and why not. */
interface BoardRights {
  canRead: boolean;
  canWrite: boolean;
  blockedByOwner: boolean;
}

/** The UTC calendar day of an instant, as PostgreSQL's `date` reads it. */
function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Built-in themes anyone may use; others are shop items and the economy decides. */
function isFreeTheme(themeId: string): boolean {
  return (FREE_THEMES as readonly string[]).includes(themeId);
}

function invalidField(field: string, message: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation_failed', message, [{ field, message }]);
}

const boardClosed = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, 'board_closed', detail);

/** Trimmed text, or null when nothing is left: an empty signature is no signature. */
function optionalText(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed.length > 0 ? trimmed : null;
}

/**
 * Who may use a message board: the owner always; with 'everyone' any reader and any signed-in writer
 * the owner has not blocked; with 'friends' only friends (a block ends a friendship).
 */
function boardRights(
  access: BoardAccess,
  ownerId: string,
  viewerId: string | null,
  relation: Relation | undefined,
): BoardRights {
  if (viewerId === ownerId) return { canRead: true, canWrite: true, blockedByOwner: false };
  if (viewerId === null || !relation) {
    return { canRead: access === 'everyone', canWrite: false, blockedByOwner: false };
  }
  const admitted = access === 'everyone' || relation.isFriend;
  return {
    canRead: admitted,
    canWrite: admitted && !relation.blockedByAuthor,
    blockedByOwner: relation.blockedByAuthor,
  };
}

function relationship(
  ownerId: string,
  viewerId: string | null,
  relation: Relation | undefined,
  blocking: boolean,
): Relationship | null {
  if (viewerId === null) return null;
  if (viewerId === ownerId || !relation) return 'self';
  if (relation.blockedByAuthor) return 'blocked';
  if (blocking) return 'blocking';
  return relation.isFriend ? 'friend' : 'none';
}

@Injectable()
export class SpacesService {
  constructor(
    private readonly em: EntityManager,
    private readonly profiles: ProfilesService,
    private readonly visits: SpaceVisitsRepository,
    private readonly board: BoardRepository,
    private readonly accounts: AccountsService,
    private readonly friends: FriendsService,
    private readonly posts: PostsService,
    private readonly notifications: NotificationsService,
    private readonly economy: EconomyService,
    private readonly activity: ActivityService,
    private readonly moderation: ModerationService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  // ── the space page ───────────────────────────────────────────────────────

  /** A space as the viewer sees it; a signed-in visitor other than the owner is logged as a visit. */
  async view(viewerId: string | null, ownerId: string): Promise<SpaceView> {
    const owner = await this.accounts.presentTo(viewerId, ownerId);
    const now = this.clock.now();
    if (viewerId !== null && viewerId !== ownerId && (await this.recordVisit(ownerId, viewerId, now))) {
      await this.activity.record(ownerId, 'visitor');
    }
    const space = (await this.profiles.find(ownerId)) ?? this.profiles.defaults(ownerId, owner.username, now);
    const [relation, blocking, postCount, visits, badges, themeUsable] = await Promise.all([
      this.relationTo(ownerId, viewerId),
      viewerId !== null && viewerId !== ownerId ? this.friends.hasBlocked(viewerId, ownerId) : false,
      this.posts.countByAuthor(viewerId, ownerId),
      this.visitCounts(ownerId, now),
      this.economy.badges(ownerId),
      isFreeTheme(space.themeId) || this.economy.themeUsable(ownerId, space.themeId),
    ]);
    const rights = boardRights(space.boardAccess, ownerId, viewerId, relation);
    return {
      space,
      username: owner.username,
      postCount,
      visitorCount: visits.total,
      visitorsToday: visits.today,
      relationship: relationship(ownerId, viewerId, relation, blocking),
      canReadBoard: rights.canRead,
      canWriteBoard: rights.canWrite,
      themeId: themeUsable ? space.themeId : new Space().themeId,
      badges,
    };
  }

  async updateProfile(userId: string, edit: ProfileEdit): Promise<Space> {
    if (edit.birthday) this.checkBirthday(edit.birthday);
    return this.profiles.edit(userId, (space) => {
      if (edit.nickname !== undefined) space.nickname = edit.nickname.trim();
      if (edit.avatarUrl !== undefined) space.avatarUrl = edit.avatarUrl;
      if (edit.signature !== undefined) space.signature = optionalText(edit.signature);
      if (edit.gender !== undefined) space.gender = edit.gender;
      if (edit.birthday !== undefined) space.birthday = edit.birthday;
      if (edit.location !== undefined) space.location = optionalText(edit.location);
    });
  }

  async updateDecoration(userId: string, edit: DecorationEdit): Promise<Space> {
    if (edit.themeId !== undefined && !isFreeTheme(edit.themeId)) {
      await this.economy.assertThemeUsable(userId, edit.themeId);
    }
    if (edit.musicItemId !== undefined && edit.musicUrl !== undefined) {
      throw invalidField('musicItemId', 'musicItemId and musicUrl cannot both be sent; send one of them');
    }
    const itemMusicUrl = edit.musicItemId
      ? await this.economy.usableMusicUrl(userId, edit.musicItemId.toLowerCase())
      : undefined;
    return this.profiles.edit(userId, (space) => {
      if (edit.themeId !== undefined) space.themeId = edit.themeId;
      if (edit.musicUrl !== undefined) space.musicUrl = edit.musicUrl;
      if (itemMusicUrl !== undefined) space.musicUrl = itemMusicUrl;
      if (edit.modules !== undefined) space.modules = [...edit.modules];
      if (edit.boardAccess !== undefined) space.boardAccess = edit.boardAccess;
    });
  }

  private checkBirthday(birthday: string): void {
    if (birthday > utcDay(this.clock.now())) {
      throw invalidField('birthday', 'birthday must not be in the future');
    }
    if (birthday < LIMITS.birthdayEarliest) {
      throw invalidField('birthday', `birthday must not be before ${LIMITS.birthdayEarliest}`);
    }
  }

  /** How the owner relates to the viewer; undefined for the owner and anonymous viewers. */
  private async relationTo(ownerId: string, viewerId: string | null): Promise<Relation | undefined> {
    return viewerId === null || viewerId === ownerId ? undefined : this.friends.relation(ownerId, viewerId);
  }

  // ── visitor log ──────────────────────────────────────────────────────────

  /**
   * One entry per visitor per UTC day; a later visit that day only moves its time.
   * Returns whether this was the visitor's first visit of the day.
   */
  private recordVisit(ownerId: string, visitorId: string, now: Date): Promise<boolean> {
    return this.visits.record(ownerId, visitorId, utcDay(now), now);
  }

  /** The log's counts, as many as the owner sees in it (suspended visitors are left out of both). */
  private visitCounts(ownerId: string, now: Date): Promise<{ total: number; today: number }> {
    return this.visits.counts(ownerId, utcDay(now));
  }

  /** The owner's visitor log, latest visit first, without suspended visitors; nobody else may read it. */
  async listVisitors(
    viewerId: string,
    ownerId: string,
    limit: number,
    after?: Keyset,
  ): Promise<VisitorRow[]> {
    await this.accounts.getUser(ownerId);
    if (viewerId !== ownerId) throw forbidden('Only the owner of a space sees who visited it');
    return this.visits.list(ownerId, limit, after);
  }

  // ── message board ────────────────────────────────────────────────────────

  private async boardAccessOf(viewerId: string | null, ownerId: string): Promise<BoardAccess> {
    await this.accounts.presentTo(viewerId, ownerId);
    const space = await this.profiles.find(ownerId);
    return space?.boardAccess ?? new Space().boardAccess;
  }

  async listMessages(
    viewerId: string | null,
    ownerId: string,
    limit: number,
    after?: Keyset,
  ): Promise<BoardMessageRow[]> {
    const access = await this.boardAccessOf(viewerId, ownerId);
    const rights = boardRights(access, ownerId, viewerId, await this.relationTo(ownerId, viewerId));
    if (!rights.canRead) throw boardClosed('This message board is open to friends only');
    return this.board.list(viewerId, ownerId, limit, after);
  }

  async leaveMessage(authorId: string, ownerId: string, body: string): Promise<BoardMessage> {
    return this.em.transactional(async () => {
      const access = await this.boardAccessOf(authorId, ownerId);
      const rights = boardRights(access, ownerId, authorId, await this.relationTo(ownerId, authorId));
      if (rights.blockedByOwner) {
        throw new ProblemException(
          HttpStatus.FORBIDDEN,
          'blocked',
          'This user does not accept your messages',
        );
      }
      if (!rights.canWrite) throw boardClosed('Only friends may leave a message here');
      const verdict = await this.moderation.screen([body]);
      const message = this.board.add({
        ownerId,
        authorId,
        body: body.trim(),
        moderation: this.moderation.stateAfter(verdict),
        createdAt: this.clock.now(),
      });
      await this.moderation.enqueue({ type: 'board_message', id: message.id, authorId }, verdict);
      // The owner is not told about a held message: they could not read it.
      if (message.moderation === 'published')
        this.notifications.notify({
          recipientId: ownerId,
          kind: 'board_message',
          actorId: authorId,
          subjectId: message.id,
        });
      await this.em.flush();
      return message;
    });
  }

  /** The space owner may delete any message on the board, an author their own; to others it does not exist. */
  async deleteMessage(viewerId: string, ownerId: string, messageId: string): Promise<void> {
    const removed = await this.board.delete(viewerId, ownerId, messageId);
    if (removed === 0) throw notFound('Board message');
  }
}
