/** The gift shop (礼物商城): what can be sent, for how many coins. Images are served with the canvas. */

export const GIFT_CATEGORIES = ['romance', 'birthday', 'daily', 'luxury'] as const;
export type GiftCategory = (typeof GIFT_CATEGORIES)[number];

export interface CatalogGift {
  id: string;
  /** The name people know it by, as on Qzone. */
  name: string;
  nameEn: string;
  emoji: string;
  /** The measure word of one (一朵玫瑰, 一辆跑车), for the story. */
  measure: string;
  /** In coins. */
  price: number;
  category: GiftCategory;
  /** Relative to the canvas (`/apps/gifts/`). */
  image: string;
}

const gift = (
  id: string,
  name: string,
  nameEn: string,
  emoji: string,
  measure: string,
  price: number,
  category: GiftCategory,
): CatalogGift => ({ id, name, nameEn, emoji, measure, price, category, image: `gifts/${id}.svg` });

export const CATALOG: readonly CatalogGift[] = [
  gift('heart', '爱心', 'Heart', '❤️', '颗', 5, 'romance'),
  gift('rose', '玫瑰', 'Rose', '🌹', '朵', 10, 'romance'),
  gift('chocolate', '巧克力', 'Chocolate', '🍫', '盒', 20, 'romance'),
  gift('teddy', '小熊', 'Teddy bear', '🧸', '只', 30, 'romance'),
  gift('ring', '钻戒', 'Diamond ring', '💍', '枚', 300, 'romance'),
  gift('cake', '生日蛋糕', 'Birthday cake', '🎂', '个', 50, 'birthday'),
  gift('balloon', '气球', 'Balloons', '🎈', '串', 15, 'birthday'),
  gift('fireworks', '烟花', 'Fireworks', '🎆', '场', 100, 'birthday'),
  gift('tea', '奶茶', 'Milk tea', '🧋', '杯', 12, 'daily'),
  gift('lollipop', '棒棒糖', 'Lollipop', '🍭', '根', 8, 'daily'),
  gift('clover', '四叶草', 'Four-leaf clover', '🍀', '株', 18, 'daily'),
  gift('sportscar', '跑车', 'Sports car', '🏎️', '辆', 500, 'luxury'),
  gift('yacht', '游艇', 'Yacht', '🛥️', '艘', 1000, 'luxury'),
  gift('castle', '城堡', 'Castle', '🏰', '座', 2000, 'luxury'),
];

export function findGift(id: unknown): CatalogGift | undefined {
  return CATALOG.find((candidate) => candidate.id === id);
}
