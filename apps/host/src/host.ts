import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/core';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import { AccountsService } from './accounts/accounts.service';
import { AppModule } from './app.module';
import { LaunchTokensService } from './app-center/launch-tokens.service';
import { AuthorizationsService } from './apps/authorizations.service';
import type { Clock } from './common/clock';
import { explainBodyErrors, refuseMalformedPaths, requireJsonBodies } from './common/http-middleware';
import {
  bindRequestContext,
  createNestLogger,
  createRootLogger,
  type LogOptions,
  logRequests,
} from './common/logging';
import { LIMITS } from './common/limits';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import type { HostConfig } from './config/config';
import { DatabaseService } from './database/database.module';
import { entityManagerPerRequest } from './database/request-entity-manager';
import { DemoService } from './demo/demo.service';
import { Readiness } from './health/readiness.service';
import { countRequests } from './metrics/count-requests';
import { Metrics } from './metrics/metrics.service';
import { TokenEndpoints } from './oauth/token-endpoints';
import { OPEN_API_PREFIX } from './open-api/open-api.decorators';
import { beginPluginLaunch } from './plugins/plugin-launch';
import { PluginsService } from './plugins/plugins.service';
import { HOST_PAGES, serveSinglePageApp } from './web-app/serve-web-app';

export interface HostOptions {
  clock?: Clock;
  /**
   * Where log lines go: stdout at `config.logLevel` (LOG_LEVEL) by default; `false` logs nothing (tests);
   * a level and a destination capture them (tests of the logs).
   */
  logger?: LogOptions | false;
}

/**
 * Builds the host exactly as `npm start` runs it (middleware, filters, validation, migrations,
 * first admin) without listening, so tests and scripts exercise the real stack.
 */
export async function createHost(
  config: HostConfig,
  options: HostOptions = {},
): Promise<NestExpressApplication> {
  const log = createRootLogger(options.logger ?? { level: config.logLevel ?? 'info' });
  // First: the plugins' workers start beside the rest of the start-up (plugin-launch.ts says why).
  const plugins = beginPluginLaunch(config);
  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
      bodyParser: false,
      abortOnError: false,
      logger: createNestLogger(log),
    });
  } catch (error) {
    await plugins?.stop();
    throw error;
  }
  app.set('trust proxy', config.trustProxy ?? 'loopback');
  app.disable('x-powered-by');
  // First, so every answer is logged and counted, the web app's pages and refused bodies too.
  app.use(logRequests(log));
  app.use(countRequests(app.get(Metrics)));
  app.use(refuseMalformedPaths);
  app.use(requireJsonBodies);
  app.use(express.json({ limit: LIMITS.bodyBytes, strict: true }));
  app.use(explainBodyErrors);
  app.use(bindRequestContext);
  app.use(entityManagerPerRequest(app.get(MikroORM)));
  // Before cookies, the web app and Nest's router: the OAuth client endpoints need none of them.
  app.get(TokenEndpoints).mount(app.getHttpAdapter().getInstance() as Express);
  app.use(browserFacing(config));
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks: main.ts drains on SIGTERM/SIGINT itself (see shutdown.ts) and exits 0.
  try {
    await app.init();
    await startUp(app, config);
  } catch (error) {
    // Nothing of a host that failed to start is left running: its plugin workers, the database, a Redis
    // connection that keeps reconnecting to a Redis that did not answer.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/**
 * What only browsers need: cookies (the session, the page language, forms' CSRF tokens), the web app and the
 * console. The Open API takes bearer tokens and none of its paths is a page, so its requests, the hot path of
 * every app, skip these in one step.
 */
function browserFacing(config: HostConfig): RequestHandler {
  const browser = express.Router();
  browser.use(cookieParser());
  browser.use(
    serveSinglePageApp({
      dir: config.webDir,
      buildCommand: 'npm run build -w apps/web',
      hostPages: HOST_PAGES,
    }),
  );
  browser.use(
    '/console',
    serveSinglePageApp({ dir: config.consoleDir, buildCommand: 'npm run build -w apps/console' }),
  );
  const openApi = `/${OPEN_API_PREFIX}/`;
  return (request, response, next) => {
    if (request.path.startsWith(openApi)) next();
    else browser(request, response, next);
  };
}

/** The start-up work on the database, once per start, with instances started together taking turns. */
async function startUp(app: NestExpressApplication, config: HostConfig): Promise<void> {
  const database = app.get(DatabaseService);
  await database.whileStarting(async () => {
    const readiness = app.get(Readiness);
    await database.migrate();
    readiness.markMigrated();
    await database.withContext(() => app.get(AuthorizationsService).loadOpenidKey());
    await database.withContext(() => app.get(LaunchTokensService).loadSigningKey());
    // Plugins register their apps, so they start once the database is migrated.
    await database.withContext(() => app.get(PluginsService).start());
    readiness.markPluginsStarted();
    // Demo data first: it seeds only an installation without people, and the admin named at start is one.
    if (config.demoData) {
      await database.withContext(async () => {
        const demo = app.get(DemoService);
        await demo.seedIfEmpty();
        await demo.ensureDemoPluginInstalls();
        await demo.announceDemoApp(config.publicUrl);
      });
    }
    const admin = config.bootstrapAdmin;
    if (admin) {
      await database.withContext(() => app.get(AccountsService).ensureAdmin(admin.username, admin.password));
    }
  });
}
