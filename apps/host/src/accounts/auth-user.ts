import type { Role } from './user.entity';

/** Who is making the request, as resolved from their session. */
export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  sessionId: string;
}
