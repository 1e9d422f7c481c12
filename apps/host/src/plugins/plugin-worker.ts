/**
 * A plugin worker process (forked by the supervisor with `--no-node-snapshot`): one isolated-vm
 * isolate per plugin. Only this process loads isolated-vm; the host never does, so a crash here costs
 * the calls in flight, never the host. Everything crossing into an isolate is copied JSON; the
 * isolated-vm References the sandbox needs stay inside a closure the plugin cannot reach.
 */
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import ivm from 'isolated-vm';
import {
  clip,
  PLUGIN_GLOBAL,
  PROBLEM_CODE_MAX,
  type BridgeResult,
  type CallContext,
  type CallKind,
  type CallOutcome,
  type HostMessage,
  type LoadReport,
  type PluginSource,
  type SandboxLimits,
  type WorkerMessage,
} from './plugin-protocol';

/**
 * The sandbox's own code, run in each call's fresh context before the plugin's bundle, so the built-ins
 * it keeps are the real ones even if the bundle replaces `JSON.stringify` or `String.prototype.slice`.
 * `LIMITS` is replaced by the limits as a JSON literal. Returns `bind(pluginModule)`, which returns the
 * dispatcher; the References to the worker (bridge, logger, the note that a call began) come only as
 * the dispatcher's arguments, so nothing of them is left on the plugin's global object or in a scope
 * its code can see.
 */
const SANDBOX_SOURCE = `
'use strict';
${['console', 'SharedArrayBuffer', 'Atomics', 'WebAssembly'].map((name) => `delete globalThis.${name};`).join(' ')}
const limits = LIMITS;
const { stringify, parse } = JSON;
const { freeze, keys } = Object;
const dateNow = Date.now;
const apply = Reflect.apply;
const stringSlice = String.prototype.slice;
const toText = String;
const ErrorClass = Error;
const PromiseClass = Promise;
const promiseThen = Promise.prototype.then;
const TypeErrorClass = TypeError;
// What leaves the isolate is cut here already, so a 1 MiB log line or message is never copied out.
const clip = (text, max) => (text.length > max ? apply(stringSlice, text, [0, max]) + '…' : text);

const describe = (error) => {
  try {
    if (error instanceof ErrorClass) return clip(toText(error.name) + ': ' + toText(error.message), limits.reasonMax);
    return clip('threw ' + stringify(error), limits.reasonMax);
  } catch {
    return 'threw a value that cannot be described';
  }
};

const contextFor = (callId, context, bridge, logger) => {
  let lines = 0;
  let dropped = 0;
  const write = (level) => (message, data) => {
    if (lines >= limits.logLinesPerCall) {
      dropped += 1;
      return;
    }
    lines += 1;
    let dataJson;
    try { dataJson = data === undefined ? undefined : clip(stringify(data), limits.logMessageMax); } catch { dataJson = undefined; }
    logger.applyIgnored(undefined, [level, clip(toText(message), limits.logMessageMax), dataJson], { arguments: { copy: true } });
  };
  const reportDropped = () => {
    if (dropped === 0) return;
    logger.applyIgnored(undefined, ['warn', 'dropped ' + dropped + ' log lines over the limit of ' + limits.logLinesPerCall + ' a call', undefined], { arguments: { copy: true } });
    dropped = 0;
  };
  // The bridge's per-call limits, counted here first so a flood is refused inside the isolate; the
  // worker counts again, and its count is the one that holds.
  let made = 0;
  let inFlight = 0;
  const refuse = (message) => PromiseClass.reject(new ErrorClass('ctx.api.request: ' + message));
  const request = (method, path, options) => {
    if (made >= limits.bridgeRequestsPerCall) return refuse('a call may make at most ' + limits.bridgeRequestsPerCall + ' requests');
    if (inFlight >= limits.bridgeConcurrentPerCall) return refuse('a call may have at most ' + limits.bridgeConcurrentPerCall + ' requests at a time');
    const payload = stringify({
      method: toText(method),
      path: toText(path),
      body: options ? options.body : undefined,
      headers: options ? options.headers : undefined,
      query: options ? options.query : undefined,
    });
    // An oversized body is never copied out of the isolate.
    if (payload.length > limits.bridgeRequestMax) {
      return refuse('the request has ' + payload.length + ' characters of JSON; the limit is ' + limits.bridgeRequestMax);
    }
    made += 1;
    inFlight += 1;
    const answer = bridge.apply(undefined, [callId, payload], { arguments: { copy: true }, result: { promise: true, copy: true } });
    return apply(promiseThen, answer, [
      (text) => {
        inFlight -= 1;
        const result = parse(text);
        if (!result.ok) throw new ErrorClass(result.error);
        return { status: result.status, headers: result.headers, body: result.body };
      },
      (error) => {
        inFlight -= 1;
        throw error;
      },
    ]);
  };
  const ctx = freeze({
    api: freeze({ request }),
    user: freeze({ openid: context.openid }),
    now: () => context.now,
    log: freeze({ info: write('info'), warn: write('warn'), error: write('error') }),
  });
  return { ctx, reportDropped };
};

return function bind(pluginModule) {
  const definition = pluginModule && typeof pluginModule === 'object' ? pluginModule.default : undefined;
  if (!definition || typeof definition !== 'object') {
    throw new TypeErrorClass('The plugin must default-export definePlugin({ routes, events })');
  }
  const handlers = (field) => {
    const table = definition[field];
    if (table === undefined) return {};
    if (!table || typeof table !== 'object') throw new TypeErrorClass('definePlugin: ' + field + ' must be an object');
    for (const key of keys(table)) {
      if (typeof table[key] !== 'function') throw new TypeErrorClass('definePlugin: ' + field + '["' + key + '"] is not a function');
    }
    return table;
  };
  const routes = handlers('routes');
  const events = handlers('events');

  // Answers a plain object literal, copied out as data: no toJSON or replaced stringify can forge it.
  return async function dispatch(callId, kind, name, inputJson, contextJson, beginBy, bridge, logger, began) {
    if (kind === 'describe') return { routes: keys(routes), events: keys(events) };
    const handler = kind === 'route' ? routes[name] : events[name];
    if (!handler) return { kind: 'failure', reason: 'has no handler for ' + name };
    // Too late to begin (see latestBegin in the worker): its caller is told to try again.
    if (dateNow() > beginBy) return { kind: 'too-late' };
    began.applyIgnored(undefined, [callId]);
    const { ctx, reportDropped } = contextFor(callId, parse(contextJson), bridge, logger);
    let value;
    try {
      value = await handler(ctx, parse(inputJson));
    } catch (error) {
      reportDropped();
      if (error && typeof error === 'object' && typeof error.status === 'number' && typeof error.code === 'string') {
        let detail;
        try { detail = clip(toText(error.message), limits.problemDetailMax); } catch { detail = ''; }
        return { kind: 'http-error', status: error.status, code: clip(error.code, limits.codeMax), detail };
      }
      return { kind: 'failure', reason: describe(error) };
    }
    reportDropped();
    let json;
    try {
      json = stringify(value === undefined ? null : value);
    } catch (error) {
      return { kind: 'failure', reason: 'returned a result that is not JSON (' + describe(error) + ')' };
    }
    if (typeof json !== 'string') return { kind: 'failure', reason: 'returned a result that is not JSON' };
    if (json.length > limits.resultMax) {
      return { kind: 'failure', reason: 'returned ' + json.length + ' characters of JSON; the limit is ' + limits.resultMax };
    }
    return { kind: 'value', json };
  };
};
`;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

