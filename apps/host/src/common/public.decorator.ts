import { SetMetadata } from '@nestjs/common';

/** The route metadata key of @Public; the session guard (accounts/auth.guard.ts) reads it. */
export const PUBLIC_ROUTE = 'kongjian:public';

/**
 * Anonymous visitors may call this route; a signed-in viewer is still recognised. Plain route metadata,
 * here below every module so that any controller (metrics' too, below accounts) can mark its routes.
 */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
