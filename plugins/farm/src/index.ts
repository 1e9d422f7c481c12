/**
 * QQ农场 Farm: plant seeds bought with gold, water them, harvest for gold and experience, and steal ripe
 * crops from app friends' farms. The routes read farms from app-wide storage, apply the pure rules of
 * `rules.ts` at the host's time, and write the result back in one compare-and-set (`farm-store.ts`).
 */
import {
  definePlugin,
  PluginHttpError,
  type PluginContext,
  type PluginRequest,
  type PluginResponse,
} from '@kongjian/sdk/plugin';
import { friendsPage, isAppFriend, me as profile, postStory } from '../../shared/src/open-api';
import { CROP_IDS, CROPS, isCropId, type CropId } from './crops';
import { readFarm, updateFarms } from './farm-store';
import {
  buySeeds,
  clearPlot,
  FarmRuleError,
  harvest,
  harvestAll,
  harvestStory,
  levelFor,
  plant,
  stealableBy,
  steal,
  stealStory,
  takeStorySlot,
  viewFarm,
  water,
  type Farm,
  type HarvestResult,
} from './rules';

type Handler = (ctx: PluginContext, request: PluginRequest) => Promise<PluginResponse>;

/** Friends listed per page of the friends panel (each costs one farm read). */
const FRIENDS_PAGE = 20;

const invalid = (message: string) => new PluginHttpError(400, 'validation_failed', message);

/** Rule errors become problems with their own status and code; anything else stays an internal error. */
function route(handler: Handler): Handler {
  return async (ctx, request) => {
    try {
      return await handler(ctx, request);
    } catch (error) {
      if (error instanceof FarmRuleError) throw new PluginHttpError(error.status, error.code, error.message);
      throw error;
    }
  };
}

function plotParam(request: PluginRequest): number {
  const plot = request.params.plot;
  if (!/^\d{1,2}$/.test(plot)) throw invalid('plot must be a plot number (0, 1, 2, …)');
  return Number(plot);
}

function bodyField(request: PluginRequest, field: string): unknown {
  const body = request.body;
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
}

function cropField(request: PluginRequest): CropId {
  const crop = bodyField(request, 'crop');
  if (!isCropId(crop)) throw invalid(`crop must be one of ${CROP_IDS.join(', ')}`);
  return crop;
}

/** Takes a daily story slot for `text` (when there is one to tell) inside the same write as the change. */
function withStory(farm: Farm, text: string | null, now: number): { farm: Farm; story: string | null } {
  if (text === null) return { farm, story: null };
  const slot = takeStorySlot(farm, now);
  return { farm: slot.farm, story: slot.granted ? text : null };
}

/** Changes the acting user's own farm in one compare-and-set and answers with how it looks afterwards. */
async function changeOwnFarm(
  ctx: PluginContext,
  change: (farm: Farm, now: number) => Farm,
): Promise<PluginResponse> {
  const me = ctx.user.openid;
  const now = ctx.now();
  const farm = await updateFarms(ctx, [me], ([current]) => {
    const changed = change(current, now);
    return { farms: [changed], result: changed };
  });
  return { status: 200, body: { farm: viewFarm(farm, me, me, now) } };
}

async function harvestRoute(
  ctx: PluginContext,
  reap: (farm: Farm, now: number) => HarvestResult,
): Promise<PluginResponse> {
  const me = ctx.user.openid;
  const now = ctx.now();
  const { reaped, farm, story } = await updateFarms(ctx, [me], ([current]) => {
    const result = reap(current, now);
    const told = withStory(result.farm, harvestStory(result), now);
    return { farms: [told.farm], result: { reaped: result, farm: told.farm, story: told.story } };
  });
  const storyPosted = story !== null && (await postStory(ctx, story));
  return {
    status: 200,
    body: {
      farm: viewFarm(farm, me, me, now),
      harvests: reaped.harvests,
      gold: reaped.harvests.reduce((sum, one) => sum + one.gold, 0),
      xp: reaped.harvests.reduce((sum, one) => sum + one.xp, 0),
      levelUp: reaped.levelUp,
      storyPosted,
    },
  };
}

