import { Logger } from '@nestjs/common';
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
import { WorkerCeilings } from './plugin-worker-ceilings';
import { startWorkerProcess, workerScript, type WorkerProcess } from './plugin-worker-process';
import { processUsage } from './process-usage';

/** How much longer than a worker's own call timeout the host waits before it declares the worker stuck. */
const WATCHDOG_GRACE_MS = 1000;

export interface SupervisorOptions<Actor> {
  plugins: PluginSource[];
  /** Worker processes of each plugin; a process runs one plugin only. */
  workersPerPlugin: number;
  limits: SandboxLimits;
  /** Resident memory one worker process may reach before it is ended. */
  processMemoryMb: number;
  /** Answers a plugin's Open API request, made during the call of `actor`. */
  bridge: (pluginId: string, actor: Actor, request: BridgeRequest) => Promise<BridgeResult>;
  log: (pluginId: string, level: 'info' | 'warn' | 'error', message: string, data: unknown) => void;
  /**
   * A fault of the plugin's code that no one call is blamed for, to count once against it: its process was
   * ended while no call of it was running, or it crashed, was ended or ran its isolate out of memory with
   * several calls in flight.
   */
  fault: (pluginId: string, reason: string) => void;
}

/** One plugin's worker processes: a crash, a flood or a runaway there touches no other plugin. */
interface Pool<Actor> {
  source: PluginSource;
  /** The worker serving each slot (null until its first start); a retired worker has left its slot. */
  slots: (WorkerProcess | null)[];
  restartDelays: number[];
  /** Calls made while none of its workers was up, waiting for one (within their watchdog). */
  waiting: PendingCall<Actor>[];
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
 * Runs plugin calls in worker processes, each plugin in its own, and keeps them alive: each call has a
 * wall-clock watchdog; a worker that dies fails only its calls in flight and is restarted with backoff;
 * calls made while no worker of their plugin is up wait for one (within the same watchdog). Its
 * WorkerCeilings end a worker whose process passes its memory ceiling or uses CPU with no call in flight.
 */
export class PluginSupervisor<Actor> {
  private readonly logger = new Logger('PluginSupervisor');
  private readonly pools = new Map<string, Pool<Actor>>();
  /** Every worker process not yet exited, retired ones included. */
  private readonly live = new Set<WorkerProcess>();
  private readonly calls = new Map<number, PendingCall<Actor>>();
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private readonly ceilings: WorkerCeilings;
  private script = '';
  private nextCallId = 1;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions<Actor>) {
    for (const source of options.plugins) {
      this.pools.set(source.id, {
        source,
        slots: Array.from({ length: options.workersPerPlugin }, () => null),
        restartDelays: Array.from(
          { length: options.workersPerPlugin },
          () => LIMITS.pluginWorkerRestartFirstMs,
        ),
        waiting: [],
      });
    }
    this.ceilings = new WorkerCeilings(this.live, options.processMemoryMb, {
      end: (worker, reason) => this.end(worker, reason),
      replace: (worker) => this.replace(worker),
    });
  }

