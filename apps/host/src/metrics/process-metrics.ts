import {
  constants,
  monitorEventLoopDelay,
  type NodeGCPerformanceDetail,
  type PerformanceEntry,
  PerformanceObserver,
} from 'node:perf_hooks';
import { Gauge, Histogram, Registry } from 'prom-client';
import heapSizeAndUsed from 'prom-client/lib/metrics/heapSizeAndUsed';
import heapSpacesSizeAndUsed from 'prom-client/lib/metrics/heapSpacesSizeAndUsed';
import osMemoryHeap from 'prom-client/lib/metrics/osMemoryHeap';
import processCpuTotal from 'prom-client/lib/metrics/processCpuTotal';
import processMaxFileDescriptors from 'prom-client/lib/metrics/processMaxFileDescriptors';
import processOpenFileDescriptors from 'prom-client/lib/metrics/processOpenFileDescriptors';
import processResources from 'prom-client/lib/metrics/processResources';
import processStartTime from 'prom-client/lib/metrics/processStartTime';
import version from 'prom-client/lib/metrics/version';

const PREFIX = 'kongjian_';

/**
 * Node's process metrics (CPU, memory, event loop lag, GC): prom-client's default metrics under the host's
 * prefix, in the order `collectDefaultMetrics` registers them. That function cannot be used: it starts a GC
 * observer and an event-loop delay monitor it never stops (prometheus/client_js#494, #500), and in a test
 * process each test file's observer kept that file's modules, its host and its database in memory. So the
 * families that only read the process at scrape time come from prom-client one by one, and the two that
 * observe the runtime are started here, where they can be stopped.
 *
 * Two families are left out, the active handles and requests. They read each handle's and request's
 * JavaScript owner through Node's undocumented `process._getActiveHandles()` and `_getActiveRequests()`, and
 * the first aborted a whole process on Node 20 at a scrape (`Assertion failed: !obj.IsEmpty()` in
 * `AsyncWrap::GetOwner`, a handle still listed whose object was gone). `nodejs_active_resources` counts the
 * same handles and requests, by type, through the documented `process.getActiveResourcesInfo()`, which reads
 * only their native names.
 */
function startProcessMetrics(): { registry: Registry; stop: () => void } {
  const registry = new Registry();
  const config = { prefix: PREFIX };
  processCpuTotal(registry, config);
  processStartTime(registry, config);
  osMemoryHeap(registry, config);
  processOpenFileDescriptors(registry, config);
  processMaxFileDescriptors(registry, config);
  const stopLag = eventLoopLag(registry);
  processResources(registry, config);
  heapSizeAndUsed(registry, config);
  heapSpacesSizeAndUsed(registry, config);
  version(registry, config);
  const stopGc = gcDurations(registry);
  return {
    registry,
    stop: () => {
      stopLag();
      stopGc();
    },
  };
}

/** prom-client's event loop lag gauges (the same names, help and aggregation across a cluster). */
function eventLoopLag(registry: Registry): () => void {
  const delays = monitorEventLoopDelay({ resolution: 10 });
  delays.enable();
  const gauge = (name: string, help: string, aggregator: 'min' | 'max' | 'average', collect?: () => void) =>
    new Gauge({
      name: `${PREFIX}nodejs_eventloop_lag_${name}`,
      help,
      registers: [registry],
      aggregator,
      collect,
    });
  // The lag is how long a callback queued now waits: the value a scrape shows is the previous scrape's.
  const lag = gauge('seconds', 'Lag of event loop in seconds.', 'average', () => {
    const start = process.hrtime.bigint();
    setImmediate(() => lag.set(Number(process.hrtime.bigint() - start) / 1e9));
    min.set(delays.min / 1e9);
    max.set(delays.max / 1e9);
    mean.set(delays.mean / 1e9);
    stddev.set(delays.stddev / 1e9);
    p50.set(delays.percentile(50) / 1e9);
    p90.set(delays.percentile(90) / 1e9);
    p99.set(delays.percentile(99) / 1e9);
    delays.reset();
  });
  const min = gauge('min_seconds', 'The minimum recorded event loop delay.', 'min');
  const max = gauge('max_seconds', 'The maximum recorded event loop delay.', 'max');
  const mean = gauge('mean_seconds', 'The mean of the recorded event loop delays.', 'average');
  const stddev = gauge(
    'stddev_seconds',
    'The standard deviation of the recorded event loop delays.',
    'average',
  );
  const p50 = gauge('p50_seconds', 'The 50th percentile of the recorded event loop delays.', 'average');
  const p90 = gauge('p90_seconds', 'The 90th percentile of the recorded event loop delays.', 'average');
  const p99 = gauge('p99_seconds', 'The 99th percentile of the recorded event loop delays.', 'average');
  return () => delays.disable();
}

const GC_KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** prom-client's histogram of garbage collection pauses. */
function gcDurations(registry: Registry): () => void {
  const durations = new Histogram({
    name: `${PREFIX}nodejs_gc_duration_seconds`,
    help: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
    labelNames: ['kind'],
    buckets: [0.001, 0.01, 0.1, 1, 2, 5],
    registers: [registry],
  });
  const observer = new PerformanceObserver((list) => {
    // A GC entry tells its kind in `detail`, which the entry's declared type lacks.
    const entry = list.getEntries()[0] as PerformanceEntry & { detail: NodeGCPerformanceDetail };
    durations.observe({ kind: GC_KINDS[entry.detail.kind] }, entry.duration / 1000);
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}

/** The running process metrics and how many hosts use them. */
let running: { registry: Registry; stop: () => void; hosts: number } | undefined;

/**
 * The process metrics' registry, for a host that starts: one for the process however many hosts it runs
 * (tests run many), started by the first of them, not at the first scrape, since prom-client counts CPU from
 * the moment its collector is registered. Each host gives it back with `releaseProcessMetrics` as it closes.
 */
export function acquireProcessMetrics(): Registry {
  running ??= { ...startProcessMetrics(), hosts: 0 };
  running.hosts++;
  return running.registry;
}

/** A host closes: the last one to do so stops the process metrics (a later host starts them afresh). */
export function releaseProcessMetrics(): void {
  if (!running || --running.hosts > 0) return;
  running.stop();
  running = undefined;
}
