/**
 * The farm's game rules as pure functions of a farm's stored state and the host's time (`now`, epoch ms).
 * Nothing here reads a clock, the network or storage, so every rule is unit-testable; the routes in
 * `index.ts` read farms, call these, and write the result back in one compare-and-set.
 */
import { CROPS, type Crop, type CropId } from './crops';

const DAY_MS = 24 * 60 * 60 * 1000;

export const STARTING_GOLD = 200;
export const STARTING_PLOTS = 6;
export const MAX_PLOTS = 18;
/** A ripe crop left this long after ripening withers and is worth nothing. */
export const WITHER_AFTER_MS = DAY_MS;
/** Share of a plot's yield its owner always keeps, however many friends steal. */
export const OWNER_KEEPS_SHARE = 0.5;
/** Stories one farm posts per UTC day at most, well inside the Open API's quota of 20. */
export const STORIES_PER_DAY = 5;
/** A steal worth at least this much gold is worth a story. */
export const BIG_STEAL_GOLD = 30;
export const SEEDS_PER_PURCHASE_MAX = 99;
export const SEEDS_PER_CROP_MAX = 999;

/** A crop in the ground. Growth is kept as "grown so far" at `checkedAt`, so no history is needed. */
export interface Planting {
  crop: CropId;
  plantedAt: number;
  /** Growth accumulated up to `checkedAt`, in ms of full-speed growth. */
  grownMs: number;
  checkedAt: number;
  /** The soil is wet until this time; a new seed starts dry (0). */
  wetUntil: number;
  /** Openids of the friends who stole from this crop (each may steal once). */
  thieves: string[];
  /** Units stolen so far. */
  stolen: number;
}

/** One user's farm, as stored under `farm:<openid>`. */
export interface Farm {
  gold: number;
  xp: number;
  /** The seed bag: seeds bought and not yet planted. */
  seeds: Partial<Record<CropId, number>>;
  /** One entry per unlocked plot; null is an empty plot. */
  plots: (Planting | null)[];
  /** Crops this farm has harvested at least once (the first harvest of each makes a story). */
  harvestedCrops: CropId[];
  /** Stories posted on the UTC day `day` (days since the epoch). */
  stories: { day: number; count: number };
}

export type Stage = 'seed' | 'sprout' | 'growing' | 'ripe' | 'withered';

/** A rule the player broke; the routes answer it as a problem with this status and code. */
export class FarmRuleError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const refuse = (code: string, message: string) => new FarmRuleError(409, code, message);

export function newFarm(): Farm {
  return {
    gold: STARTING_GOLD,
    xp: 0,
    seeds: {},
    plots: Array.from({ length: STARTING_PLOTS }, () => null),
    harvestedCrops: [],
    stories: { day: 0, count: 0 },
  };
}

// --- Levels ---

/** Total experience needed to reach a level: 0, 100, 300, 600, 1000, … (each level needs 100 more). */
export function xpForLevel(level: number): number {
  return 50 * level * (level - 1);
}

export function levelFor(xp: number): number {
  let level = 1;
  while (xpForLevel(level + 1) <= xp) level++;
  return level;
}

/** Six plots at level 1, one more per level, up to eighteen. */
export function plotCount(level: number): number {
  return Math.min(MAX_PLOTS, STARTING_PLOTS + level - 1);
}

/** Grants experience: the level it leads to, and the farm with any plots the new level unlocks. */
function gainXp(farm: Farm, xp: number): { farm: Farm; levelUp: number | null } {
  const before = levelFor(farm.xp);
  const after = levelFor(farm.xp + xp);
  const plots = [...farm.plots];
  while (plots.length < plotCount(after)) plots.push(null);
  return { farm: { ...farm, xp: farm.xp + xp, plots }, levelUp: after > before ? after : null };
}

// --- Growth ---

/** Soil stays wet for half the crop's growth time after watering: two waterings grow it at full speed. */
export function waterWindowMs(crop: Crop): number {
  return crop.growthMs / 2;
}

/** Full-speed growth reached at `now`: wet soil grows at full speed, dry soil at half speed. */
export function grownAt(planting: Planting, now: number): number {
  const growthMs = CROPS[planting.crop].growthMs;
  if (now <= planting.checkedAt) return Math.min(planting.grownMs, growthMs);
  const wetEnd = Math.min(Math.max(planting.wetUntil, planting.checkedAt), now);
  const grown = planting.grownMs + (wetEnd - planting.checkedAt) + (now - wetEnd) / 2;
  return Math.min(grown, growthMs);
}

