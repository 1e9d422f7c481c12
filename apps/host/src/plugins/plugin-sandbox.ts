import ivm from 'isolated-vm';
import {
  clip,
  type BridgeResult,
  type CallContext,
  type CallKind,
  type LoadReport,
  type PluginSource,
} from './plugin-protocol';
import { sandboxScript } from './plugin-sandbox-source';
import {
  boundedOutcome,
  calls,
  cpuLimitPassed,
  cpuWallMs,
  failure,
  limits,
  send,
  unavailable,
} from './plugin-worker-calls';

const bridgeRequests = new Map<number, (result: BridgeResult) => void>();
let nextBridgeRequest = 1;

/** Hands the host's answer to a bridge request to the call that made it. */
export function answerBridgeRequest(requestId: number, result: BridgeResult): void {
  bridgeRequests.get(requestId)?.(result);
  bridgeRequests.delete(requestId);
}

/**
 * One plugin's isolate. The plugin's code is compiled once per isolate, but every call runs it in a
 * context of its own, released afterwards: no global, prototype or built-in a call changes survives into
 * the next call, and a call's `ctx` cannot be reached from any other.
 */
export class Sandbox {
  /** Why the isolate was thrown away, for calls that were still running in it. */
  disposedBecause: string | null = null;
  /** How many calls were in the isolate when it ran out of memory, if more than one (see `outOfMemory`). */
  private sharedBy = 0;
  private logWindowStart = Date.now();
  private logLines = 0;
  private logDropped = 0;
  private script: ivm.Script | null = null;
  private readonly bridgeRef = new ivm.Reference((callId: number, payload: string) =>
    this.bridge(callId, payload),
  );
  private readonly loggerRef = new ivm.Reference((level: string, message: string, data: string | undefined) =>
    this.log(level, message, data),
  );
  private readonly beganRef = new ivm.Reference((callId: number) => {
    const call = calls.get(callId);
    if (call?.sandbox === this) call.started = true;
  });

  private constructor(
    readonly pluginId: string,
    private readonly isolate: ivm.Isolate,
  ) {}

  static async create(source: PluginSource): Promise<{ sandbox: Sandbox; report: LoadReport }> {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    const sandbox = new Sandbox(source.id, isolate);
    try {
      sandbox.script = await isolate.compileScript(sandboxScript(source.code, limits), {
        filename: `plugin:${source.id}`,
      });
      const described = (await sandbox.runInFreshContext([0, 'describe', '', '', '', 0])) as {
        routes: unknown;
        events: unknown;
      };
      const routes = stringList(described.routes);
      const events = stringList(described.events);
      return { sandbox, report: { id: source.id, routes, events } };
    } catch (error) {
      const reason = sandbox.explain(error);
      sandbox.dispose(`failed to load: ${reason}`);
      return { sandbox, report: { id: source.id, error: reason } };
    }
  }

  get usable(): boolean {
    return this.disposedBecause === null && this.script !== null;
  }

  /** Runs a call whose handler may begin only until `beginBy` (epoch ms; see `latestBegin`). */
  async call(
    callId: number,
    kind: CallKind,
    name: string,
    input: unknown,
    context: CallContext,
    beginBy: number,
  ) {
    if (!this.script) return failure(this.disposedBecause ?? 'is not loaded');
    const cpuBefore = this.isolate.cpuTime;
    try {
      return boundedOutcome(
        await this.runInFreshContext([
          callId,
          kind,
          name,
          JSON.stringify(input ?? null),
          JSON.stringify(context),
          beginBy,
        ]),
      );
    } catch (error) {
      const reason = this.explain(error);
      if (this.sharedBy > 0) {
        return unavailable(`was interrupted: its isolate ${reason} with ${this.sharedBy} calls in it`);
      }
      if (reason === cpuLimitPassed() && this.cpuMsSince(cpuBefore) < limits.cpuMsPerCall) {
        // Stopped by the wall-clock backstop before it had its CPU: the machine was busy, not the plugin.
        return unavailable(`was slowed down: a busy machine gave it too little CPU within ${cpuWallMs()} ms`);
      }
      return failure(reason);
    }
  }

  /** CPU the isolate used since `before` (its cpuTime), in ms; nothing once it is disposed. */
  private cpuMsSince(before: bigint): number {
    try {
      return Number(this.isolate.cpuTime - before) / 1e6;
    } catch {
      return 0;
    }
  }