let limits: SandboxLimits;
/** Each plugin's source and its current sandbox (replaced after it is disposed). */
const slots = new Map<
  string,
  { source: PluginSource; current: Sandbox | null; loading: Promise<Sandbox> | null }
>();
/** A call in flight in this worker. */
interface RunningCall {
  /** The plugin it belongs to, so a bridge request can be checked. */
  pluginId: string;
  /** The sandbox it was handed to (it may still wait there behind other calls). */
  sandbox: Sandbox | null;
  /** Its handler began: the isolate ran it, rather than holding it behind another call. */
  started: boolean;
  /** Its sandbox was thrown away before it began: it runs again on the next one. */
  rerun: boolean;
  reruns: number;
  /** When its time runs out (epoch ms). */
  deadline: number;
  /** Open API requests it made, and those still unanswered (the bridge's per-call limits). */
  bridgeRequests: number;
  bridgeInFlight: number;
  watchdog: NodeJS.Timeout;
  finish: (outcome: CallOutcome) => void;
}

/** Calls in flight, by id. */
const calls = new Map<number, RunningCall>();
const bridgeRequests = new Map<number, (result: BridgeResult) => void>();
let nextBridgeRequest = 1;

/**
 * One plugin's isolate. The plugin's code is compiled once per isolate, but every call runs it in a
 * context of its own, released afterwards: no global, prototype or built-in a call changes survives into
 * the next call, and a call's `ctx` cannot be reached from any other.
 */