/** When the crop ripens (or ripened) if nobody waters it again. */
export function ripeAt(planting: Planting): number {
  const remaining = CROPS[planting.crop].growthMs - planting.grownMs;
  const wetSpan = Math.max(0, planting.wetUntil - planting.checkedAt);
  if (remaining <= wetSpan) return planting.checkedAt + Math.max(0, remaining);
  return planting.checkedAt + wetSpan + 2 * (remaining - wetSpan);
}

export function witherAt(planting: Planting): number {
  return ripeAt(planting) + WITHER_AFTER_MS;
}

export function stageOf(planting: Planting, now: number): Stage {
  if (now >= witherAt(planting)) return 'withered';
  const progress = grownAt(planting, now) / CROPS[planting.crop].growthMs;
  if (progress >= 1) return 'ripe';
  if (progress >= 0.6) return 'growing';
  if (progress >= 0.2) return 'sprout';
  return 'seed';
}

/** A growing crop in dry soil: watering it now makes it grow at full speed again. */
export function isThirsty(planting: Planting, now: number): boolean {
  const stage = stageOf(planting, now);
  return stage !== 'ripe' && stage !== 'withered' && planting.wetUntil <= now;
}

// --- Actions of the owner ---

function plotAt(farm: Farm, plot: number): Planting | null {
  if (!Number.isInteger(plot) || plot < 0 || plot >= farm.plots.length) {
    throw new FarmRuleError(404, 'not_found', `There is no plot ${plot}; this farm has ${farm.plots.length}`);
  }
  return farm.plots[plot];
}

function plantingAt(farm: Farm, plot: number): Planting {
  const planting = plotAt(farm, plot);
  if (!planting) throw refuse('plot_empty', 'Nothing grows on this plot');
  return planting;
}

function withPlot(farm: Farm, plot: number, planting: Planting | null): Farm {
  const plots = [...farm.plots];
  plots[plot] = planting;
  return { ...farm, plots };
}

export function buySeeds(farm: Farm, cropId: CropId, quantity: number): Farm {
  const crop = CROPS[cropId];
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > SEEDS_PER_PURCHASE_MAX) {
    throw new FarmRuleError(400, 'validation_failed', `quantity must be 1 to ${SEEDS_PER_PURCHASE_MAX}`);
  }
  if (levelFor(farm.xp) < crop.level) {
    throw refuse('level_too_low', `${crop.name} seeds unlock at level ${crop.level}`);
  }
  const owned = farm.seeds[cropId] ?? 0;
  if (owned + quantity > SEEDS_PER_CROP_MAX) {
    throw refuse('limit_reached', `The seed bag holds at most ${SEEDS_PER_CROP_MAX} ${crop.name} seeds`);
  }
  const cost = crop.seedPrice * quantity;
  if (farm.gold < cost) {
    throw refuse(
      'insufficient_funds',
      `${quantity} ${crop.name} seeds cost ${cost} gold; you have ${farm.gold}`,
    );
  }
  return { ...farm, gold: farm.gold - cost, seeds: { ...farm.seeds, [cropId]: owned + quantity } };
}

/** Plants a seed from the bag; the new seed is dry until watered. */
export function plant(farm: Farm, plot: number, cropId: CropId, now: number): Farm {
  if (plotAt(farm, plot)) throw refuse('plot_occupied', 'Something already grows on this plot');
  const owned = farm.seeds[cropId] ?? 0;
  if (owned < 1) throw refuse('no_seeds', `No ${CROPS[cropId].name} seeds in the bag; buy some first`);
  const planting: Planting = {
    crop: cropId,
    plantedAt: now,
    grownMs: 0,
    checkedAt: now,
    wetUntil: 0,
    thieves: [],
    stolen: 0,
  };
  return withPlot({ ...farm, seeds: { ...farm.seeds, [cropId]: owned - 1 } }, plot, planting);
}

export function water(farm: Farm, plot: number, now: number): Farm {
  const planting = plantingAt(farm, plot);
  if (!isThirsty(planting, now)) {
    const stage = stageOf(planting, now);
    if (stage === 'ripe' || stage === 'withered')
      throw refuse('not_growing', 'Only growing crops need water');
    throw refuse('not_thirsty', 'The soil is still wet');
  }
  const watered: Planting = {
    ...planting,
    grownMs: grownAt(planting, now),
    checkedAt: now,
    wetUntil: now + waterWindowMs(CROPS[planting.crop]),
  };
  return withPlot(farm, plot, watered);
}