  /** Runs the plugin's script in a new context and the dispatcher it returns; the context ends after. */
  private async runInFreshContext(args: (string | number)[]): Promise<unknown> {
    const context = await this.isolate.createContext();
    try {
      const dispatch = (await this.script!.run(context, {
        reference: true,
        timeout: cpuWallMs(),
      })) as ivm.Reference;
      try {
        return await dispatch.apply(undefined, [...args, this.bridgeRef, this.loggerRef, this.beganRef], {
          timeout: cpuWallMs(),
          result: { promise: true, copy: true },
        });
      } finally {
        dispatch.release();
      }
    } finally {
      context.release();
    }
  }

  /** Turns what isolated-vm throws into a sentence for the caller and the admins. */
  explain(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (this.isolate.isDisposed && this.disposedBecause === null) {
      this.disposedBecause = `ran out of memory (the limit is ${limits.memoryMb} MB)`;
      this.outOfMemory();
    }
    if (this.disposedBecause !== null) return this.disposedBecause;
    if (message.includes('Script execution timed out')) return cpuLimitPassed();
    return clip(message, limits.reasonMax);
  }

  /**
   * When several calls were in the isolate, which one exhausted its memory is unknown (isolated-vm abandons
   * them all alike): as for a crashed process, the fault counts once against the plugin and each call is told
   * to try again, so one user's memory bomb cannot disable the plugin for everyone.
   */
  private outOfMemory(): void {
    const inIt = [...calls.values()].filter((call) => call.sandbox === this).length;
    if (inIt < 2) return;
    this.sharedBy = inIt;
    send({ type: 'fault', reason: `${this.disposedBecause}, with ${inIt} calls in it` });
  }

  /**
   * Once no call runs in it, an isolate whose heap grew past a quarter of its limit (a flood of promises, a
   * big result) is replaced: V8 keeps a heap it grew, and the worker would hold that memory for good.
   */
  recycleIfGrown(): void {
    if (!this.usable || [...calls.values()].some((call) => call.sandbox === this)) return;
    const { total_heap_size: heapBytes } = this.isolate.getHeapStatisticsSync();
    if (heapBytes > (limits.memoryMb * 1024 * 1024) / 4) this.dispose('was replaced to give back memory');
  }

  /** Ends the isolate (and whatever still runs in it); the next call starts a fresh one. */
  dispose(reason: string): void {
    if (this.disposedBecause !== null) return;
    this.disposedBecause = reason;
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /**
   * A call's Open API request, within the call's limits: over them the plugin gets an error at once, and
   * nothing queues in this worker or reaches the host.
   */
  private async bridge(callId: number, payload: string): Promise<string> {
    const refuse = (error: string) => JSON.stringify({ ok: false, error } satisfies BridgeResult);
    const call = calls.get(callId);
    if (call?.pluginId !== this.pluginId) return refuse('ctx.api can only be used while its call is running');
    if (payload.length > limits.bridgeRequestBytes) {
      return refuse(
        `ctx.api.request: the request is over the limit of ${limits.bridgeRequestBytes} characters`,
      );
    }
    if (call.bridgeRequests >= limits.bridgeRequestsPerCall) {
      return refuse(`ctx.api.request: a call may make at most ${limits.bridgeRequestsPerCall} requests`);
    }
    if (call.bridgeInFlight >= limits.bridgeConcurrentPerCall) {
      return refuse(
        `ctx.api.request: a call may have at most ${limits.bridgeConcurrentPerCall} requests at a time`,
      );
    }
    call.bridgeRequests += 1;
    call.bridgeInFlight += 1;
    try {
      const requestId = nextBridgeRequest++;
      const result = await new Promise<BridgeResult>((resolve) => {
        bridgeRequests.set(requestId, resolve);
        send({ type: 'bridge', requestId, callId, pluginId: this.pluginId, request: JSON.parse(payload) });
      });
      return JSON.stringify(result);
    } finally {
      call.bridgeInFlight -= 1;
    }
  }

  private log(level: string, message: string, data: string | undefined): void {
    const now = Date.now();
    if (now - this.logWindowStart >= 60_000) {
      if (this.logDropped > 0) {
        send({
          type: 'log',
          pluginId: this.pluginId,
          level: 'warn',
          message: `dropped ${this.logDropped} log lines over the limit of ${limits.logLinesPerMinute} a minute`,
        });
      }
      this.logWindowStart = now;
      this.logLines = 0;
      this.logDropped = 0;
    }
    if (this.logLines >= limits.logLinesPerMinute) {
      this.logDropped += 1;
      return;
    }
    this.logLines += 1;
    let parsed: unknown;
    try {
      parsed = data === undefined ? undefined : JSON.parse(data.slice(0, limits.logMessageMax));
    } catch {
      parsed = data?.slice(0, limits.logMessageMax);
    }
    send({
      type: 'log',
      pluginId: this.pluginId,
      level: level === 'warn' || level === 'error' ? level : 'info',
      message: message.slice(0, limits.logMessageMax),
      data: parsed,
    });
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
