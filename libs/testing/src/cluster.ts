import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, freshDatabase, HostProcess } from './host-process.js';

/** Debian's nginx; `apt-get install nginx` puts it here, outside an unprivileged user's PATH. */
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => existsSync(candidate));
const START_TIMEOUT_MS = 30_000;

/**
 * Several real hosts (`apps/host/dist/main.js`) on one fresh PostgreSQL database (and Redis, when REDIS_URL
 * is set), behind nginx on a free
 * port, as a production deployment runs them: every instance has the balancer's URL as its public URL, and
 * requests to `baseUrl` go round-robin to the instances. `hosts[i].baseUrl` reaches one instance directly.
 */
export class Cluster {
  private constructor(
    /** The load balancer's URL: the platform's public URL. */
    readonly baseUrl: string,
    readonly hosts: HostProcess[],
    private readonly balancers: Balancer[],
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /**
   * Starts `instances` hosts at once (they take turns migrating the empty database) with `env` added to
   * each one's environment, then nginx in front of them. Needs `server`, a PostgreSQL URL (DATABASE_URL by
   * default), and nginx.
   */
  static async start({
    instances,
    env = {},
    server = process.env.DATABASE_URL,
  }: {
    instances: number;
    env?: Record<string, string>;
    server?: string;
  }): Promise<Cluster> {
    if (!server) throw new Error('A cluster needs PostgreSQL: set DATABASE_URL');
    if (!NGINX) throw new Error('A cluster needs nginx: apt-get install nginx');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const database = await freshDatabase(server);
    // The instances share their Redis keys (with REDIS_URL), apart from other tests'.
    const redisPrefix = `kongjian_cluster_${randomBytes(6).toString('hex')}:`;
    const started = await Promise.allSettled(
      Array.from({ length: instances }, () =>
        HostProcess.start(
          { KONGJIAN_PUBLIC_URL: baseUrl, KONGJIAN_REDIS_KEY_PREFIX: redisPrefix, ...env },
          {
            url: database.url,
          },
        ),
      ),
    );
    const hosts = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      await Promise.all(hosts.map((host) => host.stop()));
      await database.drop();
      throw failed.reason;
    }
    const cluster = new Cluster(baseUrl, hosts, [], database.drop);
    cluster.balancers.push(await Balancer.start(port, hosts));
    return cluster;
  }

  /**
   * Another nginx, on a free port, over some of the instances only (to compare one instance with all
   * behind the same kind of balancer); its URL. {@link stop} stops it too.
   */
  async balancerOver(hosts: HostProcess[]): Promise<string> {
    const balancer = await Balancer.start(await freePort(), hosts);
    this.balancers.push(balancer);
    return balancer.baseUrl;
  }

  /** Stops nginx and every host, then drops the database. */
  async stop(): Promise<void> {
    await Promise.all(this.balancers.map((balancer) => balancer.stop()));
    await Promise.all(this.hosts.map((host) => host.stop()));
    await this.dropDatabase();
  }
}

/** One nginx in the foreground, its configuration and temporary files in a folder of its own. */
class Balancer {
  private constructor(
    readonly baseUrl: string,
    private readonly nginx: ChildProcess,
    private readonly dir: string,
  ) {}

  static async start(port: number, hosts: HostProcess[]): Promise<Balancer> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kongjian-nginx-'));
    await writeFile(path.join(dir, 'nginx.conf'), nginxConfig(port, hosts, dir));
    const nginx = spawn(NGINX!, ['-p', dir, '-c', 'nginx.conf', '-e', 'error.log'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const balancer = new Balancer(`http://127.0.0.1:${port}`, nginx, dir);
    await balancer.waitUntilAnswering();
    return balancer;
  }

  private async waitUntilAnswering(): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.nginx.exitCode !== null) throw new Error(`nginx exited with code ${this.nginx.exitCode}`);
      try {
        if ((await fetch(`${this.baseUrl}/health/live`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nginx did not answer within ${START_TIMEOUT_MS / 1000} s`);
  }

  async stop(): Promise<void> {
    if (this.nginx.exitCode === null) {
      const exited = new Promise((resolve) => this.nginx.once('exit', resolve));
      this.nginx.kill('SIGTERM');
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * nginx in the foreground with everything under `dir`: round-robin over the hosts with kept-alive
 * connections, the client's address in X-Forwarded-For (the hosts trust a loopback proxy), no buffering
 * (notification streams); a request that could not reach an instance is tried on the next (nginx's default,
 * never for a POST, which may have been taken already).
 */
function nginxConfig(port: number, hosts: HostProcess[], dir: string): string {
  const servers = hosts.map((host) => `    server ${new URL(host.baseUrl).host};`).join('\n');
  return `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  # nginx closes a client's connection after 1,000 requests by default; a load generator that sends the next
  # request at that moment counts an error no browser would see.
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream kongjian {
${servers}
    keepalive 32;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://kongjian;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout;
    }
  }
}
`;
}
