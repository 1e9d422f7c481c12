/**
 * What each theme or skin of the shop (and the free built-in themes) looks like on a space: the banner, the
 * page behind the modules and the accent for buttons and links. Accents keep white text above 4.5:1; text
 * always sits on white cards or the header panel, so the banner can be as bold as the theme wants.
 */
export interface SpaceLook {
  /** CSS background of the banner at the top of the space. */
  banner: string;
  /** CSS background of the page behind the modules. */
  page: string;
  /** antd colorPrimary inside the space. */
  accent: string;
}

const LOOKS: Record<string, SpaceLook> = {
  classic: {
    banner: 'linear-gradient(135deg, #0d47a1 0%, #1e88e5 55%, #90caf9 100%)',
    page: '#eef4fb',
    accent: '#1565c0',
  },
  sakura: {
    banner:
      'radial-gradient(circle at 20% 30%, #fff0f5 0 6%, transparent 7%), radial-gradient(circle at 70% 60%, #ffe4ec 0 5%, transparent 6%), linear-gradient(135deg, #f8bbd0 0%, #f06292 100%)',
    page: '#fdf0f4',
    accent: '#ad1457',
  },
  'starry-night': {
    banner:
      'radial-gradient(circle at 15% 25%, #fff 0 1px, transparent 2px), radial-gradient(circle at 60% 40%, #fff 0 1px, transparent 2px), radial-gradient(circle at 85% 20%, #ffe082 0 2px, transparent 3px), linear-gradient(180deg, #0b1036 0%, #283593 100%)',
    page: '#e3e6f5',
    accent: '#283593',
  },
  bamboo: {
    banner: 'repeating-linear-gradient(90deg, #2e7d32 0 14px, #43a047 14px 18px, #66bb6a 18px 40px), #2e7d32',
    page: '#edf5ea',
    accent: '#2e7d32',
  },
  ocean: {
    banner:
      'radial-gradient(ellipse at 50% 120%, #b2ebf2 0 30%, transparent 31%), linear-gradient(180deg, #006064 0%, #0097a7 100%)',
    page: '#e4f3f6',
    accent: '#00695c',
  },
  'jade-garden': {
    banner:
      'radial-gradient(circle at 80% 30%, #e0f2f1 0 10%, transparent 11%), linear-gradient(135deg, #004d40 0%, #26a69a 100%)',
    page: '#e6f4ef',
    accent: '#00695c',
  },
  'lantern-festival': {
    banner:
      'radial-gradient(circle at 20% 40%, #ffca28 0 6%, transparent 7%), radial-gradient(circle at 50% 30%, #ffca28 0 5%, transparent 6%), radial-gradient(circle at 80% 45%, #ffca28 0 6%, transparent 7%), linear-gradient(135deg, #8e0000 0%, #d32f2f 100%)',
    page: '#fff1eb',
    accent: '#c62828',
  },
  'golden-dragon': {
    banner:
      'repeating-radial-gradient(circle at 85% 50%, rgba(255, 236, 179, 0.35) 0 8px, transparent 8px 22px), linear-gradient(135deg, #6d4c00 0%, #c79100 50%, #ffd54f 100%)',
    page: '#fff7e0',
    accent: '#7a5200',
  },
  'yellow-diamond': {
    banner: 'linear-gradient(135deg, #f57f17 0%, #fbc02d 60%, #fff59d 100%)',
    page: '#fffbe6',
    accent: '#8a5a00',
  },
  'ink-wash': {
    banner:
      'radial-gradient(ellipse at 30% 100%, #616161 0 25%, transparent 26%), radial-gradient(ellipse at 75% 110%, #9e9e9e 0 30%, transparent 31%), linear-gradient(180deg, #fafafa 0%, #bdbdbd 100%)',
    page: '#f4f4ef',
    accent: '#37474f',
  },
  'pixel-cat': {
    banner: 'conic-gradient(#7b1fa2 25%, #9c27b0 0 50%, #7b1fa2 0 75%, #9c27b0 0) 0 0 / 24px 24px',
    page: '#f5eaf7',
    accent: '#6a1b9a',
  },
  aurora: {
    banner: 'linear-gradient(160deg, #0d1b4c 0%, #1a237e 35%, #00bfa5 75%, #b2ff59 100%)',
    page: '#e6f2f0',
    accent: '#283593',
  },
};

export function spaceLook(themeId: string): SpaceLook {
  return LOOKS[themeId] ?? LOOKS.classic!;
}
