/**
 * Farms in the app's app-wide storage, one key per owner (`farm:<openid>`), so friends can visit and
 * steal. Every change is one compare-and-set: a PUT with If-Match (If-None-Match: * for a farm's first
 * write), or one atomic batch when two farms change together; a 412 means someone else changed a farm
 * first, so the change is computed again from fresh reads.
 */
import { PluginHttpError, type PluginApiResponse, type PluginContext } from '@kongjian/sdk/plugin';
import { newFarm, type Farm } from './rules';

const STORAGE = '/open/v1/app-storage';
/** Racing writers each win one round, so this many rounds are plenty for a player's friends at once. */
const MAX_ATTEMPTS = 12;

/** A farm as read, with the ETag its write must match (null: never written, still the starting farm). */
export interface StoredFarm {
  openid: string;
  farm: Farm;
  etag: string | null;
}

const keyOf = (openid: string) => `farm:${openid}`;

function header(response: PluginApiResponse, name: string): string | undefined {
  const entry = Object.entries(response.headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/**
 * An Open API answer the farm cannot work with. Losing the grant mid-call (an uninstall) and rate limits
 * are the player's to hear about; anything else is the host's trouble and ends the call as a failure.
 */
export function apiFailure(response: PluginApiResponse, what: string): Error {
  if (response.status === 401 || response.status === 403) {
    return new PluginHttpError(
      403,
      'forbidden',
      'QQ农场 is not installed for you; install it in the app center',
    );
  }
  if (response.status === 429) {
    return new PluginHttpError(429, 'rate_limited', 'Too many farm actions at once; wait a moment');
  }
  return new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
}

export async function readFarm(ctx: PluginContext, openid: string): Promise<StoredFarm> {
  const response = await ctx.api.request<{ value: Farm }>('GET', `${STORAGE}/${keyOf(openid)}`);
  if (response.status === 404) return { openid, farm: newFarm(), etag: null };
  if (response.status !== 200) throw apiFailure(response, 'Reading a farm');
  return { openid, farm: response.body.value, etag: header(response, 'etag') ?? null };
}

/** The precondition that makes a write land only on the version that was read. */
function precondition(stored: StoredFarm): { ifMatch: string } | { ifNoneMatch: string } {
  return stored.etag === null ? { ifNoneMatch: '*' } : { ifMatch: stored.etag };
}

/** Writes changed farms in one compare-and-set; false when one of them changed since it was read. */
async function writeFarms(ctx: PluginContext, changed: StoredFarm[]): Promise<boolean> {
  if (changed.length === 1) {
    const [stored] = changed;
    const condition = precondition(stored);
    const response = await ctx.api.request('PUT', `${STORAGE}/${keyOf(stored.openid)}`, {
      body: { value: stored.farm },
      headers: 'ifMatch' in condition ? { 'If-Match': condition.ifMatch } : { 'If-None-Match': '*' },
    });
    if (response.status === 412) return false;
    if (response.status !== 200) throw apiFailure(response, 'Writing a farm');
    return true;
  }
  const response = await ctx.api.request('POST', `${STORAGE}/batch`, {
    body: {
      operations: changed.map((stored) => ({
        op: 'put',
        key: keyOf(stored.openid),
        value: stored.farm,
        ...precondition(stored),
      })),
    },
  });
  if (response.status === 412) return false;
  if (response.status !== 200) throw apiFailure(response, 'Writing two farms');
  return true;
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
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await Promise.all(openids.map((openid) => readFarm(ctx, openid)));
    const { farms, result } = change(read.map((stored) => stored.farm));
    const written = await writeFarms(
      ctx,
      read.map((stored, index) => ({ ...stored, farm: farms[index] })),
    );
    if (written) return result;
  }
  throw new PluginHttpError(409, 'conflict', 'The farm is busy; try again');
}
