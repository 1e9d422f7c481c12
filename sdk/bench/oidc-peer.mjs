// The open platform benchmark's peer for token introspection (RFC 7662): oidc-provider 9 with its tokens in
// memory (its default adapter), one confidential client with client_secret_basic, introspection on. Run as
// its own process by open-platform.bench.mjs, as the host is, so neither shares the load generator's
// process; it prints where it listens and a live access token as one JSON line.
import http from 'node:http';
import Provider from 'oidc-provider';

const client = {
  client_id: 'bench-client',
  client_secret: 'bench-secret-bench-secret-bench-secret',
  redirect_uris: ['https://app.example/callback'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_basic',
};

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const provider = new Provider(issuer, {
  clients: [client],
  features: {
    introspection: { enabled: true, allowedPolicy: async () => true },
    devInteractions: { enabled: false },
  },
  ttl: { AccessToken: 3600 },
  scopes: ['openid', 'profile'],
});
server.on('request', provider.callback());
const registered = await provider.Client.find(client.client_id);
const accessToken = await new provider.AccessToken({
  client: registered,
  accountId: 'bench-user',
  scope: 'openid profile',
}).save();
console.log(
  JSON.stringify({
    baseUrl: issuer,
    path: '/token/introspection',
    authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
    accessToken,
  }),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
