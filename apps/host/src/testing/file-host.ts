import type { HostConfig } from '../config/config';
import { TestFactory } from './factory';
import { TestHost } from './test-host';

/*
 * The host of the running test file: a spec file (and the shared setup module of a spec split into several
 * files) imports `host` and `factory` from here, and calls `useFileHost()` in its top `describe` instead of
 * starting and closing a host itself. Jest loads modules afresh for each test file, so each file boots and
 * closes a host of its own.
 */

export let host: TestHost;
export let factory: TestFactory;

/** Starts the file's host (with `overrides` of the test configuration) before its tests, and closes it after. */
export function useFileHost(overrides: Partial<HostConfig> = {}): void {
  beforeAll(async () => {
    host = await TestHost.start(overrides);
    factory = new TestFactory(host);
  });
  afterAll(() => host.close());
}
