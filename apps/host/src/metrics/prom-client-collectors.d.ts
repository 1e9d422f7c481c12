// prom-client's default metrics, one module per family, are plain JavaScript without declarations of their
// own; process-metrics.ts starts them one by one (see there why). This covers what they share.
declare module 'prom-client/lib/metrics/*' {
  import type { Registry } from 'prom-client';

  const collector: (registry: Registry, config: { prefix?: string }) => void;
  export default collector;
  /** The names of the metrics the collector registers, without the prefix. */
  export const metricNames: string[];
}
