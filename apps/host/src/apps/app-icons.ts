import { createHash } from 'node:crypto';

/** Where the app center serves an uploaded icon; `v` changes with the image, so browsers may cache it for good. */
export const uploadedIconUrl = (appId: string, image: Buffer) =>
  `/app-center/apps/${appId}/icon?v=${createHash('sha256').update(image).digest('hex').slice(0, 12)}`;
/** An uploaded icon's URL: the one listing URL that is not an absolute https one. */
export const UPLOADED_ICON_URL = /^\/app-center\/apps\/[0-9a-f-]{36}\/icon\?v=[0-9a-f]{12}$/;
/** Where the photo storage keeps the app's uploaded icon. */
export const iconKey = (appId: string) => `${appId}/icon`;