/** A friend's openid from the path, checked to be an app friend of the acting user. */
async function friendParam(ctx: PluginContext, request: PluginRequest): Promise<string> {
  const openid = request.params.openid;
  if (openid === ctx.user.openid) {
    throw new PluginHttpError(400, 'cannot_target_self', 'This is your own farm');
  }
  const friends = await isAppFriend(ctx, openid);
  if (friends === null) throw new PluginHttpError(404, 'not_found', 'No such farmer');
  if (!friends) {
    throw new PluginHttpError(403, 'not_friends', 'Only friends who play QQ农场 can visit this farm');
  }
  return openid;
}

export default definePlugin({
  routes: {
    'GET /farm': route(async (ctx) => {
      const me = ctx.user.openid;
      const [stored, person] = await Promise.all([readFarm(ctx, me), profile(ctx)]);
      return {
        status: 200,
        body: {
          me: {
            openid: me,
            nickname: person.nickname,
            headPortraitUrl: person.headPortraitUrl,
          },
          farm: viewFarm(stored.farm, me, me, ctx.now()),
        },
      };
    }),

    'GET /shop': route(async () => ({ status: 200, body: { crops: CROP_IDS.map((id) => CROPS[id]) } })),

    'POST /shop/buy': route(async (ctx, request) => {
      const crop = cropField(request);
      const quantity = bodyField(request, 'quantity') ?? 1;
      if (typeof quantity !== 'number') throw invalid('quantity must be a whole number');
      return changeOwnFarm(ctx, (farm) => buySeeds(farm, crop, quantity));
    }),

    'POST /plots/:plot/plant': route(async (ctx, request) => {
      const plot = plotParam(request);
      const crop = cropField(request);
      return changeOwnFarm(ctx, (farm, now) => plant(farm, plot, crop, now));
    }),

    'POST /plots/:plot/water': route(async (ctx, request) => {
      const plot = plotParam(request);
      return changeOwnFarm(ctx, (farm, now) => water(farm, plot, now));
    }),

    'POST /plots/:plot/clear': route(async (ctx, request) => {
      const plot = plotParam(request);
      return changeOwnFarm(ctx, (farm) => clearPlot(farm, plot));
    }),

    'POST /plots/:plot/harvest': route(async (ctx, request) => {
      const plot = plotParam(request);
      return harvestRoute(ctx, (farm, now) => harvest(farm, plot, now));
    }),

    'POST /harvest': route(async (ctx) => harvestRoute(ctx, harvestAll)),

    'GET /friends': route(async (ctx, request) => {
      const me = ctx.user.openid;
      const page = await friendsPage(ctx, request.query.cursor, FRIENDS_PAGE);
      const now = ctx.now();
      const items = await Promise.all(
        page.items.map(async (friend) => {
          const { farm } = await readFarm(ctx, friend.openid);
          const ripe = farm.plots.filter((planting) => planting && stealableBy(planting, me, now) > 0);
          return {
            openid: friend.openid,
            nickname: friend.nickname,
            headPortraitUrl: friend.headPortraitUrl,
            level: levelFor(farm.xp),
            /** Plots the acting user could steal from right now. */
            stealablePlots: ripe.length,
          };
        }),
      );
      return { status: 200, body: { items, nextCursor: page.nextCursor } };
    }),

    'GET /farms/:openid': route(async (ctx, request) => {
      const me = ctx.user.openid;
      const owner = request.params.openid === me ? me : await friendParam(ctx, request);
      const { farm } = await readFarm(ctx, owner);
      return { status: 200, body: { farm: viewFarm(farm, owner, me, ctx.now()) } };
    }),

    'POST /farms/:openid/plots/:plot/steal': route(async (ctx, request) => {
      const me = ctx.user.openid;
      const plot = plotParam(request);
      const owner = await friendParam(ctx, request);
      const now = ctx.now();
      const outcome = await updateFarms(ctx, [owner, me], ([victim, thief]) => {
        const stolen = steal(victim, thief, me, plot, now);
        const told = withStory(stolen.thief, stealStory(stolen.loot), now);
        return {
          farms: [stolen.victim, told.farm],
          result: { victim: stolen.victim, thief: told.farm, loot: stolen.loot, story: told.story },
        };
      });
      const storyPosted = outcome.story !== null && (await postStory(ctx, outcome.story));
      return {
        status: 200,
        body: {
          loot: outcome.loot,
          gold: outcome.thief.gold,
          farm: viewFarm(outcome.victim, owner, me, now),
          storyPosted,
        },
      };
    }),
  },
});
