/**
 * Farms in the app's app-wide storage, one key per owner (`farm:<openid>`), so friends can visit and
 * steal. Every change is one compare-and-set batch over the farms it touches (If-Match, or
 * If-None-Match: * for a farm's first write); a lost race means someone else changed a farm first, so
 * the change is computed again from fresh reads.
 */
import { PluginHttpError, type PluginContext } from '@kongjian/sdk/plugin';
import { compareAndSet, LOST_RACE, precondition, readItem, writeBatch } from '../../shared/src/app-storage';
import { newFarm, type Farm } from './rules';

/** Racing writers each win one round, so this many rounds are plenty for a player's friends at once. */
const MAX_ATTEMPTS = 12;

/** A farm as read, with the ETag its write must match (null: never written, still the starting farm). */
export interface StoredFarm {
  openid: string;
  farm: Farm;
  etag: string | null;
}

const keyOf = (openid: string) => `farm:${openid}`;
const busy = () => new PluginHttpError(409, 'conflict', 'The farm is busy; try again');

export async function readFarm(ctx: PluginContext, openid: string): Promise<StoredFarm> {
  const stored = await readItem<Farm>(ctx, keyOf(openid));
  return stored ? { openid, farm: stored.value, etag: stored.etag } : { openid, farm: newFarm(), etag: null };
}

/**
 * Reads the farms of `openids`, lets `change` compute their new states (pure: it may run again), and
 * writes them in one compare-and-set, retrying from fresh reads when another write got there first.
 * `change` returns the farms to write (in the order of `openids`) and what the route answers.
 */
export async function updateFarms<T>(
  ctx: PluginContext,
  openids: string[],
  change: (farms: Farm[]) => { farms: Farm[]; result: T },
): Promise<T> {
  return compareAndSet(MAX_ATTEMPTS, busy, async () => {
    const read = await Promise.all(openids.map((openid) => readFarm(ctx, openid)));
    const { farms, result } = change(read.map((stored) => stored.farm));
    const written = await writeBatch(
      ctx,
      read.map((stored, index) => ({
        op: 'put' as const,
        key: keyOf(stored.openid),
        value: farms[index],
        ...precondition(stored.etag),
      })),
    );
    return written.applied ? result : LOST_RACE;
  });
}
