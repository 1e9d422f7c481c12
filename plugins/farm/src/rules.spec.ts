import { CROPS } from './crops';
import {
  buySeeds,
  clearPlot,
  FarmRuleError,
  grownAt,
  harvest,
  harvestAll,
  harvestStory,
  levelFor,
  newFarm,
  ownerKeeps,
  plant,
  plotCount,
  ripeAt,
  STARTING_GOLD,
  stageOf,
  steal,
  stealableBy,
  stealStory,
  STORIES_PER_DAY,
  takeStorySlot,
  viewFarm,
  water,
  WITHER_AFTER_MS,
  xpForLevel,
  type Farm,
} from './rules';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 21, 8, 0, 0);
const turnip = CROPS.turnip;

function expectRule(action: () => unknown, status: number, code: string): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FarmRuleError);
  expect(thrown).toMatchObject({ status, code });
}

/** A farm with a turnip planted on plot 0 at T0 (seed bought with starting gold). */
function plantedFarm(): Farm {
  return plant(buySeeds(newFarm(), 'turnip', 1), 0, 'turnip', T0);
}

/** A farm whose turnip on plot 0 was watered twice and ripened at T0 + 2 minutes. */
function ripeFarm(): Farm {
  const watered = water(plantedFarm(), 0, T0);
  return water(watered, 0, T0 + turnip.growthMs / 2);
}

const RIPE = T0 + turnip.growthMs;

