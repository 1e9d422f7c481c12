import { Session } from '../accounts/session.entity';
import { User } from '../accounts/user.entity';
import { FeedEntry } from '../feed/feed-entry.entity';
import { Block } from '../friends/block.entity';
import { FriendGroup, FriendGroupMember } from '../friends/friend-group.entity';
import { FriendRequest } from '../friends/friend-request.entity';
import { Friendship } from '../friends/friendship.entity';
import { Notification } from '../notifications/notification.entity';
import { Comment } from '../posts/comment.entity';
import { PostLike } from '../posts/post-like.entity';
import { Post } from '../posts/post.entity';
import { AudienceGroup } from '../privacy/audience-group.entity';
import { BoardMessage } from '../spaces/board-message.entity';
import { SpaceVisit } from '../spaces/space-visit.entity';
import { Space } from '../profiles/space.entity';
import { Meta } from './meta.entity';

export const ENTITIES = [
  User,
  Session,
  Space,
  SpaceVisit,
  BoardMessage,
  FriendRequest,
  Friendship,
  FriendGroup,
  FriendGroupMember,
  Block,
  AudienceGroup,
  Post,
  Comment,
  PostLike,
  FeedEntry,
  Notification,
  Meta,
];
