import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { LaunchTokenError, verifyLaunchToken } from '@kongjian/sdk';

const ISSUER = 'https://kongjian.example';
const CLIENT_ID = 'kjc_lucky';
const NOW = 1_763_712_000;
const AT_NOW = new Date(NOW * 1000);

/** Signs as the host does: a compact JWS with node:crypto, ES256, raw r||s signature. */
function signToken(privateKey, kid, claims, header = { alg: 'ES256', typ: 'JWT', kid }) {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

const claims = (overrides = {}) => ({
  iss: ISSUER,
  aud: CLIENT_ID,
  sub: 'o_alice',
  nonce: randomBytes(16).toString('base64url'),
  iat: NOW,
  exp: NOW + 120,
  jti: '019a9b3c-0000-7000-8000-000000000001',
  ...overrides,
});

describe('verifyLaunchToken against a published key set', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = 'key-1';
  let server;
  let jwksUrl;

  before(async () => {
    server = http.createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }] }),
      );
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${server.address().port}/.well-known/jwks.json`;
  });
  after(() => server.close());

  const verify = (token, options = {}) =>
    verifyLaunchToken(token, { issuer: ISSUER, audience: CLIENT_ID, jwksUrl, now: AT_NOW, ...options });

  test('returns the openid, nonce and expiry of a good token', async () => {
    const good = claims();
    assert.deepEqual(await verify(signToken(privateKey, kid, good)), {
      openid: 'o_alice',
      nonce: good.nonce,
      expiresAt: new Date((NOW + 120) * 1000),
    });
  });

  test('refuses another audience, another issuer, expiry, tampering and a foreign key', async () => {
    const refusals = {
      audience: signToken(privateKey, kid, claims({ aud: 'kjc_other' })),
      issuer: signToken(privateKey, kid, claims({ iss: 'https://evil.example' })),
      expired: signToken(privateKey, kid, claims({ iat: NOW - 400, exp: NOW - 100 })),
      tooLong: signToken(privateKey, kid, claims({ exp: NOW + 3600 })),
      noNonce: signToken(privateKey, kid, claims({ nonce: undefined })),
      foreignKey: signToken(other.privateKey, kid, claims()),
      tampered: (() => {
        const [header, , signature] = signToken(privateKey, kid, claims()).split('.');
        const forged = Buffer.from(JSON.stringify(claims({ sub: 'o_mallory' }))).toString('base64url');
        return `${header}.${forged}.${signature}`;
      })(),
      unsigned: (() => {
        const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims())}.`;
      })(),
    };
    for (const [name, token] of Object.entries(refusals)) {
      await assert.rejects(verify(token), LaunchTokenError, name);
    }
  });
});
