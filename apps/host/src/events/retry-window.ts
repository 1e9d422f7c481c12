import { LIMITS } from '../common/limits';
import type { HostConfig } from '../config/config';

/** How long an event's delivery is retried before it fails: LIMITS' day, unless the configuration shortens it. */
export const webhookRetryWindowMs = (config: HostConfig): number =>
  config.webhookRetrySeconds === undefined ? LIMITS.webhookRetryWindowMs : config.webhookRetrySeconds * 1000;
