import type { AccountResponse, SessionResponse } from './dto/accounts.dto';
import type { Session } from './session.entity';
import type { User } from './user.entity';

export function toAccountResponse(user: User): AccountResponse {
  return {
    id: user.id,
    username: user.username,
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
    defaultPrivacy: user.defaultPrivacy,
    defaultGroupIds: [...user.defaultGroupIds],
  };
}

export function toSessionResponse(session: Session, currentSessionId?: string): SessionResponse {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    userAgent: session.userAgent ?? null,
    ip: session.ip ?? null,
    current: session.id === currentSessionId,
  };
}
