import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { pageHeaders } from '../common/page-headers';

/**
 * Paths the host answers itself even for a browser's page navigation to the web app at `/`: its own pages,
 * the APIs apps call, health and metrics (a browser looking at them gets them), the API reference, and the
 * console's mount.
 */
export const HOST_PAGES =
  /^\/(?:oauth|orders|apps|open|\.well-known|health|metrics|photos|console|docs|openapi|openapi\.json)(?:\/|$)/;

/** Hashed build files never change under their name; the page itself is checked on every visit. */
const ASSET_MAX_AGE_MS = 365 * 86_400_000;

/** The web app embeds app canvases (plugins on this origin, third-party canvases on theirs) and their media. */
const PAGE_HEADERS = pageHeaders(['img-src * data: blob:', 'media-src *', 'frame-src *']);

/** A browser navigating to a page prefers HTML; `fetch()` from the app (`*\/*`) and `<img>` do not. */
function isPageNavigation(request: Request, hostPages: RegExp | undefined): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !hostPages?.test(request.path) &&
    request.accepts(['application/json', 'text/html']) === 'text/html'
  );
}

/** A built single-page app the host serves: the web app at `/`, the console at `/console/`. */
export interface SinglePageApp {
  /** Its Vite build (`index.html` and `assets/`); undefined serves nothing. */
  dir: string | undefined;
  /** How a person is told to build it when it is missing. */
  buildCommand: string;
  /** Paths under its mount that stay the host's even for a page navigation. */
  hostPages?: RegExp;
}

/**
 * Serves a built single-page app where it is mounted: its files by name, and its `index.html` for a page
 * navigation to any other path, so `/u/xiaoming` or a reload of `/friends` opens the web app, while the same
 * paths fetched by the app reach the API. Only the top-level names of the build are looked up on disk, so API
 * requests never touch the file system. Without a build, a navigation explains how to make one.
 */
export function serveSinglePageApp({ dir, buildCommand, hostPages }: SinglePageApp): RequestHandler {
  const logger = new Logger('SinglePageApp');
  const built = dir !== undefined && existsSync(path.join(dir, 'index.html'));
  if (dir !== undefined && !built) {
    logger.warn({ message: `not built; \`${buildCommand}\` makes it`, dir });
  }
  const topLevel = new Set(built ? readdirSync(dir) : []);
  const files = built
    ? express.static(dir, {
        index: false,
        redirect: false,
        setHeaders: (response, file) => {
          if (file.includes(`${path.sep}assets${path.sep}`)) {
            response.setHeader('Cache-Control', `public, max-age=${ASSET_MAX_AGE_MS / 1000}, immutable`);
          }
        },
      })
    : undefined;

  return (request: Request, response: Response, next: NextFunction) => {
    const first = request.path.split('/')[1] ?? '';
    if (files && first !== 'index.html' && topLevel.has(first)) {
      files(request, response, next);
      return;
    }
    if (!isPageNavigation(request, hostPages)) {
      next();
      return;
    }
    if (!built) {
      response
        .status(503)
        .type('text/plain')
        .send(`This part of Kongjian is not built yet: run \`${buildCommand}\`, then reload.`);
      return;
    }
    response.set(PAGE_HEADERS).sendFile(path.join(dir, 'index.html'));
  };
}
