import type { HostConfig } from '../config/config';

/** A host configuration for tests and generators: in-memory PGlite, no demo data, quiet. */
export function testConfig(overrides: Partial<HostConfig> = {}): HostConfig {
  return {
    port: 0,
    databaseUrl: undefined,
    databaseMode: 'pglite',
    dataDir: undefined,
    publicUrl: 'http://localhost:3000',
    demoData: false,
    bootstrapAdmin: undefined,
    devMode: true,
    ...overrides,
  };
}
