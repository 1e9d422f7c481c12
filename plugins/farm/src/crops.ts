/** The seed shop: every crop the farm grows, with its price, growth time, yield and the level it needs. */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const CROP_IDS = ['turnip', 'carrot', 'corn', 'potato', 'strawberry', 'watermelon'] as const;
export type CropId = (typeof CROP_IDS)[number];

export interface Crop {
  id: CropId;
  /** What players read (Chinese first, as in QQ农场). */
  name: string;
  nameEn: string;
  emoji: string;
  /** Gold for one seed. */
  seedPrice: number;
  /** Time from planting to ripe while the soil is wet (dry soil grows at half speed). */
  growthMs: number;
  /** Units one plot gives. */
  yield: number;
  /** Gold one harvested or stolen unit sells for. */
  sellPrice: number;
  /** Experience for harvesting one plot. */
  xp: number;
  /** The farm level that unlocks the seed in the shop. */
  level: number;
}

export const CROPS: Readonly<Record<CropId, Crop>> = {
  turnip: {
    id: 'turnip',
    name: '白萝卜',
    nameEn: 'Turnip',
    emoji: '🥬',
    seedPrice: 5,
    growthMs: 2 * MINUTE,
    yield: 10,
    sellPrice: 1,
    xp: 3,
    level: 1,
  },
  carrot: {
    id: 'carrot',
    name: '胡萝卜',
    nameEn: 'Carrot',
    emoji: '🥕',
    seedPrice: 12,
    growthMs: 10 * MINUTE,
    yield: 12,
    sellPrice: 2,
    xp: 6,
    level: 1,
  },
  corn: {
    id: 'corn',
    name: '玉米',
    nameEn: 'Corn',
    emoji: '🌽',
    seedPrice: 40,
    growthMs: HOUR,
    yield: 15,
    sellPrice: 5,
    xp: 15,
    level: 2,
  },
  potato: {
    id: 'potato',
    name: '土豆',
    nameEn: 'Potato',
    emoji: '🥔',
    seedPrice: 60,
    growthMs: 2 * HOUR,
    yield: 16,
    sellPrice: 7,
    xp: 22,
    level: 3,
  },
  strawberry: {
    id: 'strawberry',
    name: '草莓',
    nameEn: 'Strawberry',
    emoji: '🍓',
    seedPrice: 100,
    growthMs: 4 * HOUR,
    yield: 20,
    sellPrice: 10,
    xp: 40,
    level: 4,
  },
  watermelon: {
    id: 'watermelon',
    name: '西瓜',
    nameEn: 'Watermelon',
    emoji: '🍉',
    seedPrice: 180,
    growthMs: 8 * HOUR,
    yield: 10,
    sellPrice: 30,
    xp: 60,
    level: 5,
  },
};

export function isCropId(value: unknown): value is CropId {
  return typeof value === 'string' && (CROP_IDS as readonly string[]).includes(value);
}
