import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { buildSync } from 'esbuild';
import { LIMITS } from '../common/limits';
import type {
  BridgeRequest,
  BridgeResult,
  CallContext,
  CallKind,
  CallOutcome,
  HostMessage,
  LoadReport,
  PluginSource,
  SandboxLimits,
  WorkerMessage,
} from './plugin-protocol';

/** How much longer than a worker's own call timeout the host waits before it declares the worker stuck. */
const WATCHDOG_GRACE_MS = 1000;

export interface SupervisorOptions<Actor> {
  plugins: PluginSource[];
  workers: number;
  limits: SandboxLimits;
  /** Answers a plugin's Open API request, made during the call of `actor`. */
  bridge: (pluginId: string, actor: Actor, request: BridgeRequest) => Promise<BridgeResult>;
  log: (pluginId: string, level: 'info' | 'warn' | 'error', message: string, data: unknown) => void;
}

interface WorkerProcess {
  child: ChildProcess;
  ready: boolean;
  startedAt: number;
  /** Ids of the calls this worker is running. */
  inFlight: Set<number>;
}

interface PendingCall<Actor> {
  callId: number;
  pluginId: string;
  actor: Actor;
  message: HostMessage;
  resolve: (outcome: CallOutcome) => void;
  worker: WorkerProcess | null;
  watchdog: NodeJS.Timeout;
}

const failure = (reason: string): CallOutcome => ({ kind: 'failure', reason });

/**
 * Runs plugin calls in worker processes and keeps them alive: each call has a wall-clock watchdog,
 * a worker that dies fails only its calls in flight and is restarted with backoff, and calls made while
 * no worker is up wait for one (within the same watchdog).
 */
