import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import type { LogOptions } from '../common/logging';
import type { HostConfig } from '../config/config';
import { createHost } from '../host';
import { SpecValidator, specPathFor } from './spec-validator';
import { TestClock } from './test-clock';
import { testConfig } from './test-config';

/** One validator per document (host.json, open-platform.json), loaded on first use. */
const validators = new Map<string, SpecValidator>();

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Skip the spec check, for requests the spec cannot describe (e.g. a deliberately broken body). */
  raw?: boolean;
  /** More request headers (e.g. If-Match, or an Authorization header of another form than `token`). */
  headers?: Record<string, string>;
  /** A multipart upload: the `file` part (when given) and text fields, instead of a JSON body. */
  multipart?: { file?: Buffer; filename?: string; contentType?: string; fields?: Record<string, string> };
}

/**
 * Creates a database of its own for one test file: a fresh PostgreSQL database when DATABASE_URL
 * is set (dropped again on close), otherwise in-memory PGlite.
 */
export async function freshDatabase(): Promise<{ config: Partial<HostConfig>; drop: () => Promise<void> }> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) return { config: {}, drop: async () => undefined };
  const name = `kongjian_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    config: { databaseUrl: url.toString(), databaseMode: 'postgresql' },
    drop: async () => {
      const client = new Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * The shared store of one test host: Redis when REDIS_URL is set, under a key prefix of its own so test
 * files running side by side never share a counter; nothing (the in-memory default) otherwise.
 */
export function freshSharedStore(): Partial<HostConfig> {
  const redisUrl = process.env.REDIS_URL || undefined;
  return redisUrl ? { redisUrl, redisKeyPrefix: `kongjian_test_${randomBytes(6).toString('hex')}:` } : {};
}

export class TestHost {
  private constructor(
    readonly app: NestExpressApplication,
    readonly clock: TestClock,
    readonly config: HostConfig,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /** `logger` captures the host's log lines (tests of the logs); quiet otherwise. */
  static async start(
    overrides: Partial<HostConfig> = {},
    options: { logger?: LogOptions } = {},
  ): Promise<TestHost> {
    const database = await freshDatabase();
    const clock = new TestClock();
    // Photo files of each test host go to a folder of their own, removed on close.
    const storageDir = mkdtempSync(path.join(os.tmpdir(), 'kongjian-test-photos-'));
    const config = testConfig({ ...database.config, ...freshSharedStore(), storageDir, ...overrides });
    const drop = async () => {
      rmSync(storageDir, { recursive: true, force: true });
      await database.drop();
    };
    try {
      const app = await createHost(config, { clock, logger: options.logger ?? false });
      return new TestHost(app, clock, config, drop);
    } catch (error) {
      await drop();
      throw error;
    }
  }

  /**
   * Listens on 127.0.0.1 (an ephemeral port unless given), for clients that need a real URL, such as
   * oauth4webapi. Returns the base URL.
   */
  async listen(port = 0): Promise<string> {
    await this.app.listen(port, '127.0.0.1');
    const address = this.app.getHttpServer().address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.dropDatabase();
  }

  /**
   * Stops this host and starts a new one on the same database and clock, as after a restart. On PGlite
   * the data survives only in a `dataDir` on disk (give one to `start`). Use the returned host from now on.
   */
  async restart(): Promise<TestHost> {
    await this.app.close();
    const app = await createHost(this.config, { clock: this.clock, logger: false });
    return new TestHost(app, this.clock, this.config, this.dropDatabase);
  }

  /**
   * Starts another instance of this host on the same database, shared store (Redis, when REDIS_URL is set)
   * and clock, as a second instance behind a load balancer. Close it before this one, which drops the database.
   * Needs DATABASE_URL: an in-memory PGlite database belongs to one instance.
   */
  async startAnother(): Promise<TestHost> {
    if (this.config.databaseMode !== 'postgresql') {
      throw new Error('A second instance on the same database needs DATABASE_URL (PostgreSQL)');
    }
    const app = await createHost(this.config, { clock: this.clock, logger: false });
    return new TestHost(app, this.clock, this.config, async () => undefined);
  }

  /**
   * Sends a request through the real HTTP stack and checks the response against its OpenAPI
   * document (openapi/open-platform.json for /open/v1, openapi/host.json for the rest).
   */
  async call<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    let pending = request(this.app.getHttpServer())[method.toLowerCase() as 'get'](url);
    if (options.token) pending = pending.set('Authorization', `Bearer ${options.token}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) pending = pending.set(name, value);
    if (options.query) {
      pending = pending.query(
        Object.fromEntries(Object.entries(options.query).filter(([, value]) => value !== undefined)),
      );
    }
    if (options.body !== undefined) pending = pending.send(options.body as object);
    if (options.multipart) {
      const { file, filename = 'image.png', contentType = 'image/png', fields = {} } = options.multipart;
      for (const [name, value] of Object.entries(fields)) pending = pending.field(name, value);
      if (file) pending = pending.attach('file', file, { filename, contentType });
    }
    const response = await pending;
    if (!options.raw) {
      const specPath = specPathFor(url);
      let validator = validators.get(specPath);
      if (!validator) {
        validator = new SpecValidator(specPath);
        validators.set(specPath, validator);
      }
      const problems = validator.check(
        method.toUpperCase(),
        url,
        response.status,
        response.headers['content-type'],
        // supertest parses JSON into `body` and leaves text (Prometheus metrics, say) in `text`
        /^text\//.test(response.headers['content-type'] ?? '') ? response.text : response.body,
      );
      if (problems.length > 0) {
        throw new Error(
          `Response breaks the OpenAPI document:\n${problems.join('\n')}\n${JSON.stringify(response.body)}`,
        );
      }
    }
    return {
      status: response.status,
      body: response.body as T,
      headers: response.headers as Record<string, string>,
    };
  }

  get = <T = any>(url: string, options?: RequestOptions) => this.call<T>('GET', url, options);
  post = <T = any>(url: string, options?: RequestOptions) => this.call<T>('POST', url, options);
  put = <T = any>(url: string, options?: RequestOptions) => this.call<T>('PUT', url, options);
  patch = <T = any>(url: string, options?: RequestOptions) => this.call<T>('PATCH', url, options);
  delete = <T = any>(url: string, options?: RequestOptions) => this.call<T>('DELETE', url, options);

  /** Runs a read-only SQL query against the host's database, for asserting that nothing changed. */
  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    const { MikroORM } = await import('@mikro-orm/core');
    const orm = this.app.get(MikroORM);
    return orm.em.fork().getConnection().execute<T[]>(query, params, 'all');
  }
}
