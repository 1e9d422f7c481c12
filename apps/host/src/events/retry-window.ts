import { LIMITS } from '../common/limits';
import type { AppConfig } from '../config/config';

/** How long an event's delivery is retried before it fails: LIMITS' day, unless the configuration shortens it. */
export const webhookRetryWindowMs = (config: AppConfig): number =>
  config.webhookRetrySeconds === undefined ? LIMITS.webhookRetryWindowMs : config.webhookRetrySeconds * 1000;
