import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pinnedLookup, webhookSignature } from './webhook-delivery';

describe('webhook delivery', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in the documented header form', () => {
    const body = '{"id":"e1"}';
    const digest = createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature('whsec_x', 1_700_000_000, body)).toBe(`t=1700000000,v1=${digest}`);
  });

  it('connects to the pinned address without resolving the name again', async () => {
    const hosts: string[] = [];
    const server = http.createServer((request, response) => {
      hosts.push(String(request.headers.host));
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // `.invalid` never resolves (RFC 2606): only the pinned lookup can reach the server.
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get(
            `http://rebinding.invalid:${port}/hook`,
            { agent: false, lookup: pinnedLookup([{ address: '127.0.0.1', family: 4 }]) },
            (response) => {
              response.resume();
              resolve(response.statusCode ?? 0);
            },
          )
          .on('error', reject);
      });
      expect(status).toBe(200);
      expect(hosts).toEqual([`rebinding.invalid:${port}`]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
