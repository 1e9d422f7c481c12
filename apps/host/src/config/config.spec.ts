import { ConfigError, loadConfig } from './config';

describe('loadConfig: Open API rate limits', () => {
  it('uses the built-in limits unless KONGJIAN_OPEN_API_RATE_LIMITS is set', () => {
    expect(loadConfig({}).openApiRateLimits).toBeUndefined();
    expect(
      loadConfig({ KONGJIAN_OPEN_API_RATE_LIMITS: 'token=100, app=1000, window=10' }).openApiRateLimits,
    ).toEqual({ tokenRequestsPerWindow: 100, appRequestsPerWindow: 1000, windowSeconds: 10 });
  });

  it.each(['token=100,app=1000', 'token=0,app=1,window=1', 'token=1,app=1,window=1,user=5', 'lots'])(
    'refuses "%s", naming the variable',
    (raw) => {
      expect(() => loadConfig({ KONGJIAN_OPEN_API_RATE_LIMITS: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ KONGJIAN_OPEN_API_RATE_LIMITS: raw })).toThrow(
        /KONGJIAN_OPEN_API_RATE_LIMITS/,
      );
    },
  );
});

describe('loadConfig: how often Open API usage is added up', () => {
  it('uses LIMITS unless KONGJIAN_USAGE_FLUSH_SECONDS is set', () => {
    expect(loadConfig({}).openApiUsageFlushSeconds).toBeUndefined();
    expect(loadConfig({ KONGJIAN_USAGE_FLUSH_SECONDS: '1' }).openApiUsageFlushSeconds).toBe(1);
  });

  it.each(['0', '1.5', 'soon', '3601'])('refuses "%s", naming the variable', (raw) => {
    expect(() => loadConfig({ KONGJIAN_USAGE_FLUSH_SECONDS: raw })).toThrow(/KONGJIAN_USAGE_FLUSH_SECONDS/);
  });
});

describe('loadConfig: how long webhooks are retried', () => {
  it('uses LIMITS unless KONGJIAN_WEBHOOK_RETRY_SECONDS is set', () => {
    expect(loadConfig({}).webhookRetrySeconds).toBeUndefined();
    expect(loadConfig({ KONGJIAN_WEBHOOK_RETRY_SECONDS: '3' }).webhookRetrySeconds).toBe(3);
  });

  it.each(['0', '2.5', 'a day', '86401'])('refuses "%s", naming the variable', (raw) => {
    expect(() => loadConfig({ KONGJIAN_WEBHOOK_RETRY_SECONDS: raw })).toThrow(
      /KONGJIAN_WEBHOOK_RETRY_SECONDS/,
    );
  });
});

describe('loadConfig: worker processes of each plugin', () => {
  it('runs one process per plugin unless KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN says more', () => {
    expect(loadConfig({}).plugins?.workersPerPlugin).toBe(1);
    expect(loadConfig({ KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN: '3' }).plugins?.workersPerPlugin).toBe(3);
  });

  it.each(['0', '2.5', 'many', '5'])('refuses "%s", naming the variable', (raw) => {
    expect(() => loadConfig({ KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN: raw })).toThrow(
      /KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN must be an integer from 1 to 4/,
    );
  });

  it('refuses the old shared-workers variable, naming the one that replaced it', () => {
    expect(() => loadConfig({ KONGJIAN_PLUGIN_WORKERS: '2' })).toThrow(
      /KONGJIAN_PLUGIN_WORKERS is no longer read.*KONGJIAN_PLUGIN_WORKERS_PER_PLUGIN/,
    );
  });
});

describe('loadConfig: Redis', () => {
  it('uses no Redis unless REDIS_URL is set', () => {
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: '' }).redisUrl).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://:secret@cache.internal/2' }).redisUrl).toBe(
      'rediss://:secret@cache.internal/2',
    );
  });

  it.each([
    '127.0.0.1:6379',
    'http://127.0.0.1:6379',
    'redis://',
    'redis://127.0.0.1:6379/cache',
    'nonsense',
  ])('refuses "%s", naming the variable', (raw) => {
    expect(() => loadConfig({ REDIS_URL: raw })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: raw })).toThrow(/^REDIS_URL must be a URL like redis:\/\//);
  });

  it('never repeats a refused URL, which may carry a password', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://:hunter2@127.0.0.1:6379/x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it('takes a key prefix from KONGJIAN_REDIS_KEY_PREFIX', () => {
    expect(loadConfig({}).redisKeyPrefix).toBeUndefined();
    expect(loadConfig({ KONGJIAN_REDIS_KEY_PREFIX: 'site-a:' }).redisKeyPrefix).toBe('site-a:');
    expect(() => loadConfig({ KONGJIAN_REDIS_KEY_PREFIX: 'has space' })).toThrow(/KONGJIAN_REDIS_KEY_PREFIX/);
  });
});

describe('loadConfig: logs, metrics and shutdown', () => {
  it('logs from info unless LOG_LEVEL says otherwise, and refuses an unknown level', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of/);
  });

  it('refuses the old request-log switch, saying what replaced it', () => {
    expect(() => loadConfig({ KONGJIAN_LOG_REQUESTS: 'false' })).toThrow(/LOG_LEVEL=warn/);
  });

  it('takes a metrics token of 16 characters or more', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ KONGJIAN_METRICS_TOKEN: 'a'.repeat(16) }).metricsToken).toBe('a'.repeat(16));
    expect(() => loadConfig({ KONGJIAN_METRICS_TOKEN: 'short' })).toThrow(/KONGJIAN_METRICS_TOKEN/);
  });

  it('takes a shutdown timeout in milliseconds up to ten minutes', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBeUndefined();
    expect(loadConfig({ KONGJIAN_SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2500);
    expect(() => loadConfig({ KONGJIAN_SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(/KONGJIAN_SHUTDOWN_TIMEOUT_MS/);
    expect(() => loadConfig({ KONGJIAN_SHUTDOWN_TIMEOUT_MS: '1e9' })).toThrow(/KONGJIAN_SHUTDOWN_TIMEOUT_MS/);
  });
});

describe('loadConfig: trusted proxies', () => {
  it('trusts a balancer on loopback unless KONGJIAN_TRUST_PROXY names others', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(
      loadConfig({ KONGJIAN_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.168.1.7' }).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.168.1.7']);
  });

  it.each(['everyone', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8/1', 'loopback,,'])('refuses "%s"', (raw) => {
    expect(() => loadConfig({ KONGJIAN_TRUST_PROXY: raw })).toThrow(
      /^KONGJIAN_TRUST_PROXY must list loopback/,
    );
  });
});