export interface Harvest {
  plot: number;
  crop: CropId;
  units: number;
  gold: number;
  xp: number;
}

export interface HarvestResult {
  farm: Farm;
  harvests: Harvest[];
  /** The level reached, when the harvest raised it. */
  levelUp: number | null;
  /** Crops harvested for the first time ever on this farm. */
  firstCrops: CropId[];
}

/** Sells the units the thieves left at the crop's price and earns its experience; the plot is emptied. */
function harvestPlots(farm: Farm, plots: number[]): HarvestResult {
  let result = farm;
  const harvests: Harvest[] = [];
  for (const plot of plots) {
    const planting = plantingAt(result, plot);
    const crop = CROPS[planting.crop];
    const units = crop.yield - planting.stolen;
    harvests.push({ plot, crop: crop.id, units, gold: units * crop.sellPrice, xp: crop.xp });
    result = withPlot(result, plot, null);
  }
  const gold = harvests.reduce((sum, harvest) => sum + harvest.gold, 0);
  const xp = harvests.reduce((sum, harvest) => sum + harvest.xp, 0);
  const gained = gainXp({ ...result, gold: result.gold + gold }, xp);
  const firstCrops = [...new Set(harvests.map((harvest) => harvest.crop))].filter(
    (crop) => !farm.harvestedCrops.includes(crop),
  );
  return {
    farm: { ...gained.farm, harvestedCrops: [...farm.harvestedCrops, ...firstCrops] },
    harvests,
    levelUp: gained.levelUp,
    firstCrops,
  };
}

export function harvest(farm: Farm, plot: number, now: number): HarvestResult {
  const stage = stageOf(plantingAt(farm, plot), now);
  if (stage === 'withered') throw refuse('withered', 'The crop withered; clear the plot');
  if (stage !== 'ripe') throw refuse('not_ripe', 'The crop is not ripe yet');
  return harvestPlots(farm, [plot]);
}

/** Harvests every ripe plot at once (一键收获). */
export function harvestAll(farm: Farm, now: number): HarvestResult {
  const ripe = farm.plots.flatMap((planting, plot) =>
    planting && stageOf(planting, now) === 'ripe' ? [plot] : [],
  );
  if (ripe.length === 0) throw refuse('not_ripe', 'Nothing is ripe yet');
  return harvestPlots(farm, ripe);
}

/** Digs up whatever grows on a plot (a withered crop, or one the owner no longer wants). */
export function clearPlot(farm: Farm, plot: number): Farm {
  plantingAt(farm, plot);
  return withPlot(farm, plot, null);
}

// --- Stealing from friends ---

/** Units the owner always keeps: at least half the yield, rounded up. */
export function ownerKeeps(crop: Crop): number {
  return Math.ceil(crop.yield * OWNER_KEEPS_SHARE);
}

/** Units one thief takes from one crop at most: a fifth of the yield, at least one. */
export function stealPerThief(crop: Crop): number {
  return Math.max(1, Math.floor(crop.yield / 5));
}

/** Units `thief` could steal from this planting now (0 when not ripe, already stolen, or none left). */
export function stealableBy(planting: Planting, thief: string, now: number): number {
  if (stageOf(planting, now) !== 'ripe' || planting.thieves.includes(thief)) return 0;
  const crop = CROPS[planting.crop];
  const left = crop.yield - ownerKeeps(crop) - planting.stolen;
  return Math.max(0, Math.min(stealPerThief(crop), left));
}

export interface Loot {
  plot: number;
  crop: CropId;
  units: number;
  gold: number;
}

/** Moves ripe units from a friend's plot into the thief's gold: once per thief per crop, never below the owner's share. */
export function steal(
  victim: Farm,
  thief: Farm,
  thiefOpenid: string,
  plot: number,
  now: number,
): { victim: Farm; thief: Farm; loot: Loot } {
  const planting = plantingAt(victim, plot);
  const stage = stageOf(planting, now);
  if (stage !== 'ripe') {
    throw refuse(stage === 'withered' ? 'withered' : 'not_ripe', 'Only ripe crops can be stolen');
  }
  if (planting.thieves.includes(thiefOpenid)) {
    throw refuse('already_stolen', 'You already stole from this crop');
  }
  const units = stealableBy(planting, thiefOpenid, now);
  if (units === 0) throw refuse('nothing_to_steal', 'The rest belongs to the owner');
  const crop = CROPS[planting.crop];
  const robbed: Planting = {
    ...planting,
    thieves: [...planting.thieves, thiefOpenid],
    stolen: planting.stolen + units,
  };
  const loot: Loot = { plot, crop: crop.id, units, gold: units * crop.sellPrice };
  return { victim: withPlot(victim, plot, robbed), thief: { ...thief, gold: thief.gold + loot.gold }, loot };
}

