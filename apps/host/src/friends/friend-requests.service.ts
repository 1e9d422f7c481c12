import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { Keyset } from '../common/pagination';
import { badRequest, conflict, notFound, ProblemException } from '../common/problem';
import { EventsService } from '../events/events.service';
import { NotificationsService } from '../notifications/notifications.service';
import { FriendRequest, FriendRequestStatus } from './friend-request.entity';
import { FriendRequestRow, FriendRequestsRepository } from './friend-requests.repository';
import { FriendsRepository } from './friends.repository';
import { FriendsService } from './friends.service';

const reversePending = () =>
  conflict('reverse_request_pending', 'This user already sent you a request: accept it instead');

/** Friend requests: sending one, answering or withdrawing it, and the lists of pending ones. */
@Injectable()
export class FriendRequestsService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: FriendRequestsRepository,
    private readonly friendships: FriendsRepository,
    private readonly friends: FriendsService,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async sendRequest(fromId: string, toId: string, note: string | undefined): Promise<FriendRequest> {
    if (fromId === toId) throw badRequest('cannot_target_self', 'You cannot befriend yourself');
    await this.accounts.presentTo(fromId, toId);
    return this.em
      .transactional(async () => {
        if (await this.friends.hasBlocked(toId, fromId)) {
          throw new ProblemException(
            HttpStatus.FORBIDDEN,
            'blocked',
            'This user does not accept your requests',
          );
        }
        if (await this.friends.hasBlocked(fromId, toId)) {
          throw conflict('blocked', 'Unblock this user before sending a friend request');
        }
        if (await this.friends.areFriends(fromId, toId))
          throw conflict('already_friends', 'You are already friends');
        if (await this.repository.findPending(toId, fromId)) throw reversePending();
        const request = this.repository.create(fromId, toId, note ?? null, this.clock.now());
        this.notifications.notify({
          recipientId: toId,
          kind: 'friend_request_received',
          actorId: fromId,
          subjectId: request.id,
        });
        await this.em.flush();
        return request;
      })
      .catch(async (error: unknown) => {
        // The pending-pair index also catches a request the other person sent at the same moment.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        const reverse = await this.repository.findPending(toId, fromId);
        throw reverse
          ? reversePending()
          : conflict('request_pending', 'You already sent this user a request');
      });
  }

  /**
   * A request the viewer sent or received, as long as the other side is not suspended: hidden like
   * everything else of theirs (404), so it can be neither answered nor withdrawn until the suspension ends.
   */
  async getRequest(viewerId: string, requestId: string): Promise<FriendRequest> {
    const request = await this.repository.find(requestId);
    if (!request || (request.fromId !== viewerId && request.toId !== viewerId))
      throw notFound('Friend request');
    if (await this.accounts.isSuspended(request.fromId === viewerId ? request.toId : request.fromId)) {
      throw notFound('Friend request');
    }
    return request;
  }

  /**
   * Moves a pending request to its outcome with one conditional UPDATE, so of many racing decisions
   * exactly one wins and the rest see `request_not_pending`.
   */
  private async decide(
    viewerId: string,
    requestId: string,
    side: 'to_id' | 'from_id',
    status: FriendRequestStatus,
  ): Promise<FriendRequest> {
    const request = await this.getRequest(viewerId, requestId);
    if ((side === 'to_id' ? request.toId : request.fromId) !== viewerId) throw notFound('Friend request');
    const changed = await this.repository.decide(requestId, side, viewerId, status, this.clock.now());
    if (changed === 0)
      throw conflict('request_not_pending', 'This request was already answered or withdrawn');
    request.status = status;
    return request;
  }

  async accept(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(async () => {
      const request = await this.decide(viewerId, requestId, 'to_id', 'accepted');
      await this.friendships.insertFriendship(request.fromId, request.toId, this.clock.now());
      await this.events.publishFriendAdded(request.toId, request.fromId);
      this.notifications.notify({
        recipientId: request.fromId,
        kind: 'friend_request_accepted',
        actorId: request.toId,
        subjectId: request.id,
      });
      await this.em.flush();
      return request;
    });
  }

  decline(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(() => this.decide(viewerId, requestId, 'to_id', 'declined'));
  }

  cancel(viewerId: string, requestId: string): Promise<FriendRequest> {
    return this.em.transactional(() => this.decide(viewerId, requestId, 'from_id', 'cancelled'));
  }

  listRequests(
    viewerId: string,
    direction: 'incoming' | 'outgoing',
    limit: number,
    after?: Keyset,
  ): Promise<FriendRequestRow[]> {
    return this.repository.listPending(viewerId, direction, limit, after);
  }
}
