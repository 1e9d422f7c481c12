import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  JsonWebKey,
  KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { LIMITS } from '../common/limits';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { MetaRepository } from '../database/meta.repository';

const SIGNING_KEY = 'launch_signing_key';

/** An EC P-256 public key as a JWK (RFC 7517), as the key set publishes it. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

export interface LaunchToken {
  token: string;
  expiresAt: Date;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Canvas launch tokens: compact JWS (ES256) that tell an app's backend which user opened its canvas.
 * The key pair is created once and kept in `kongjian_meta`, so every host instance signs with the same
 * key and the key set at `/.well-known/jwks.json` stays valid across restarts.
 */
@Injectable()
export class LaunchTokensService {
  private privateKey: KeyObject | undefined;
  private publicJwk: PublicJwk | undefined;

  constructor(
    private readonly meta: MetaRepository,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  /** Loads the signing key, creating it on the very first start (at start, outside any transaction). */
  async loadSigningKey(): Promise<void> {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = await this.meta.getOrAdd<JsonWebKey>(SIGNING_KEY, privateKey.export({ format: 'jwk' }));
    this.privateKey = createPrivateKey({ key, format: 'jwk' });
    const { x, y } = key as { x: string; y: string };
    // RFC 7638 thumbprint: a kid that changes exactly when the key does.
    const kid = createHash('sha256')
      .update(JSON.stringify({ crv: 'P-256', kty: 'EC', x, y }))
      .digest('base64url');
    this.publicJwk = { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' };
  }

  keySet(): { keys: PublicJwk[] } {
    return { keys: [this.key().publicJwk] };
  }

  private key(): { privateKey: KeyObject; publicJwk: PublicJwk } {
    if (!this.privateKey || !this.publicJwk) {
      throw new Error('The launch signing key is loaded at start (createHost); it is missing');
    }
    return { privateKey: this.privateKey, publicJwk: this.publicJwk };
  }

  /** A token for `openid` opening the app with `clientId`: aud is the app, sub the user's openid. */
  issue(clientId: string, openid: string): LaunchToken {
    const { privateKey, publicJwk } = this.key();
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + LIMITS.launchTokenTtlSeconds;
    const header = { alg: 'ES256', typ: 'JWT', kid: publicJwk.kid };
    const claims = {
      iss: this.config.publicUrl,
      aud: clientId,
      sub: openid,
      nonce: randomBytes(16).toString('base64url'),
      iat: issuedAt,
      exp: expiresAt,
      jti: newId(),
    };
    const signingInput = `${base64url(header)}.${base64url(claims)}`;
    // JWS wants the raw r||s signature (RFC 7518 §3.4), not DER.
    const signature = sign('sha256', Buffer.from(signingInput), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return {
      token: `${signingInput}.${signature.toString('base64url')}`,
      expiresAt: new Date(expiresAt * 1000),
    };
  }
}
