import { LIMITS } from '../common/limits';

/**
 * Runs a bounded delete (`deleteBatch(size)` deletes at most `size` rows and says how many) until a batch
 * comes back short, at most LIMITS.expiredStateSweepMaxBatches times: short transactions and locks, and a
 * backlog worked off over several runs. How many rows were deleted.
 */
export async function deleteInBatches(deleteBatch: (size: number) => Promise<number>): Promise<number> {
  const size = LIMITS.expiredStateSweepBatch;
  let deleted = 0;
  for (let batch = 0; batch < LIMITS.expiredStateSweepMaxBatches; batch++) {
    const count = await deleteBatch(size);
    deleted += count;
    if (count < size) break;
  }
  return deleted;
}
