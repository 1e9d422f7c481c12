import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppsService, type RegisteredApp } from '../apps/apps.service';
import { tokenError } from './oauth-errors';

/** An invalid_client refusal that remembers whether HTTP Basic was tried (RFC 6749 §5.2 then wants a challenge). */
export class ClientAuthenticationError extends Error {
  readonly error;
  constructor(
    readonly usedBasic: boolean,
    description: string,
  ) {
    super(description);
    this.error = tokenError('invalid_client', description);
  }
}

function bodyString(request: Request, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** RFC 6749 §2.3.1: both halves of the Basic credentials are form-urlencoded before base64. */
function basicCredentials(header: string): { clientId: string; secret: string } | null {
  const decoded = Buffer.from(header.slice('Basic '.length).trim(), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return { clientId: decode(decoded.slice(0, separator)), secret: decode(decoded.slice(separator + 1)) };
  } catch {
    return null;
  }
}

/**
 * Client authentication at the token, revocation and introspection endpoints: client_secret_basic or
 * client_secret_post for confidential clients, a bare client_id for public ones. One method per request.
 */
@Injectable()
export class ClientAuthenticator {
  constructor(private readonly apps: AppsService) {}

  async authenticate(request: Request): Promise<RegisteredApp> {
    const header = request.headers.authorization;
    const usedBasic = header !== undefined && /^basic /i.test(header);
    const bodyClientId = bodyString(request, 'client_id');
    const bodySecret = bodyString(request, 'client_secret');
    let clientId: string | undefined;
    let secret: string | undefined;
    if (usedBasic) {
      const credentials = basicCredentials(header);
      if (!credentials) throw new ClientAuthenticationError(true, 'Malformed Basic credentials');
      if (bodySecret !== undefined || (bodyClientId !== undefined && bodyClientId !== credentials.clientId)) {
        throw tokenError('invalid_request', 'Use one client authentication method, not several');
      }
      ({ clientId, secret } = credentials);
    } else {
      clientId = bodyClientId;
      secret = bodySecret;
    }
    if (!clientId) throw new ClientAuthenticationError(usedBasic, 'Client authentication is required');
    const app = await this.apps.authenticateClient(clientId, secret);
    if (!app) throw new ClientAuthenticationError(usedBasic, 'Unknown client or wrong client secret');
    return app;
  }
}
