import { createServer } from 'node:http';

/**
 * A minimal OAuth authorization server on loopback for the SDK's unit tests: metadata, a token endpoint
 * that rotates refresh tokens, revocation, and one Open API route. It records what clients sent.
 */
export async function startFakeServer({ expiresIn = 3600 } = {}) {
  const state = { tokenRequests: [], revoked: [], apiRequests: [], refreshDelayMs: 0, generation: 0 };
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const url = new URL(request.url, state.issuer);
    const json = (status, value, type = 'application/json') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(JSON.stringify(value));
    };
    if (url.pathname === '/.well-known/oauth-authorization-server') {
      return json(200, {
        issuer: state.issuer,
        authorization_endpoint: `${state.issuer}/oauth/authorize`,
        token_endpoint: `${state.issuer}/oauth/token`,
        revocation_endpoint: `${state.issuer}/oauth/revoke`,
        code_challenge_methods_supported: ['S256'],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (url.pathname === '/oauth/token') {
      state.tokenRequests.push({ authorization: request.headers.authorization, body });
      if (body.get('grant_type') === 'refresh_token') {
        await new Promise((resolve) => setTimeout(resolve, state.refreshDelayMs));
        if (body.get('refresh_token') !== `refresh-${state.generation}`) {
          return json(400, { error: 'invalid_grant', error_description: 'refresh token reused' });
        }
      } else if (body.get('code') !== 'the-code') {
        return json(400, { error: 'invalid_grant', error_description: 'unknown code' });
      }
      state.generation += 1;
      return json(200, {
        access_token: `access-${state.generation}`,
        refresh_token: `refresh-${state.generation}`,
        token_type: 'Bearer',
        expires_in: expiresIn,
        scope: 'profile:read storage',
      });
    }
    if (url.pathname === '/oauth/revoke') {
      state.revoked.push(body.get('token'));
      response.writeHead(200).end();
      return;
    }
    if (url.pathname === '/open/v1/me') {
      state.apiRequests.push({ authorization: request.headers.authorization });
      return json(200, { openid: 'o-1', nickname: 'Xiaoming' });
    }
    if (url.pathname === '/open/v1/storage/missing') {
      return json(
        404,
        {
          type: 'urn:kongjian:problem:not_found',
          title: 'Not Found',
          status: 404,
          code: 'not_found',
          detail: 'no such key',
        },
        'application/problem+json',
      );
    }
    response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.issuer = `http://127.0.0.1:${server.address().port}`;
  return { state, issuer: state.issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}
