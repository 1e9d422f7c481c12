/**
 * A plugin worker process (forked by the supervisor with `--no-node-snapshot`): one isolated-vm
 * isolate per plugin. Only this process loads isolated-vm; the host never does, so a crash here costs
 * the calls in flight, never the host. Everything crossing into an isolate is copied JSON; the
 * isolated-vm References the sandbox needs stay inside a closure the plugin cannot reach.
 */
import ivm from 'isolated-vm';
import {
  PLUGIN_GLOBAL,
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
 * Runs inside the isolate as a closure: `$0` is the plugin module, `$1` the bridge to the host's Open
 * API, `$2` the logger, `$3` the result limit in characters. Returns the dispatcher; nothing is left
 * on the plugin's global object.
 */
const SANDBOX_SOURCE = `
'use strict';
const pluginModule = $0.deref();
const bridge = $1;
const logger = $2;
const resultMax = $3;
const { stringify, parse } = JSON;
const freeze = Object.freeze;
const definition = pluginModule && typeof pluginModule === 'object' ? pluginModule.default : undefined;
const handlers = (field) => {
  const table = definition && definition[field];
  if (table === undefined) return {};
  if (!table || typeof table !== 'object') throw new TypeError('definePlugin: ' + field + ' must be an object');
  for (const key of Object.keys(table)) {
    if (typeof table[key] !== 'function') throw new TypeError('definePlugin: ' + field + '["' + key + '"] is not a function');
  }
  return table;
};
if (!definition || typeof definition !== 'object') {
  throw new TypeError('The plugin must default-export definePlugin({ routes, events })');
}
const routes = handlers('routes');
const events = handlers('events');

const describe = (error) => {
  if (error instanceof Error) return error.name + ': ' + error.message;
  try { return 'threw ' + stringify(error); } catch { return 'threw a value that is not JSON'; }
};

const contextFor = (callId, context) => {
  const write = (level) => (message, data) => {
    let dataJson;
    try { dataJson = data === undefined ? undefined : stringify(data); } catch { dataJson = undefined; }
    logger.applyIgnored(undefined, [level, String(message), dataJson], { arguments: { copy: true } });
  };
  const request = (method, path, options) => {
    const payload = stringify({
      method: String(method),
      path: String(path),
      body: options ? options.body : undefined,
      headers: options ? options.headers : undefined,
      query: options ? options.query : undefined,
    });
    return bridge
      .apply(undefined, [callId, payload], { arguments: { copy: true }, result: { promise: true, copy: true } })
      .then((text) => {
        const result = parse(text);
        if (!result.ok) throw new Error(result.error);
        return { status: result.status, headers: result.headers, body: result.body };
      });
  };
  return freeze({
    api: freeze({ request }),
    user: freeze({ openid: context.openid }),
    now: () => context.now,
    log: freeze({ info: write('info'), warn: write('warn'), error: write('error') }),
  });
};

return async function dispatch(callId, kind, name, inputJson, contextJson) {
  if (kind === 'describe') return stringify({ routes: Object.keys(routes), events: Object.keys(events) });
  const handler = kind === 'route' ? routes[name] : events[name];
  if (!handler) return stringify({ kind: 'failure', reason: 'has no handler for ' + name });
  let value;
  try {
    value = await handler(contextFor(callId, parse(contextJson)), parse(inputJson));
  } catch (error) {
    if (error && typeof error === 'object' && typeof error.status === 'number' && typeof error.code === 'string') {
      return stringify({ kind: 'http-error', status: error.status, code: error.code, detail: String(error.message) });
    }
    return stringify({ kind: 'failure', reason: describe(error) });
  }
  let json;
  try {
    json = stringify(value === undefined ? null : value);
  } catch (error) {
    return stringify({ kind: 'failure', reason: 'returned a result that is not JSON (' + describe(error) + ')' });
  }
  if (json.length > resultMax) {
    return stringify({ kind: 'failure', reason: 'returned ' + json.length + ' characters of JSON; the limit is ' + resultMax });
  }
  return stringify({ kind: 'value', json });
};
`;

/** Built-ins of a bare V8 context that a plugin has no use for and that could escape the limits. */
const REMOVED_GLOBALS = ['console', 'SharedArrayBuffer', 'Atomics', 'WebAssembly'];

const REASON_MAX = 500;

function send(message: WorkerMessage): void {
  process.send?.(message);
}

let limits: SandboxLimits;
/** Each plugin's source and its current sandbox (replaced after it is disposed). */
const slots = new Map<
  string,
  { source: PluginSource; current: Sandbox | null; loading: Promise<Sandbox> | null }
>();
/** Calls in flight, by id: the plugin each belongs to, so a bridge request can be checked. */
const calls = new Map<number, { pluginId: string; finish: (outcome: CallOutcome) => void }>();
const bridgeRequests = new Map<number, (result: BridgeResult) => void>();
let nextBridgeRequest = 1;

class Sandbox {
  /** Why the isolate was thrown away, for calls that were still running in it. */
  disposedBecause: string | null = null;
  private logWindowStart = Date.now();
  private logLines = 0;
  private logDropped = 0;

  private constructor(
    readonly pluginId: string,
    private readonly isolate: ivm.Isolate,
    private dispatchRef: ivm.Reference | null,
  ) {}

  static async create(source: PluginSource): Promise<{ sandbox: Sandbox; report: LoadReport }> {
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    const sandbox = new Sandbox(source.id, isolate, null);
    try {
      const context = await isolate.createContext();
      await context.eval(REMOVED_GLOBALS.map((name) => `delete globalThis.${name};`).join(''));
      // The bundle runs inside a function, so its module variable never becomes a global.
      const script = await isolate.compileScript(
        `(function () {\n${source.code}\nreturn ${PLUGIN_GLOBAL};\n})()`,
        {
          filename: `plugin:${source.id}`,
        },
      );
      const moduleRef = (await script.run(context, {
        reference: true,
        timeout: limits.callTimeoutMs,
      })) as ivm.Reference;
      const bridge = new ivm.Reference((callId: number, payload: string) => sandbox.bridge(callId, payload));
      const logger = new ivm.Reference((level: string, message: string, data: string | undefined) =>
        sandbox.log(level, message, data),
      );
      sandbox.dispatchRef = (await context.evalClosure(
        SANDBOX_SOURCE,
        [moduleRef, bridge, logger, limits.resultBytes],
        { result: { reference: true }, timeout: limits.callTimeoutMs },
      )) as ivm.Reference;
      const described = (await sandbox.dispatchRef.apply(undefined, [0, 'describe', '', '', ''], {
        result: { promise: true, copy: true },
        timeout: limits.cpuMsPerCall,
      })) as string;
      const { routes, events } = JSON.parse(described) as { routes: string[]; events: string[] };
      return { sandbox, report: { id: source.id, routes, events } };
    } catch (error) {
      const reason = sandbox.explain(error);
      sandbox.dispose(`failed to load: ${reason}`);
      return { sandbox, report: { id: source.id, error: reason } };
    }
  }

  get usable(): boolean {
    return this.disposedBecause === null && this.dispatchRef !== null;
  }

  async call(callId: number, kind: CallKind, name: string, input: unknown, context: CallContext) {
    if (!this.dispatchRef) return failure(this.disposedBecause ?? 'is not loaded');
    try {
      const json = (await this.dispatchRef.apply(
        undefined,
        [callId, kind, name, JSON.stringify(input ?? null), JSON.stringify(context)],
        { timeout: limits.cpuMsPerCall, arguments: { copy: true }, result: { promise: true, copy: true } },
      )) as string;
      const outcome = JSON.parse(json) as CallOutcome;
      if (outcome.kind === 'value' && Buffer.byteLength(outcome.json) > limits.resultBytes) {
        return failure(
          `returned ${Buffer.byteLength(outcome.json)} bytes of JSON; the limit is ${limits.resultBytes}`,
        );
      }
      return outcome;
    } catch (error) {
      return failure(this.explain(error));
    }
  }

  /** Turns what isolated-vm throws into a sentence for the caller and the admins. */
  explain(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (this.isolate.isDisposed && this.disposedBecause === null) {
      this.disposedBecause = `ran out of memory (the limit is ${limits.memoryMb} MB)`;
    }
    if (this.disposedBecause !== null) return this.disposedBecause;
    if (message.includes('Script execution timed out')) {
      return `timed out: used more than ${limits.cpuMsPerCall} ms of CPU without yielding`;
    }
    return message.slice(0, REASON_MAX);
  }

  /** Ends the isolate (and whatever still runs in it); the next call starts a fresh one. */
  dispose(reason: string): void {
    if (this.disposedBecause !== null) return;
    this.disposedBecause = reason;
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  private async bridge(callId: number, payload: string): Promise<string> {
    if (calls.get(callId)?.pluginId !== this.pluginId) {
      return JSON.stringify({ ok: false, error: 'ctx.api can only be used while its call is running' });
    }
    const requestId = nextBridgeRequest++;
    const result = await new Promise<BridgeResult>((resolve) => {
      bridgeRequests.set(requestId, resolve);
      send({ type: 'bridge', requestId, callId, pluginId: this.pluginId, request: JSON.parse(payload) });
    });
    return JSON.stringify(result);
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

function failure(reason: string): CallOutcome {
  return { kind: 'failure', reason: reason.slice(0, REASON_MAX) };
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
  let settled = false;
  let sandbox: Sandbox | undefined;
  const finish = (outcome: CallOutcome): void => {
    if (settled) return;
    settled = true;
    clearTimeout(watchdog);
    calls.delete(message.callId);
    send({ type: 'result', callId: message.callId, outcome });
  };
  // A never-settling promise or a loop after an await is beyond the per-call CPU limit: the wall
  // clock ends the call and throws the isolate away, with whatever it was still running.
  const watchdog = setTimeout(() => {
    const reason = `timed out: did not finish within ${limits.callTimeoutMs} ms`;
    finish(failure(reason));
    sandbox?.dispose('was restarted because one of its calls timed out');
  }, limits.callTimeoutMs);
  calls.set(message.callId, { pluginId: message.pluginId, finish });
  try {
    sandbox = await sandboxFor(message.pluginId);
    finish(await sandbox.call(message.callId, message.kind, message.name, message.input, message.context));
  } catch (error) {
    finish(failure(error instanceof Error ? error.message : String(error)));
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
