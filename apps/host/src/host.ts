import 'reflect-metadata';
import { ConsoleLogger, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { AccountsService } from './accounts/accounts.service';
import { AppModule } from './app.module';
import { LaunchTokensService } from './app-center/launch-tokens.service';
import { AuthorizationsService } from './apps/authorizations.service';
import type { Clock } from './common/clock';
import { logRequests, requireJsonBodies } from './common/http-middleware';
import { LIMITS } from './common/limits';
import { ProblemFilter } from './common/problem.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';
import { DatabaseService } from './database/database.module';
import { DemoService } from './demo/demo.service';
import { PluginsService } from './plugins/plugins.service';
import { HOST_PAGES, serveSinglePageApp } from './web-app/serve-web-app';

export interface HostOptions {
  clock?: Clock;
  logger?: LoggerService | LogLevel[] | false;
}

/**
 * Builds the host exactly as `npm start` runs it (middleware, filters, validation, migrations,
 * first admin) without listening, so tests and scripts exercise the real stack.
 */
export async function createHost(
  config: AppConfig,
  options: HostOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock), {
    bodyParser: false,
    abortOnError: false,
    logger: Array.isArray(options.logger)
      ? new ConsoleLogger({ json: true, logLevels: options.logger })
      : (options.logger ?? new ConsoleLogger({ json: true })),
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  if (config.logRequests) app.use(logRequests);
  app.use(requireJsonBodies);
  app.use(express.json({ limit: LIMITS.bodyBytes, strict: true }));
  app.use(cookieParser());
  app.use(
    serveSinglePageApp({
      dir: config.webDir,
      buildCommand: 'npm run build -w apps/web',
      hostPages: HOST_PAGES,
    }),
  );
  app.use(
    '/console',
    serveSinglePageApp({ dir: config.consoleDir, buildCommand: 'npm run build -w apps/console' }),
  );
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  await app.init();

  const database = app.get(DatabaseService);
  await database.migrate();
  await database.withContext(() => app.get(AuthorizationsService).loadOpenidKey());
  await database.withContext(() => app.get(LaunchTokensService).loadSigningKey());
  // Plugins register their apps, so they start once the database is migrated.
  await database.withContext(() => app.get(PluginsService).start());
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
  return app;
}
