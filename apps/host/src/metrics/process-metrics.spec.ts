import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { collectDefaultMetrics } from 'prom-client';
import { acquireProcessMetrics, releaseProcessMetrics } from './process-metrics';

describe('process metrics', () => {
  afterEach(() => jest.restoreAllMocks());

  it("are prom-client's default metrics under the host's prefix, in the same order, but for the two that can abort Node", async () => {
    // What collectDefaultMetrics registers, read from its collectors without starting them.
    const collectors = await Promise.all(
      collectDefaultMetrics.metricsList
        .filter((family) => family !== 'processHandles' && family !== 'processRequests')
        .map((family) => import(`prom-client/lib/metrics/${family}`)),
    );
    const expected = collectors.flatMap(({ metricNames }: { metricNames: string[] }) => metricNames);
    const registry = acquireProcessMetrics();
    try {
      const names = (await registry.getMetricsAsJSON()).map(({ name }) => name);
      expect(names).toEqual(expected.map((name) => `kongjian_${name}`));
    } finally {
      releaseProcessMetrics();
    }
  });

  it('run once for all hosts, and stop observing the runtime when the last host closes', () => {
    const disconnect = jest.spyOn(PerformanceObserver.prototype, 'disconnect');
    const disable = jest.spyOn(Object.getPrototypeOf(monitorEventLoopDelay()), 'disable');
    const first = acquireProcessMetrics();
    expect(acquireProcessMetrics()).toBe(first);
    releaseProcessMetrics();
    expect(disconnect).not.toHaveBeenCalled();
    expect(disable).not.toHaveBeenCalled();
    releaseProcessMetrics();
    expect(disconnect).toHaveBeenCalledTimes(1);
    expect(disable).toHaveBeenCalledTimes(1);
    // A host started later gets them afresh.
    const again = acquireProcessMetrics();
    expect(again).not.toBe(first);
    releaseProcessMetrics();
  });

  it('count CPU and observe garbage collection while they run', async () => {
    const registry = acquireProcessMetrics();
    try {
      const text = await registry.metrics();
      expect(text).toMatch(/^kongjian_process_cpu_user_seconds_total \d/m);
      expect(text).toContain('# TYPE kongjian_nodejs_gc_duration_seconds histogram');
      expect(text).toMatch(/^kongjian_nodejs_active_resources_total \d/m);
      expect(text).not.toContain('kongjian_nodejs_active_handles');
    } finally {
      releaseProcessMetrics();
    }
  });
});