  /**
   * Starts every plugin's workers; resolves with what each plugin's first worker loaded, or rejects if one
   * of them dies before it loads.
   */
  async start(): Promise<LoadReport[]> {
    this.script = workerScript();
    this.ceilings.start();
    const loads = [...this.pools.values()].map((pool) =>
      Promise.race(pool.slots.map((_, slot) => this.spawn(pool, slot))),
    );
    return (await Promise.all(loads)).flat();
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

  /** Process ids of the live workers, of one plugin or of all (benchmarks read their memory; tests kill one). */
  workerPids(pluginId?: string): number[] {
    return [...this.live].flatMap((worker) =>
      worker.ready && worker.child.pid && (pluginId === undefined || worker.pluginId === pluginId)
        ? [worker.child.pid]
        : [],
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.ceilings.stop();
    for (const timer of this.restartTimers) clearTimeout(timer);
    const exits = [...this.live].flatMap((worker) => {
      if (worker.child.exitCode !== null || worker.child.signalCode !== null) return [];
      const exited = new Promise((resolve) => worker.child.once('exit', resolve));
      worker.child.kill('SIGKILL');
      return [exited];
    });
    await Promise.all(exits);
    for (const pending of [...this.calls.values()])
      this.finish(pending, this.unavailable('was interrupted: the host is shutting down'));
  }

  /** Starts a worker for the slot; the successor of a `predecessor` still serving takes the slot once loaded. */
  private spawn(pool: Pool<Actor>, slot: number, predecessor?: WorkerProcess): Promise<LoadReport[]> {
    const worker = startWorkerProcess(this.script, pool.source.id, slot, this.logger);
    const { child } = worker;
    if (!predecessor) pool.slots[slot] = worker;
    this.live.add(worker);
    return new Promise((resolve, reject) => {
      child.on('message', (message: WorkerMessage) => {
        if (message.type === 'loaded') {
          worker.ready = true;
          worker.idleSince = Date.now();
          const usage = processUsage(child.pid);
          worker.cpu = { ms: usage?.cpuMs ?? 0, at: Date.now() };
          worker.loadedRssMb = usage?.rssMb ?? 0;
          if (predecessor && pool.slots[slot] === predecessor) {
            pool.slots[slot] = worker;
            this.dismiss(predecessor);
          } else if (predecessor) {
            // The predecessor died meanwhile and its slot was restarted: this one is not needed.
            this.dismiss(worker);
          }
          resolve(message.plugins);
          for (const pending of pool.waiting.splice(0)) this.dispatch(pending);
        } else this.onMessage(worker, message);
      });
      child.on('error', (error) =>
        this.logger.error({ message: 'plugin worker error', error: error.message }),
      );
      child.once('exit', (code, signal) => {
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new Error(`A worker of plugin ${pool.source.id} stopped (${how}) before it loaded it`));
        this.onExit(pool, worker, how);
      });
      child.send({
        type: 'load',
        plugins: [pool.source],
        limits: this.options.limits,
      } satisfies HostMessage);
    });
  }

  private onMessage(worker: WorkerProcess, message: WorkerMessage): void {
    if (message.type === 'result') {
      const pending = this.calls.get(message.callId);
      if (pending?.worker === worker) this.finish(pending, message.outcome);
    } else if (message.type === 'rerun') {
      // The worker moved the call to a fresh isolate, so it is not stuck: its time starts again.
      const pending = this.calls.get(message.callId);
      if (pending?.worker === worker) pending.watchdog.refresh();
    } else if (message.type === 'retire') {
      this.retire(worker, message.reason);
    } else if (message.type === 'fault') {
      this.options.fault(worker.pluginId, message.reason);
    } else if (message.type === 'bridge') {
      void this.answerBridge(worker, message);
    } else if (message.type === 'log') {
      this.options.log(worker.pluginId, message.level, message.message, message.data);
    }
  }

  private async answerBridge(
    worker: WorkerProcess,
    message: Extract<WorkerMessage, { type: 'bridge' }>,
  ): Promise<void> {
    const pending = this.calls.get(message.callId);
    let result: BridgeResult;
    if (!pending || pending.worker !== worker) {
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

  private onExit(pool: Pool<Actor>, worker: WorkerProcess, how: string): void {
    // Until its replacement is up, no call goes to it (nor does it count among the workers).
    worker.ready = false;
    this.live.delete(worker);
    this.failCallsOf(worker, how);
    // A retired worker's slot already has its successor.
    if (this.stopping || pool.slots[worker.slot] !== worker) return;
    this.logger.warn({ message: 'plugin worker stopped; restarting it', plugin: pool.source.id, how });
    // A worker that ran for a while gets a quick restart; one that keeps dying waits longer each time.
    if (Date.now() - worker.startedAt > LIMITS.pluginWorkerStableMs) {
      pool.restartDelays[worker.slot] = LIMITS.pluginWorkerRestartFirstMs;
    }
    const delay = pool.restartDelays[worker.slot];
    pool.restartDelays[worker.slot] = Math.min(delay * 2, LIMITS.pluginWorkerRestartMaxMs);
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      this.spawn(pool, worker.slot).catch(() => undefined);
    }, delay);
    this.restartTimers.add(timer);
  }

  /**
   * One dead process is one fault of its plugin, however many calls it ran: the breaker must not disable a
   * plugin for everyone because one crash took several users' calls with it. A lone call in flight is
   * blamed (it fails); with several, which one was at fault is unknown (a crash leaves no word), so the fault
   * is counted once on its own and every call answers "try again". A call already blamed (the watchdog's)
   * leaves the others innocent.
   */
  private failCallsOf(worker: WorkerProcess, how: string): void {
    const inFlight = [...worker.inFlight].flatMap((callId) => this.calls.get(callId) ?? []);
    if (inFlight.length === 0) return;
    if (this.stopping) {
      for (const pending of inFlight)
        this.finish(pending, this.unavailable('was interrupted: the host is shutting down'));
      return;
    }
    const reason = worker.ended?.reason ?? `crashed: its worker process stopped (${how})`;
    if (worker.ended?.blamed) {
      for (const pending of inFlight)
        this.finish(pending, this.unavailable(`was interrupted: its worker process was ended (${reason})`));
    } else if (inFlight.length === 1) {
      this.finish(inFlight[0], failure(reason));
    } else {
      this.options.fault(worker.pluginId, `${reason}, with ${inFlight.length} calls in flight`);
      for (const pending of inFlight) {
        this.finish(
          pending,
          this.unavailable(
            `was interrupted: its worker process ended with ${inFlight.length} calls in flight (${reason})`,
          ),
        );
      }
    }
  }

  /** Not the call's fault: its caller may try again shortly. */
  private unavailable(reason: string): CallOutcome {
    return { kind: 'unavailable', reason, retryAfterSeconds: this.options.limits.retryAfterSeconds };
  }

  /**
   * A fresh worker takes the slot at once; this one finishes the calls it runs (each within its watchdog)
   * and is then ended, with whatever its thrown-away isolate may still be running.
   */
  private retire(worker: WorkerProcess, reason: string): void {
    const pool = this.pools.get(worker.pluginId);
    if (!pool || worker.retiring || this.stopping) return;
    this.logger.warn({ message: 'plugin worker retired', plugin: worker.pluginId, reason });
    this.dismiss(worker);
    if (pool.slots[worker.slot] === worker) this.spawn(pool, worker.slot).catch(() => undefined);
  }

  /** No new calls go to the worker; it is ended once the calls it runs are done. */
  private dismiss(worker: WorkerProcess): void {
    worker.retiring = true;
    if (worker.inFlight.size === 0) worker.child.kill('SIGKILL');
  }

  /** Ends a worker that passed a ceiling; a fault with no call to fail is counted against its plugin. */
  private end(worker: WorkerProcess, reason: string): void {
    if (worker.ended !== null) return;
    worker.ended = { reason, blamed: false };
    this.logger.error({ message: 'plugin worker ended', plugin: worker.pluginId, reason });
    if (worker.inFlight.size === 0) this.options.fault(worker.pluginId, reason);
    worker.child.kill('SIGKILL');
  }

  /** Starts a successor for a worker that grew, which takes its slot once ready (see WorkerCeilings). */
  private replace(worker: WorkerProcess): void {
    const pool = this.pools.get(worker.pluginId);
    if (!pool) return;
    worker.replacing = true;
    this.spawn(pool, worker.slot, worker).catch(() => (worker.replacing = false));
  }

  private dispatch(pending: PendingCall<Actor>): void {
    const pool = this.pools.get(pending.pluginId);
    if (!pool) {
      this.finish(pending, failure('is not running'));
      return;
    }
    const worker = pool.slots
      .filter(
        (candidate): candidate is WorkerProcess =>
          candidate !== null &&
          candidate.ready &&
          !candidate.retiring &&
          candidate.ended === null &&
          candidate.child.connected,
      )
      .sort((a, b) => a.inFlight.size - b.inFlight.size)[0];
    if (!worker) {
      pool.waiting.push(pending);
      return;
    }
    pending.worker = worker;
    worker.inFlight.add(pending.callId);
    worker.idleSince = null;
    worker.child.send(pending.message);
  }

  private finish(pending: PendingCall<Actor>, outcome: CallOutcome): void {
    if (!this.calls.delete(pending.callId)) return;
    clearTimeout(pending.watchdog);
    const worker = pending.worker;
    if (worker?.inFlight.delete(pending.callId) && worker.inFlight.size === 0) {
      worker.idleSince = Date.now();
      if (worker.retiring) worker.child.kill('SIGKILL');
    }
    pending.resolve(outcome);
  }

  /** The worker did not answer even after its own call timeout: it is stuck, so it is replaced. */
  private watchdog(pending: PendingCall<Actor>): void {
    const limit = this.options.limits.callTimeoutMs + WATCHDOG_GRACE_MS;
    const worker = pending.worker;
    if (!worker) {
      const waiting = this.pools.get(pending.pluginId)?.waiting;
      waiting?.splice(waiting.indexOf(pending), 1);
      // Its workers were restarting (after a crash, say): the wait is not this call's fault.
      this.finish(pending, this.unavailable(`was busy: no plugin worker was available within ${limit} ms`));
      return;
    }
    this.finish(
      pending,
      failure(`timed out: its worker did not answer within ${limit} ms and was restarted`),
    );
    this.logger.error({ message: 'plugin worker unresponsive; killing it', plugin: pending.pluginId });
    // This call is blamed for the kill; the others it ran are not (see failCallsOf).
    worker.ended = { reason: worker.ended?.reason ?? 'another of its calls timed out', blamed: true };
    worker.child.kill('SIGKILL');
  }
}
