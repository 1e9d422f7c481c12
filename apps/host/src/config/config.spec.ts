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