// --- Stories ---

/** Takes one of the farm's daily story slots if one is left (days are UTC days of the host's clock). */
export function takeStorySlot(farm: Farm, now: number): { farm: Farm; granted: boolean } {
  const day = Math.floor(now / DAY_MS);
  const count = farm.stories.day === day ? farm.stories.count : 0;
  if (count >= STORIES_PER_DAY) return { farm, granted: false };
  return { farm: { ...farm, stories: { day, count: count + 1 } }, granted: true };
}

export function harvestStory(result: HarvestResult): string | null {
  if (result.levelUp !== null) {
    return `我的QQ农场升到了 ${result.levelUp} 级，开垦了新的土地！🌱`;
  }
  if (result.firstCrops.length > 0) {
    const names = result.firstCrops.map((crop) => `${CROPS[crop].emoji}${CROPS[crop].name}`).join('、');
    return `我在QQ农场第一次收获了${names}！快来我的农场看看吧 🧑‍🌾`;
  }
  return null;
}

export function stealStory(loot: Loot): string | null {
  if (loot.gold < BIG_STEAL_GOLD) return null;
  const crop = CROPS[loot.crop];
  return `我在好友的QQ农场偷到了 ${loot.units} 个${crop.emoji}${crop.name}，值 ${loot.gold} 金币，嘘……🤫`;
}

// --- What players see ---

export interface PlotView {
  index: number;
  crop: CropId | null;
  stage: Stage | null;
  /** Growth from 0 to 1. */
  progress: number;
  plantedAt: number | null;
  /** When it ripens (or ripened) if not watered again. */
  ripeAt: number | null;
  witherAt: number | null;
  thirsty: boolean;
  wetUntil: number | null;
  /** Units the plot will give its owner (yield minus what was stolen). */
  units: number;
  stolen: number;
  /** Units the viewer could steal now (always 0 on the viewer's own farm). */
  stealable: number;
  /** Whether the viewer already stole from this crop. */
  stolenByYou: boolean;
}

export interface FarmView {
  openid: string;
  gold: number;
  xp: number;
  level: number;
  /** Experience where the current level starts and where the next one starts. */
  levelXp: number;
  nextLevelXp: number;
  seeds: Partial<Record<CropId, number>>;
  plots: PlotView[];
  /** The host's time the view was computed at, so the canvas can count down with its own clock. */
  now: number;
}

function plotView(
  planting: Planting | null,
  index: number,
  owner: string,
  viewer: string,
  now: number,
): PlotView {
  if (!planting) {
    return {
      index,
      crop: null,
      stage: null,
      progress: 0,
      plantedAt: null,
      ripeAt: null,
      witherAt: null,
      thirsty: false,
      wetUntil: null,
      units: 0,
      stolen: 0,
      stealable: 0,
      stolenByYou: false,
    };
  }
  const crop = CROPS[planting.crop];
  return {
    index,
    crop: crop.id,
    stage: stageOf(planting, now),
    progress: grownAt(planting, now) / crop.growthMs,
    plantedAt: planting.plantedAt,
    ripeAt: ripeAt(planting),
    witherAt: witherAt(planting),
    thirsty: isThirsty(planting, now),
    wetUntil: planting.wetUntil > now ? planting.wetUntil : null,
    units: crop.yield - planting.stolen,
    stolen: planting.stolen,
    stealable: viewer === owner ? 0 : stealableBy(planting, viewer, now),
    stolenByYou: planting.thieves.includes(viewer),
  };
}

/** The farm of `owner` as `viewer` sees it at `now` (the owner, or a visiting friend). */
export function viewFarm(farm: Farm, owner: string, viewer: string, now: number): FarmView {
  const level = levelFor(farm.xp);
  return {
    openid: owner,
    gold: farm.gold,
    xp: farm.xp,
    level,
    levelXp: xpForLevel(level),
    nextLevelXp: xpForLevel(level + 1),
    seeds: farm.seeds,
    plots: farm.plots.map((planting, index) => plotView(planting, index, owner, viewer, now)),
    now,
  };
}
