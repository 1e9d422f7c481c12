import { ProblemException } from '../common/problem';
import { assertDeliverableWebhookUrl, isRefusedAddress } from './webhook-address';

describe('webhook addresses', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isRefusedAddress(address)).toBe(false);
    },
  );

  async function refusal(url: string, devMode = false): Promise<ProblemException> {
    const error: unknown = await assertDeliverableWebhookUrl(url, devMode).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemException);
    return error as ProblemException;
  }

  it.each([
    'http://localhost:8080/hook',
    'http://127.0.0.1/',
    'https://[::1]/hook',
    'http://[::ffff:192.168.0.1]/',
  ])('refuses %s outside development mode, naming webhookUrl', async (url) => {
    const problem = await refusal(url);
    expect(problem.status).toBe(400);
    expect(problem.errors?.[0].field).toBe('webhookUrl');
  });

  it('refuses anything but http(s), even in development mode', async () => {
    expect((await refusal('ftp://example.com/hook', true)).errors?.[0].field).toBe('webhookUrl');
    expect((await refusal('file:///etc/passwd', true)).status).toBe(400);
    expect((await refusal('not a url', true)).status).toBe(400);
  });

  it('accepts local receivers in development mode', async () => {
    await expect(assertDeliverableWebhookUrl('http://127.0.0.1:9000/hook', true)).resolves.toBeUndefined();
  });

  it('accepts a public address literal', async () => {
    await expect(assertDeliverableWebhookUrl('https://8.8.8.8/hook', false)).resolves.toBeUndefined();
  });
});
