import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, installLuckyDraw, packSdk, startNodeProgram } from '@kongjian/testing';

/**
 * The example app Lucky Draw, installed outside the repository on the packed SDK as an outside developer
 * would install it, on a port of its own: its URL is known before the app is registered (the redirect URI),
 * and it starts once the console has shown the client id and secret.
 */
export async function prepareLuckyDraw() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kongjian-lucky-draw-'));
  const main = await installLuckyDraw(folder, await packSdk(folder));
  const url = `http://127.0.0.1:${await freePort()}`;
  let stopProgram = async () => {};
  return {
    url,
    start: async (kongjianUrl: string, clientId: string, clientSecret: string) => {
      ({ stop: stopProgram } = await startNodeProgram(
        main,
        {
          KONGJIAN_URL: kongjianUrl,
          CLIENT_ID: clientId,
          CLIENT_SECRET: clientSecret,
          PORT: new URL(url).port,
          PUBLIC_URL: url,
        },
        url,
      ));
    },
    stop: async () => {
      await stopProgram();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
