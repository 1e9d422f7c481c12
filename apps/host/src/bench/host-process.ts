import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** How long the host may take to start and migrate an empty database. */
const START_TIMEOUT_MS = 120_000;
/** How long it may take to shut down after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 10_000;
/** Lines of host output kept to explain a failed start. */
const OUTPUT_LINES_KEPT = 40;

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

/**
 * The built host (`dist/main.js`) in a child process, so the load generator and the server do not
 * share an event loop and the host runs exactly as `npm start` would run it.
 */
export class HostProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.output.splice(0, Math.max(0, this.output.length - OUTPUT_LINES_KEPT));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** `databaseUrl` '' runs the host on embedded PGlite; `env` adds or overrides variables. */
  static async start(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<HostProcess> {
    const port = await freePort();
    // dist/bench/feed.bench.js → dist/main.js
    const main = path.join(__dirname, '..', 'main.js');
    const child = spawn(process.execPath, [main], {
      cwd: path.join(__dirname, '..', '..'),
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        KONGJIAN_PUBLIC_URL: `http://127.0.0.1:${port}`,
        KONGJIAN_DEMO_DATA: 'false',
        KONGJIAN_LOG_REQUESTS: 'false',
        KONGJIAN_ADMIN: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const host = new HostProcess(child, `http://127.0.0.1:${port}`);
    await host.waitUntilHealthy();
    return host;
  }

  get pid(): number | undefined {
    return this.child.pid;
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
        const response = await fetch(`${this.baseUrl}/health`);
        if (response.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await this.stop();
    throw new Error(
      `the host did not answer /health within ${START_TIMEOUT_MS / 1000} s:\n${this.recentOutput()}`,
    );
  }

  /** SIGTERM (the host closes its pool on shutdown hooks), then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  /** For exit paths that cannot wait (a signal handler). */
  killNow(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
