import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built host, from libs/testing/dist/. `nx run host:build` (a dependency of the tests that use this) makes it. */
const HOST_MAIN = fileURLToPath(new URL('../../../apps/host/dist/main.js', import.meta.url));
/**
 * As `npm start` runs the host: V8's young generation capped at 2 × 8 MiB instead of 2 × 16 MiB, which the
 * start-up's allocations otherwise leave resident (15 MiB of idle RSS; docs/benchmarks.md).
 */
const HOST_NODE_FLAGS = ['--max-semi-space-size=8'];
/** How long the host may take to start and migrate an empty database. */
const START_TIMEOUT_MS = 120_000;
/** How long it may take to shut down after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** Lines of output kept to explain a failed start. */
const OUTPUT_LINES_KEPT = 60;

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Where a host started by {@link HostProcess.start} keeps its data. */
export interface HostDatabase {
  /**
   * Run on this database as it is, and keep it after `stop` (a benchmark seeds it first): a PostgreSQL
   * URL, or '' for PGlite in the host's temporary data folder.
   */
  url?: string;
  /**
   * Otherwise a fresh database of its own, dropped at `stop`, on this PostgreSQL server (any database URL
   * of it); DATABASE_URL unless given, and PGlite when that is unset or ''.
   */
  server?: string;
}

/**
 * A database of its own for one host (or one cluster of hosts): a fresh PostgreSQL database on the server of
 * `baseUrl` (dropped by the returned function), or '' so the host runs on PGlite in its temporary data folder.
 */
export async function freshDatabase(
  baseUrl: string | undefined,
): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!baseUrl) return { url: '', drop: async () => undefined };
  const { default: pg } = await import('pg');
  const name = `kongjian_test_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * The real host (`node apps/host/dist/main.js`) in a child process, for tests that talk to it over HTTP
 * the way an app would: its own port, a temporary data folder, no demo data, and on PostgreSQL a fresh
 * database, all removed again by {@link HostProcess.stop}.
 */
export class HostProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<number | null>;
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly child: ChildProcess,
    /** Where the host listens, which is also its public URL and OAuth issuer. */
    readonly baseUrl: string,
    private readonly cleanUp: () => Promise<void>,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - OUTPUT_LINES_KEPT));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /**
   * Starts a host and waits until `/health` answers; `env` adds or overrides environment variables, and
   * `database` says where its data goes (a fresh database of its own by default).
   */
  static async start(env: Record<string, string> = {}, database: HostDatabase = {}): Promise<HostProcess> {
    if (!existsSync(HOST_MAIN)) {
      throw new Error(`${HOST_MAIN} is missing: build the host first (npx nx run host:build)`);
    }
    const port = await freePort();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kongjian-host-'));
    const data =
      database.url !== undefined
        ? { url: database.url, drop: async () => undefined }
        : await freshDatabase(database.server ?? process.env.DATABASE_URL);
    const cleanUp = async () => {
      await data.drop();
      await rm(dataDir, { recursive: true, force: true });
    };
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [...HOST_NODE_FLAGS, HOST_MAIN], {
      cwd: dataDir,
      env: {
        ...process.env,
        DATABASE_URL: data.url,
        KONGJIAN_DATA_DIR: dataDir,
        PORT: String(port),
        KONGJIAN_PUBLIC_URL: baseUrl,
        KONGJIAN_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        KONGJIAN_ADMIN: '',
        // With REDIS_URL, hosts of test files running side by side keep their counters apart.
        KONGJIAN_REDIS_KEY_PREFIX: `kongjian_test_${randomBytes(6).toString('hex')}:`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const host = new HostProcess(child, baseUrl, cleanUp);
    try {
      await host.waitUntilHealthy();
    } catch (error) {
      await host.stop();
      throw error;
    }
    return host;
  }

  /** The host's process id, to read its memory use. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends the host a signal (SIGTERM to test its shutdown); {@link exitCode} says how it ended. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The host's exit code once it has exited (null if a signal ended it). */
  exitCode(): Promise<number | null> {
    return this.exited;
  }

  /** The port the host listens on. */
  get port(): number {
    return Number(new URL(this.baseUrl).port);
  }

  /** The host's last lines of output, to explain a failure. */
  recentOutput(): string {
    return this.output.join('\n');
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(`the host exited with code ${exitCode} while starting:\n${this.recentOutput()}`);
      }
      try {
        if ((await fetch(`${this.baseUrl}/health`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(
      `the host did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${this.recentOutput()}`,
    );
  }

  /** SIGTERM (the host closes its database on shutdown), SIGKILL if it lingers, then removes its data. */
  stop(): Promise<void> {
    this.stopping ??= this.stopOnce();
    return this.stopping;
  }

  /** For exit paths that cannot wait (a signal handler): kills the host and leaves its data behind. */
  killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private async stopOnce(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await this.exited;
      clearTimeout(timer);
    }
    await this.cleanUp();
  }
}
