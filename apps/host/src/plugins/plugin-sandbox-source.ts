import { PLUGIN_GLOBAL, PROBLEM_CODE_MAX, type SandboxLimits } from './plugin-protocol';

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

/**
 * The script each call runs: the sandbox's code first (it returns `bind`), then the bundle inside a
 * function written at the script's top level, so its scope holds only the globals, never `bind`.
 */
export function sandboxScript(code: string, limits: SandboxLimits): string {
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