export class PluginSupervisor<Actor> {
  private readonly logger = new Logger('PluginSupervisor');
  private readonly workers: (WorkerProcess | null)[];
  private readonly calls = new Map<number, PendingCall<Actor>>();
  private readonly waiting: PendingCall<Actor>[] = [];
  private readonly restartDelays: number[];
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private nextCallId = 1;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions<Actor>) {
    this.workers = Array.from({ length: options.workers }, () => null);
    this.restartDelays = this.workers.map(() => LIMITS.pluginWorkerRestartFirstMs);
  }

  /** Starts the workers; resolves with what the first one loaded, or rejects if it dies first. */
  start(): Promise<LoadReport[]> {
    const script = workerScript();
    const loads = this.workers.map((_, slot) => this.spawn(script, slot));
    return Promise.race(loads);
  }

  /** Runs one handler; never rejects: what went wrong is in the outcome. */
  call(
    pluginId: string,
    kind: CallKind,
    name: string,
    input: unknown,
    context: CallContext,
    actor: Actor,
  ): Promise<CallOutcome> {
    return new Promise((resolve) => {
      const callId = this.nextCallId++;
      const pending: PendingCall<Actor> = {
        callId,
        pluginId,
        actor,
        message: { type: 'call', callId, pluginId, kind, name, input, context },
        resolve,
        worker: null,
        watchdog: setTimeout(
          () => this.watchdog(pending),
          this.options.limits.callTimeoutMs + WATCHDOG_GRACE_MS,
        ),
      };
      this.calls.set(callId, pending);
      this.dispatch(pending);
    });
  }

  /** Process ids of the live workers (benchmarks read their memory; tests kill one). */
  workerPids(): number[] {
    return this.workers.flatMap((worker) => (worker?.ready && worker.child.pid ? [worker.child.pid] : []));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restartTimers) clearTimeout(timer);
    const exits = this.workers.flatMap((worker) => {
      if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return [];
      const exited = new Promise((resolve) => worker.child.once('exit', resolve));
      worker.child.kill('SIGKILL');
      return [exited];
    });
    await Promise.all(exits);
    for (const pending of [...this.calls.values()])
      this.finish(pending, failure('the host is shutting down'));
  }

  private spawn(script: string, slot: number): Promise<LoadReport[]> {
    const child = fork(script, [], {
      // isolated-vm needs V8's startup snapshot off (Node ≥ 20); no other flag of the host is inherited.
      execArgv: ['--no-node-snapshot'],
      serialization: 'json',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: WorkerProcess = { child, ready: false, startedAt: Date.now(), inFlight: new Set() };
    this.workers[slot] = worker;
    return new Promise((resolve, reject) => {
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'loaded') {
          worker.ready = true;
          resolve(message.plugins);
          this.drainWaiting();
        } else this.onMessage(worker, message);
      });
      child.on('error', (error) =>
        this.logger.error({ message: 'plugin worker error', error: error.message }),
      );
      child.once('exit', (code, signal) => {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new Error(`A plugin worker stopped (${how}) before it loaded the plugins`));
        this.onExit(worker, slot, script, how);
      });
      child.send({
        type: 'load',
        plugins: this.options.plugins,
        limits: this.options.limits,
      } satisfies HostMessage);
    });
  }

  private onMessage(worker: WorkerProcess, message: WorkerMessage): void {
    if (message.type === 'result') {
      const pending = this.calls.get(message.callId);
      if (pending?.worker === worker) this.finish(pending, message.outcome);
    } else if (message.type === 'bridge') {
      void this.answerBridge(worker, message);
    } else if (message.type === 'log') {
      this.options.log(message.pluginId, message.level, message.message, message.data);
    }
  }

  private async answerBridge(
    worker: WorkerProcess,
    message: Extract<WorkerMessage, { type: 'bridge' }>,
  ): Promise<void> {
    const pending = this.calls.get(message.callId);
    let result: BridgeResult;
    if (!pending || pending.worker !== worker || pending.pluginId !== message.pluginId) {
      result = { ok: false, error: 'ctx.api can only be used while its call is running' };
    } else {
      try {
        result = await this.options.bridge(pending.pluginId, pending.actor, message.request);
      } catch (error) {
        result = { ok: false, error: `The Open API request failed: ${(error as Error).message}` };
      }
    }
    if (worker.child.connected) {
      worker.child.send({
        type: 'bridge-result',
        requestId: message.requestId,
        result,
      } satisfies HostMessage);
    }
  }

  private onExit(worker: WorkerProcess, slot: number, script: string, how: string): void {
    for (const callId of worker.inFlight) {
      const pending = this.calls.get(callId);
      if (pending)
        this.finish(pending, failure(`crashed: its worker process stopped (${how}) during the call`));
    }
    if (this.stopping) return;
    this.logger.warn({ message: 'plugin worker stopped; restarting it', how });
    // A worker that ran for a while gets a quick restart; one that keeps dying waits longer each time.
    if (Date.now() - worker.startedAt > LIMITS.pluginWorkerStableMs) {
      this.restartDelays[slot] = LIMITS.pluginWorkerRestartFirstMs;
    }
    const delay = this.restartDelays[slot];
    this.restartDelays[slot] = Math.min(delay * 2, LIMITS.pluginWorkerRestartMaxMs);
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      this.spawn(script, slot).catch(() => undefined);
    }, delay);
    this.restartTimers.add(timer);
  }

  private dispatch(pending: PendingCall<Actor>): void {
    const worker = this.workers
      .filter(
        (candidate): candidate is WorkerProcess => candidate?.ready === true && candidate.child.connected,
      )
      .sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
    if (!worker) {
      this.waiting.push(pending);
      return;
    }
    pending.worker = worker;
    worker.inFlight.add(pending.callId);
    worker.child.send(pending.message);
  }

  private drainWaiting(): void {
    for (const pending of this.waiting.splice(0)) this.dispatch(pending);
  }

  private finish(pending: PendingCall<Actor>, outcome: CallOutcome): void {
    if (!this.calls.delete(pending.callId)) return;
    clearTimeout(pending.watchdog);
    pending.worker?.inFlight.delete(pending.callId);
    pending.resolve(outcome);
  }

  /** The worker did not answer even after its own call timeout: it is stuck, so it is replaced. */
  private watchdog(pending: PendingCall<Actor>): void {
    const limit = this.options.limits.callTimeoutMs + WATCHDOG_GRACE_MS;
    const worker = pending.worker;
    if (!worker) {
      this.waiting.splice(this.waiting.indexOf(pending), 1);
      this.finish(pending, failure(`timed out: no plugin worker was available within ${limit} ms`));
      return;
    }
    this.finish(
      pending,
      failure(`timed out: its worker did not answer within ${limit} ms and was restarted`),
    );
    this.logger.error({ message: 'plugin worker unresponsive; killing it', plugin: pending.pluginId });
    worker.child.kill('SIGKILL');
  }
}

/**
 * The worker's entry: the compiled `plugin-worker.js` beside this file in a build. Under Jest the host
 * runs from TypeScript sources, so the worker is compiled once with esbuild, into a folder from which
 * `require('isolated-vm')` resolves (node_modules/.cache).
 */
function workerScript(): string {
  const compiled = path.join(__dirname, 'plugin-worker.js');
  if (existsSync(compiled)) return compiled;
  const source = path.join(__dirname, 'plugin-worker.ts');
  const digest = createHash('sha256')
    .update(readFileSync(source))
    .update(readFileSync(path.join(__dirname, 'plugin-protocol.ts')))
    .digest('hex')
    .slice(0, 16);
  const cacheDir = path.resolve(require.resolve('isolated-vm'), '../../.cache/kongjian');
  const target = path.join(cacheDir, `plugin-worker-${digest}.cjs`);
  if (existsSync(target)) return target;
  const output = buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['isolated-vm'],
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed, so parallel test files never fork a half-written worker.
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, output.outputFiles[0].contents);
  renameSync(temporary, target);
  return target;
}
