import { Global, Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';
import { SharedStore } from './shared-store';
import { Signals } from './signals';

/**
 * The store shared by every host instance (Redis, or memory on the embedded default) and what is built on it:
 * rate limits and signals between instances.
 */
@Global()
@Module({
  providers: [SharedStore, RateLimits, Signals],
  exports: [SharedStore, RateLimits, Signals],
})
export class SharedStoreModule {}
