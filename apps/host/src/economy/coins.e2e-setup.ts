import { host, useFileHost } from '../testing/file-host';
import { ADMIN, EconomyHelper } from './economy.testing';

/* What the coins e2e specs share: the economy's helpers, and the ledger's invariants checked after each test. */

export const MISSING_ID = '00000000-0000-7000-8000-00000000beef';

export let economy: EconomyHelper;

/** Starts the file's host with the configured admin; after each test the ledger must still balance. */
export function useCoinsHost(): void {
  useFileHost({ bootstrapAdmin: ADMIN });
  beforeAll(() => {
    economy = new EconomyHelper(host);
  });

  afterEach(async () => {
    expect(await economy.unbalancedTransactions()).toEqual([]);
    expect(await economy.negativeWallets()).toEqual([]);
  });
}