describe('farm rules', () => {
  describe('a new farm', () => {
    it('starts with gold, six empty plots, no seeds and level 1', () => {
      const view = viewFarm(newFarm(), 'me', 'me', T0);
      expect(view).toMatchObject({
        gold: STARTING_GOLD,
        xp: 0,
        level: 1,
        levelXp: 0,
        nextLevelXp: 100,
        seeds: {},
      });
      expect(view.plots).toHaveLength(6);
      expect(view.plots.every((plot) => plot.crop === null && plot.stage === null)).toBe(true);
    });
  });

  describe('the seed shop', () => {
    it('sells seeds into the bag for their price', () => {
      const farm = buySeeds(newFarm(), 'carrot', 3);
      expect(farm.gold).toBe(STARTING_GOLD - 3 * CROPS.carrot.seedPrice);
      expect(farm.seeds).toEqual({ carrot: 3 });
    });

    it('refuses a purchase the gold does not cover and leaves the farm as it was', () => {
      const poor: Farm = { ...newFarm(), gold: 11 };
      expectRule(() => buySeeds(poor, 'carrot', 1), 409, 'insufficient_funds');
      expect(buySeeds(poor, 'turnip', 2).gold).toBe(1);
      expectRule(() => buySeeds(poor, 'turnip', 3), 409, 'insufficient_funds');
      expect(poor).toEqual({ ...newFarm(), gold: 11 });
    });

    it('keeps seeds above the farm level locked', () => {
      expectRule(() => buySeeds(newFarm(), 'corn', 1), 409, 'level_too_low');
      const levelTwo: Farm = { ...newFarm(), xp: xpForLevel(2) };
      expect(buySeeds(levelTwo, 'corn', 1).seeds.corn).toBe(1);
    });

    it('refuses quantities that are not 1 to 99', () => {
      for (const quantity of [0, -1, 1.5, 100]) {
        expectRule(() => buySeeds(newFarm(), 'turnip', quantity), 400, 'validation_failed');
      }
    });
  });

  describe('planting', () => {
    it('uses a seed from the bag on an empty plot', () => {
      const farm = plantedFarm();
      expect(farm.seeds.turnip).toBe(0);
      expect(farm.plots[0]).toMatchObject({ crop: 'turnip', plantedAt: T0, grownMs: 0 });
    });

    it('needs a seed, an empty plot and a plot that exists', () => {
      expectRule(() => plant(newFarm(), 0, 'turnip', T0), 409, 'no_seeds');
      const farm = buySeeds(plantedFarm(), 'turnip', 1);
      expectRule(() => plant(farm, 0, 'turnip', T0), 409, 'plot_occupied');
      expectRule(() => plant(farm, 6, 'turnip', T0), 404, 'not_found');
    });
  });

  describe('growth over time', () => {
    it('goes from seed to sprout to growing to ripe in the growth time when watered in time', () => {
      const watered = water(plantedFarm(), 0, T0);
      const planting = watered.plots[0]!;
      expect(stageOf(planting, T0)).toBe('seed');
      expect(stageOf(planting, T0 + 0.3 * turnip.growthMs)).toBe('sprout');
      expect(stageOf(planting, T0 + 0.49 * turnip.growthMs)).toBe('sprout');
      const rewatered = water(watered, 0, T0 + turnip.growthMs / 2).plots[0]!;
      expect(stageOf(rewatered, T0 + 0.7 * turnip.growthMs)).toBe('growing');
      expect(stageOf(rewatered, RIPE - 1)).toBe('growing');
      expect(stageOf(rewatered, RIPE)).toBe('ripe');
      expect(ripeAt(rewatered)).toBe(RIPE);
    });

    it('grows at half speed in dry soil, so an unwatered crop takes twice as long', () => {
      const planting = plantedFarm().plots[0]!;
      expect(grownAt(planting, T0 + MINUTE)).toBe(MINUTE / 2);
      expect(ripeAt(planting)).toBe(T0 + 2 * turnip.growthMs);
      expect(grownAt(planting, RIPE)).toBe(turnip.growthMs / 2);
      expect(stageOf(planting, RIPE)).toBe('sprout');
      expect(stageOf(planting, T0 + 2 * turnip.growthMs)).toBe('ripe');
    });

    it('dries out half a growth time after watering; one watering ripens it in 1.5 growth times', () => {
      const planting = water(plantedFarm(), 0, T0).plots[0]!;
      expect(grownAt(planting, T0 + turnip.growthMs / 2)).toBe(turnip.growthMs / 2);
      expect(ripeAt(planting)).toBe(T0 + 1.5 * turnip.growthMs);
    });

    it('lets the owner water only thirsty growing crops', () => {
      const watered = water(plantedFarm(), 0, T0);
      expectRule(() => water(watered, 0, T0 + MINUTE / 2), 409, 'not_thirsty');
      expectRule(() => water(ripeFarm(), 0, RIPE), 409, 'not_growing');
      expectRule(() => water(newFarm(), 0, T0), 409, 'plot_empty');
    });

    it('withers a ripe crop left a day, which then gives nothing and must be cleared', () => {
      const farm = ripeFarm();
      expect(stageOf(farm.plots[0]!, RIPE + WITHER_AFTER_MS - 1)).toBe('ripe');
      expect(stageOf(farm.plots[0]!, RIPE + WITHER_AFTER_MS)).toBe('withered');
      expectRule(() => harvest(farm, 0, RIPE + WITHER_AFTER_MS), 409, 'withered');
      expect(clearPlot(farm, 0).plots[0]).toBeNull();
    });
  });

  describe('harvest', () => {
    it('sells the whole yield for gold, earns the crop’s experience and empties the plot', () => {
      const farm = ripeFarm();
      const result = harvest(farm, 0, RIPE);
      const gold = turnip.yield * turnip.sellPrice;
      expect(result.harvests).toEqual([
        { plot: 0, crop: 'turnip', units: turnip.yield, gold, xp: turnip.xp },
      ]);
      expect(result.farm.gold).toBe(farm.gold + gold);
      expect(result.farm.xp).toBe(turnip.xp);
      expect(result.farm.plots[0]).toBeNull();
      expect(result.firstCrops).toEqual(['turnip']);
      expect(result.farm.harvestedCrops).toEqual(['turnip']);
    });

    it('refuses unripe and empty plots', () => {
      expectRule(() => harvest(ripeFarm(), 0, RIPE - 1), 409, 'not_ripe');
      expectRule(() => harvest(newFarm(), 0, T0), 409, 'plot_empty');
      expectRule(() => harvestAll(plantedFarm(), T0), 409, 'not_ripe');
    });

    it('harvests every ripe plot at once and leaves growing ones', () => {
      let farm = buySeeds(newFarm(), 'turnip', 3);
      farm = plant(farm, 0, 'turnip', T0);
      farm = plant(farm, 1, 'turnip', T0);
      farm = plant(farm, 2, 'turnip', T0 + MINUTE);
      const result = harvestAll(farm, T0 + 2 * turnip.growthMs);
      expect(result.harvests.map((one) => one.plot)).toEqual([0, 1]);
      expect(result.farm.plots[2]).not.toBeNull();
      expect(result.firstCrops).toEqual(['turnip']);
      expect(result.farm.xp).toBe(2 * turnip.xp);
    });

    it('counts only the first harvest of a crop as a first', () => {
      const once = harvest(ripeFarm(), 0, RIPE).farm;
      const again = plant(buySeeds(once, 'turnip', 1), 0, 'turnip', RIPE);
      const second = harvest(again, 0, RIPE + 2 * turnip.growthMs);
      expect(second.firstCrops).toEqual([]);
      expect(harvestStory(second)).toBeNull();
    });
  });

  describe('experience and levels', () => {
    it('needs 100, 300, 600, 1000 experience for levels 2 to 5', () => {
      expect([1, 2, 3, 4, 5].map(xpForLevel)).toEqual([0, 100, 300, 600, 1000]);
      expect([0, 99, 100, 299, 300, 1000].map(levelFor)).toEqual([1, 1, 2, 2, 3, 5]);
    });

    it('unlocks a plot per level, up to eighteen', () => {
      expect([1, 2, 5, 13, 30].map(plotCount)).toEqual([6, 7, 10, 18, 18]);
    });

    it('levels up on the harvest that crosses a threshold, with a new plot and a story', () => {
      const farm: Farm = { ...ripeFarm(), xp: 99, harvestedCrops: ['turnip'] };
      const result = harvest(farm, 0, RIPE);
      expect(result.levelUp).toBe(2);
      expect(result.farm.plots).toHaveLength(7);
      expect(viewFarm(result.farm, 'me', 'me', RIPE)).toMatchObject({
        level: 2,
        levelXp: 100,
        nextLevelXp: 300,
      });
      expect(harvestStory(result)).toContain('升到了 2 级');
    });
  });

  describe('stealing', () => {
    it('moves a fifth of the yield into the thief’s gold, once per thief per crop', () => {
      const thief = newFarm();
      const { victim, thief: rich, loot } = steal(ripeFarm(), thief, 'thief', 0, RIPE);
      expect(loot).toEqual({ plot: 0, crop: 'turnip', units: 2, gold: 2 * turnip.sellPrice });
      expect(rich.gold).toBe(thief.gold + loot.gold);
      expect(victim.plots[0]).toMatchObject({ stolen: 2, thieves: ['thief'] });
      expectRule(() => steal(victim, rich, 'thief', 0, RIPE), 409, 'already_stolen');
      expect(stealableBy(victim.plots[0]!, 'thief', RIPE)).toBe(0);
      expect(stealableBy(victim.plots[0]!, 'other', RIPE)).toBe(2);
    });

    it('always leaves the owner at least half the yield, however many friends steal', () => {
      let victim = ripeFarm();
      const taken: number[] = [];
      for (const thief of ['a', 'b', 'c']) {
        const result = steal(victim, newFarm(), thief, 0, RIPE);
        victim = result.victim;
        taken.push(result.loot.units);
      }
      expect(taken).toEqual([2, 2, 1]);
      expectRule(() => steal(victim, newFarm(), 'd', 0, RIPE), 409, 'nothing_to_steal');
      const harvested = harvest(victim, 0, RIPE);
      expect(harvested.harvests[0].units).toBe(ownerKeeps(turnip));
      expect(harvested.harvests[0].units).toBeGreaterThanOrEqual(turnip.yield / 2);
    });

    it('keeps the owner’s minimum for every crop in the shop', () => {
      for (const crop of Object.values(CROPS)) {
        const planting = {
          crop: crop.id,
          plantedAt: T0,
          grownMs: crop.growthMs,
          checkedAt: T0,
          wetUntil: 0,
          thieves: [],
          stolen: 0,
        };
        let farm: Farm = { ...newFarm(), plots: [planting] };
        for (let thief = 0; thief < 20; thief++) {
          if (stealableBy(farm.plots[0]!, `t${thief}`, T0) === 0) break;
          farm = steal(farm, newFarm(), `t${thief}`, 0, T0).victim;
        }
        expect(crop.yield - farm.plots[0]!.stolen).toBeGreaterThanOrEqual(crop.yield / 2);
      }
    });

    it('only takes ripe crops that have not withered', () => {
      expectRule(() => steal(plantedFarm(), newFarm(), 'thief', 0, T0), 409, 'not_ripe');
      expectRule(() => steal(ripeFarm(), newFarm(), 'thief', 0, RIPE + WITHER_AFTER_MS), 409, 'withered');
      expectRule(() => steal(newFarm(), newFarm(), 'thief', 0, T0), 409, 'plot_empty');
    });

    it('shows a visitor what they may steal and the owner nothing to steal', () => {
      const farm = ripeFarm();
      expect(viewFarm(farm, 'owner', 'friend', RIPE).plots[0]).toMatchObject({ stage: 'ripe', stealable: 2 });
      expect(viewFarm(farm, 'owner', 'owner', RIPE).plots[0]).toMatchObject({ stage: 'ripe', stealable: 0 });
    });

    it('tells a story only for a big steal', () => {
      expect(stealStory({ plot: 0, crop: 'turnip', units: 2, gold: 2 })).toBeNull();
      expect(stealStory({ plot: 0, crop: 'strawberry', units: 4, gold: 40 })).toContain('草莓');
    });
  });

  describe('stories', () => {
    it('allows a few stories per farm per UTC day, well inside the Open API quota', () => {
      let farm = newFarm();
      for (let story = 0; story < STORIES_PER_DAY; story++) {
        const slot = takeStorySlot(farm, T0);
        expect(slot.granted).toBe(true);
        farm = slot.farm;
      }
      expect(takeStorySlot(farm, T0).granted).toBe(false);
      expect(takeStorySlot(farm, T0 + 24 * 60 * MINUTE).granted).toBe(true);
    });
  });
});