class Sandbox {
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
      sandbox.script = await isolate.compileScript(sandboxScript(source.code), {
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

/** The worker's scheduling priority below the host's (nice 0): the higher, the more it yields. */
const WORKER_NICENESS = 10;

/**
 * isolated-vm stops a run by wall time only. The CPU limit before a call's first await is enforced with a
 * wall-clock backstop this many times longer, and a run it stopped is blamed on the plugin only if the
 * isolate really used the CPU limit: on a busy machine a niced worker may get a fraction of a core.
 */
const CPU_LIMIT_WALL_FACTOR = 5;

function cpuWallMs(): number {
  return limits.cpuMsPerCall * CPU_LIMIT_WALL_FACTOR;
}

function cpuLimitPassed(): string {
  return `timed out: used more than ${limits.cpuMsPerCall} ms of CPU without yielding`;
}

/** How often one call may be moved to a fresh isolate after another call's timeout. */
const MAX_RERUNS = 2;

/**
 * The latest a call with this deadline may begin: early enough that its synchronous run (at most the CPU
 * limit's wall-clock backstop) ends within its time. A call that began later and was still running when its
 * time ran out would be blamed, and its isolate thrown away, for having waited behind others; and a call whose
 * caller was already told to try again must not run for no one.
 */
function latestBegin(deadline: number): number {
  return deadline - Math.min(cpuWallMs(), limits.callTimeoutMs / 2);
}

/** A call that waited behind others until too little of its time was left to begin. */
function waitedBehindOthers(): CallOutcome {
  return unavailable(`was busy: other calls kept it waiting for most of its ${limits.callTimeoutMs} ms`);
}

/** Not the plugin's fault, nor the call's: the caller may try again shortly. */
function unavailable(reason: string): CallOutcome {
  return { kind: 'unavailable', reason, retryAfterSeconds: limits.retryAfterSeconds };
}

function failure(reason: string): CallOutcome {
  return { kind: 'failure', reason: clip(reason, limits.reasonMax) };
}

/**
 * What the isolate answered, checked and cut here, outside it: the isolate is the plugin's, so its
 * answer is only data of the expected shape, each text within its limit.
 */
function boundedOutcome(answer: unknown): CallOutcome {
  const outcome = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  if (outcome.kind === 'value' && typeof outcome.json === 'string') {
    const bytes = Buffer.byteLength(outcome.json);
    if (bytes <= limits.resultBytes) return { kind: 'value', json: outcome.json };
    return failure(`returned ${bytes} bytes of JSON; the limit is ${limits.resultBytes}`);
  }
  if (outcome.kind === 'http-error') {
    return {
      kind: 'http-error',
      status: typeof outcome.status === 'number' ? outcome.status : 0,
      code: clip(String(outcome.code), PROBLEM_CODE_MAX),
      detail: clip(String(outcome.detail), limits.problemDetailMax),
    };
  }
  if (outcome.kind === 'failure') return failure(String(outcome.reason));
  if (outcome.kind === 'too-late') return waitedBehindOthers();
  return failure('answered something that is not an outcome');
}

/**
 * The script each call runs: the sandbox's code first (it returns `bind`), then the bundle inside a
 * function written at the script's top level, so its scope holds only the globals, never `bind`.
 */
function sandboxScript(code: string): string {
  const isolateLimits = {
    resultMax: limits.resultBytes,
    logLinesPerCall: limits.logLinesPerCall,
    logMessageMax: limits.logMessageMax,
    reasonMax: limits.reasonMax,
    problemDetailMax: limits.problemDetailMax,
    codeMax: PROBLEM_CODE_MAX,
    bridgeRequestMax: limits.bridgeRequestBytes,
  };
  const sandbox = SANDBOX_SOURCE.replace(
    'const limits = LIMITS;',
    `const limits = ${JSON.stringify(isolateLimits)};`,
  );
  return `(function (bind, load) { 'use strict'; return bind(load()); })(
(function () {${sandbox}})(),
function () {
${code}
return ${PLUGIN_GLOBAL};
})`;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The plugin's sandbox, created afresh when the last one was disposed (memory limit, timeout). */
function sandboxFor(pluginId: string): Promise<Sandbox> {
  const slot = slots.get(pluginId);
  if (!slot) return Promise.reject(new Error(`is not loaded in this worker`));
  if (slot.current?.usable) return Promise.resolve(slot.current);
  slot.loading ??= Sandbox.create(slot.source)
    .then(({ sandbox, report }) => {
      if ('error' in report) throw new Error(`failed to load: ${report.error}`);
      slot.current = sandbox;
      return sandbox;
    })
    .finally(() => (slot.loading = null));
  return slot.loading;
}

async function runCall(message: Extract<HostMessage, { type: 'call' }>): Promise<void> {
  const call: RunningCall = {
    pluginId: message.pluginId,
    sandbox: null,
    started: false,
    rerun: false,
    reruns: 0,
    deadline: Date.now() + limits.callTimeoutMs,
    bridgeRequests: 0,
    bridgeInFlight: 0,
    watchdog: setTimeout(() => timedOut(message.callId, call), limits.callTimeoutMs),
    finish: (outcome) => {
      if (calls.get(message.callId) !== call) return;
      calls.delete(message.callId);
      clearTimeout(call.watchdog);
      send({ type: 'result', callId: message.callId, outcome });
    },
  };
  calls.set(message.callId, call);
  try {
    let outcome: CallOutcome;
    do {
      call.rerun = false;
      call.started = false;
      call.sandbox = await sandboxFor(message.pluginId);
      outcome = await call.sandbox.call(
        message.callId,
        message.kind,
        message.name,
        message.input,
        message.context,
        latestBegin(call.deadline),
      );
    } while (call.rerun);
    call.finish(outcome);
    call.sandbox.recycleIfGrown();
  } catch (error) {
    call.finish(failure(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The wall clock ran out for a call. One that began (a never-settling promise, a loop after an await)
 * is the plugin's fault: it fails, and its isolate is thrown away with whatever it was still running.
 * One that never began waited behind other calls: it is told to come back later, and blamed for nothing.
 */
function timedOut(callId: number, call: RunningCall): void {
  const sandbox = call.sandbox;
  if (!call.started) {
    call.finish(waitedBehindOthers());
    // Behind calls that run, it waited its turn. Behind none, the isolate is held by code no call owns (a
    // continuation looping after its call answered): that isolate goes, as after a timeout.
    const ownedByACall = [...calls.values()].some((other) => other.sandbox === sandbox && other.started);
    if (!sandbox || ownedByACall) return;
    sandbox.dispose('was restarted because code left behind by an earlier call kept it busy');
  } else {
    call.finish(failure(`timed out: did not finish within ${limits.callTimeoutMs} ms`));
    if (!sandbox) return;
    sandbox.dispose('was restarted because one of its calls timed out');
  }
  send({ type: 'retire', reason: 'its isolate was thrown away while code ran in it' });
  for (const [otherId, other] of calls) {
    if (other.sandbox !== sandbox || otherId === callId) continue;
    if (other.started || other.reruns >= MAX_RERUNS) {
      other.finish(
        unavailable('was interrupted: another of its calls timed out and its isolate was restarted'),
      );
    } else {
      // It never ran, so running it on the fresh isolate is safe; it gets its full time again.
      other.rerun = true;
      other.reruns += 1;
      other.watchdog.refresh();
      other.deadline = Date.now() + limits.callTimeoutMs;
      send({ type: 'rerun', callId: otherId });
    }
  }
}

async function load(message: Extract<HostMessage, { type: 'load' }>): Promise<void> {
  limits = message.limits;
  const reports: LoadReport[] = [];
  for (const source of message.plugins) {
    const created = await Sandbox.create(source);
    slots.set(source.id, { source, current: created.sandbox.usable ? created.sandbox : null, loading: null });
    reports.push(created.report);
  }
  send({ type: 'loaded', plugins: reports });
}

/**
 * The worker yields the CPU to the host: every thread it has now is niced, and the isolates' threads,
 * started later by these, inherit it. A plugin spinning on every core then still leaves the host enough
 * CPU to answer health checks and first-party calls. (Linux names threads in /proc; elsewhere only the
 * main thread is niced.)
 */
function yieldCpuToHost(): void {
  let threads: number[] = [0];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // No /proc: only this thread.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, WORKER_NICENESS);
    } catch {
      // Not permitted here: the worker keeps the host's priority.
    }
  }
}

yieldCpuToHost();

process.on('message', (message: HostMessage) => {
  if (message.type === 'load') void load(message);
  else if (message.type === 'call') void runCall(message);
  else if (message.type === 'bridge-result') {
    bridgeRequests.get(message.requestId)?.(message.result);
    bridgeRequests.delete(message.requestId);
  }
});
// The host went away: nothing left to serve.
process.on('disconnect', () => process.exit(0));
