// The test suite's OpenID provider: oidc-provider on https loopback, with its
// own (development) login and consent pages, introspection and revocation.
// Usage: node provider.mjs CONFIG.json; prints "listening" once it accepts.
import fs from 'node:fs';
import https from 'node:https';

import Provider from 'oidc-provider';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const ttls = Object.fromEntries(config.clients.map((c) => [c.client_id, c.access_token_ttl ?? 3600]));
const clients = config.clients.map(({ access_token_ttl: _ttl, ...client }) => client);

const provider = new Provider(config.issuer, {
  clients,
  scopes: ['openid', 'offline_access', 'mail', 'email'],
  claims: { openid: ['sub'], email: ['email'] },
  features: {
    devInteractions: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
  },
  findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, email: sub }) }),
  ttl: {
    AccessToken: (_ctx, _token, client) => ttls[client.clientId],
    AuthorizationCode: 60,
    RefreshToken: 3600,
    Session: 3600,
    Grant: 3600,
    Interaction: 600,
  },
  cookies: { keys: ['mailtester-test-cookie-key'] },
  // Refresh tokens without rotation, so the suite's second run can use the stored one.
  rotateRefreshToken: false,
});
provider.on('server_error', (_ctx, err) => console.error('server_error', err));
// Opaque tokens are their jti: logged so the tests can search every output for them.
provider.on('access_token.saved', (token) => console.log('issued access', token.jti));
provider.on('refresh_token.saved', (token) => console.log('issued refresh', token.jti));

const server = https.createServer({
  key: fs.readFileSync(config.key), cert: fs.readFileSync(config.cert),
}, provider.callback());
server.listen(config.port, config.host, () => console.log('listening'));
